import schemaDocument from "../../config/settings.schema.json";
import type { Problem } from "./problems";
import type { JsonSchema } from "./schema-check";
import type { EnvironmentSettings, FargateWebServiceProps, PlatformSettings } from "./settings";

const SCHEMA = schemaDocument as JsonSchema;

/** The settings each service of a platform has for itself; the others the services share. */
export const SERVICE_FIELDS: ReadonlySet<string> = new Set(Object.keys(SCHEMA.definitions!.ServiceSettings.properties!));
const PLATFORM_FIELDS: readonly string[] = Object.keys(SCHEMA.definitions!.PlatformSettings.properties!);

/** One service of an environment: its id, and its settings merged with the shared ones. */
export interface EnvironmentService {
  readonly id: string;
  /** `services.<id>`, or nothing for the single service of a file without `services`. */
  readonly field?: string;
  readonly props: FargateWebServiceProps;
}

/** The shared part of a service's props: what the platform is built from. */
export function platformSettingsOf(props: FargateWebServiceProps): PlatformSettings {
  return Object.fromEntries(PLATFORM_FIELDS.filter((key) => key in props).map((key) => [key, props[key as keyof PlatformSettings]]));
}

/** The name of a service that is not its platform's first: `<platform name>-<id>`. */
export function joinedServiceName(platformName: string, id: string): string {
  return `${platformName}-${id}`;
}

/** The address prefix of a service that is not its platform's first: its id, after the platform's prefix. */
export function joinedAddressPrefix(platformPrefix: string | undefined, id: string): string {
  const own = id.toLowerCase().replace(/[^a-z0-9]+/g, "_");
  return platformPrefix ? `${platformPrefix}_${own}` : own;
}

/**
 * The services of an environment, each with the shared settings merged in: one, the file's own
 * settings, without `services`; else each entry, the first with the environment's name and
 * addresses and the others with names and addresses of their own.
 */
export function environmentServices(settings: EnvironmentSettings, platformName: string): EnvironmentService[] {
  const { services, ...rest } = settings;
  if (!services || typeof services !== "object" || !Object.keys(services).length) return [{ id: platformName, props: rest }];
  const shared = platformSettingsOf(rest);
  return Object.entries(services).map(([id, own], index) => {
    // An internal service is called by its id unless it names itself otherwise.
    const serviceConnect = own?.kind === "internal" ? { serviceConnect: { name: id, ...own.serviceConnect } } : {};
    return {
      id,
      field: `services.${id}`,
      props:
        index === 0
          ? { ...shared, ...own, ...serviceConnect }
          : {
              ...shared,
              ...own,
              ...serviceConnect,
              name: joinedServiceName(platformName, id),
              addressPrefix: joinedAddressPrefix(shared.addressPrefix, id),
            },
    };
  });
}

/**
 * With `services`, a service's settings belong in each service: given at the top too, they would
 * be ambiguous (a default for all, or the first's?), so they are refused there.
 */
export function misplacedServiceSettings(settings: EnvironmentSettings): Problem[] {
  if (settings.services === undefined) return [];
  const problems: Problem[] = Object.entries(settings)
    .filter(([key]) => SERVICE_FIELDS.has(key))
    .map(([key, value]) => ({
      path: key,
      rule: "must be set in each service of services, not at the top: the top holds what the services share",
      value,
    }));
  if (settings.lastChapter !== undefined && settings.lastChapter !== "ecs") {
    problems.push({ path: "lastChapter", rule: 'must be "ecs" or left out when the file has services', value: settings.lastChapter });
  }
  return problems;
}
