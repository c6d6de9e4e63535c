import { type IAspect, TerraformResource } from "cdktf";
import type { IConstruct } from "constructs";

type Taggable = TerraformResource & { tags?: Record<string, string>; readonly tagsInput?: Record<string, string> };

/**
 * Adds tags to every resource under a construct that takes tags; a resource's own tags (its Name)
 * win over them. An aspect, so it also reaches resources users add to the construct themselves.
 */
export class TagResources implements IAspect {
  constructor(private readonly tags: Readonly<Record<string, string>>) {}

  visit(node: IConstruct): void {
    if (node instanceof TerraformResource && "tagsInput" in node) {
      const taggable = node as Taggable;
      taggable.tags = { ...this.tags, ...taggable.tagsInput };
    }
  }
}
