import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { acquireStateLock } from "../../src/operations/state-lock";

const s3 = () => new S3Client({ region: "ap-northeast-1" });

describe("acquireStateLock with a local state", () => {
  it("goes ahead when no Terraform run holds the state", async () => {
    const project = mkdtempSync(join(tmpdir(), "project-"));
    const lock = await acquireStateLock({ kind: "local", path: "../terraform.web.tfstate" }, s3, {
      operation: "npm run release",
      timeoutSeconds: 0,
      stackDir: join(project, "stacks"),
    });
    await expect(lock.release()).resolves.toBeUndefined();
  });

  it("refuses while Terraform's lock info file says an apply holds the state", async () => {
    const project = mkdtempSync(join(tmpdir(), "project-"));
    writeFileSync(join(project, ".terraform.web.tfstate.lock.info"), "{}");
    await expect(
      acquireStateLock({ kind: "local", path: "../terraform.web.tfstate" }, s3, {
        operation: "npm run release",
        timeoutSeconds: 0,
        stackDir: join(project, "stacks"),
      }),
    ).rejects.toThrow(/is locked by a Terraform run/);
  });
});
