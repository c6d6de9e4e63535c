/** S3's most characters of a bucket name prefix: 63, less the 26 Terraform appends to make it unique. */
const MAX_BUCKET_PREFIX = 37;

/**
 * The start of the name of a service's access logs bucket: the service's name in lower case (S3
 * takes no capitals), cut so that `-alb-logs-` fits in S3's 37 characters of prefix.
 */
export function accessLogsBucketPrefix(name: string): string {
  const suffix = "-alb-logs-";
  return `${name.toLowerCase().slice(0, MAX_BUCKET_PREFIX - suffix.length)}${suffix}`;
}
