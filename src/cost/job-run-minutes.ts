import { environmentServices } from "../settings/environment-services";
import type { EnvironmentSettings } from "../settings/settings";
import { TUTORIAL } from "../settings/tutorial";

/** Each job's `schedule.expectedRunMinutes` where its file gives it, by the job's name (its schedule's). */
export function expectedRunMinutes(settings: EnvironmentSettings): Record<string, number> {
  const platformName = settings.name ?? TUTORIAL.name;
  return Object.fromEntries(
    environmentServices(settings, platformName).flatMap(({ props }) =>
      props.kind === "job" && props.schedule?.expectedRunMinutes !== undefined
        ? [[props.name ?? platformName, props.schedule.expectedRunMinutes]]
        : [],
    ),
  );
}
