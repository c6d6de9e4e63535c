import type { SettingsRule } from "./rule";

/** ECS refuses longer image references. */
const MAX_IMAGE_LENGTH = 255;

// Docker's reference grammar: [registry[:port]/]path[:tag][@digest], lowercase path components.
const IMAGE =
  /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d{1,5})?\/)?[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*(?::[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

export const imageReferenceRule: SettingsRule = {
  id: "image-reference",
  summary: "`image` is a container image reference (`[registry/]path[:tag][@sha256:digest]`) of at most 255 characters",
  check(s, { usable }) {
    if (!usable("image")) return [];
    if (!IMAGE.test(s.image)) {
      return [
        {
          path: "image",
          rule: "must be a container image reference such as nginx:1.14 or registry.example.com/team/app:1.0",
          value: s.image,
        },
      ];
    }
    if (s.image.length > MAX_IMAGE_LENGTH) {
      return [{ path: "image", rule: `must be at most ${MAX_IMAGE_LENGTH} characters (ECS's limit)`, value: s.image }];
    }
    return [];
  },
};
