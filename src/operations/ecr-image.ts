/** An image in a private ECR registry: its account, region, repository and tag or digest. */
export interface EcrImage {
  readonly registryId: string;
  readonly region: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?$/;

/** The parts of a private ECR image reference, or nothing for any other registry; a reference without tag or digest is `latest`. */
export function ecrImage(image: string): EcrImage | undefined {
  const match = ECR_IMAGE.exec(image);
  if (!match) return undefined;
  const [, registryId, region, repository, tag, digest] = match;
  return { registryId, region, repository, tag: digest ? tag : (tag ?? "latest"), digest };
}
