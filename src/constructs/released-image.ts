import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { Construct } from "constructs";
import { releasedImageParameterName } from "../aws/released-image-parameter";
import { addressPinner } from "./address";

/** Properties of {@link ReleasedImage}. */
export interface ReleasedImageProps {
  /** Name of the service: its parameter is `/ecs/<name>/image`. */
  readonly name: string;
  /** The image of the first deploy: the environment file's. */
  readonly firstImage: string;
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/**
 * Where a service's image comes from when releases deploy it (`imageDeployedBy: "release"`): an
 * SSM parameter that `npm run release` writes once a new image serves. Terraform writes only its
 * first value, the file's image, and otherwise reads it (`ignore_changes`), so every apply — an
 * environment variable, a new size — keeps the image the last release put in place.
 */
export class ReleasedImage extends Construct {
  public readonly parameter: SsmParameter;
  /** The image of the first deploy; releases replace it, in the same repository or another. */
  public readonly firstImage: string;

  constructor(scope: Construct, id: string, props: ReleasedImageProps) {
    super(scope, id);
    this.firstImage = props.firstImage;
    this.parameter = new SsmParameter(this, "parameter", {
      name: releasedImageParameterName(props.name),
      type: "String",
      insecureValue: props.firstImage,
      description: "The image npm run release deployed last; Terraform keeps it",
      lifecycle: { ignoreChanges: ["insecure_value"] },
    });
    addressPinner(props.addressPrefix)(this.parameter, "image");
  }

  /** The image the service runs: the parameter's value as Terraform last read it from AWS. */
  get image(): string {
    return this.parameter.insecureValue;
  }
}
