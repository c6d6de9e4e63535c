import type { EnvironmentSettings } from "../settings/settings";
import { HOURS_PER_MONTH } from "./prices";

/** The hands-on's chapters, in the order they are deployed. */
export const CHAPTERS = ["VPC", "ALB", "ECS", "HTTPS"] as const;
export type Chapter = (typeof CHAPTERS)[number];

/** A priced environment, with the settings that say which stage of which deployment it is. */
export interface PricedEnvironment {
  readonly name: string;
  readonly settings: EnvironmentSettings;
  readonly monthly: number;
}

/** One stage of a deployment built chapter by chapter: what runs once it is deployed, and what its chapter adds. */
export interface ChapterCost {
  readonly chapter: Chapter;
  readonly stage: string;
  readonly monthly: number;
  readonly hourly: number;
  readonly added: number;
}

/** The chapter an environment ends with: its lastChapter, else the ECS chapter, or HTTPS when it has a domain. */
export function chapterOf(settings: EnvironmentSettings): Chapter {
  if (settings.lastChapter) return settings.lastChapter === "vpc" ? "VPC" : settings.lastChapter === "alb" ? "ALB" : "ECS";
  return settings.https ? "HTTPS" : "ECS";
}

/**
 * The deployments built in stages (an environment and those sharing its state, as the hands-on's
 * chapters do), each stage with what it costs and what its chapter adds to the one before.
 */
export function chapterCosts(environments: readonly PricedEnvironment[]): Map<string, ChapterCost[]> {
  const byDeployment = new Map<string, PricedEnvironment[]>();
  for (const environment of environments) {
    const deployment = environment.settings.sharesStateWith ?? environment.name;
    byDeployment.set(deployment, [...(byDeployment.get(deployment) ?? []), environment]);
  }
  const result = new Map<string, ChapterCost[]>();
  for (const [deployment, stages] of byDeployment) {
    if (stages.length < 2) continue;
    const ordered = [...stages].sort((a, b) => CHAPTERS.indexOf(chapterOf(a.settings)) - CHAPTERS.indexOf(chapterOf(b.settings)));
    result.set(
      deployment,
      ordered.map((stage, index) => ({
        chapter: chapterOf(stage.settings),
        stage: stage.name,
        monthly: stage.monthly,
        hourly: stage.monthly / HOURS_PER_MONTH,
        added: stage.monthly - (index ? ordered[index - 1].monthly : 0),
      })),
    );
  }
  return result;
}
