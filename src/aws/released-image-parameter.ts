/** The SSM parameter that holds the image releases put in place for a service. */
export function releasedImageParameterName(serviceName: string): string {
  return `/ecs/${serviceName}/image`;
}

/** A released image's parameter name, and the service's name in it. */
export const RELEASED_IMAGE_PARAMETER = /^\/ecs\/(.+)\/image$/;
