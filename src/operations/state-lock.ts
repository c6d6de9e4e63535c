import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { hostname, userInfo } from "node:os";
import { basename, dirname, join } from "node:path";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { StackBackend } from "./stack-services";

/** A held lock: release it when done. */
export interface HeldLock {
  readonly id: string;
  release(): Promise<void>;
}

/** What holds a lock, as Terraform prints it. */
export interface LockInfo {
  readonly ID: string;
  readonly Operation: string;
  readonly Who: string;
  readonly Created: string;
  readonly Path: string;
  readonly Info: string;
  readonly Version: string;
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/**
 * Takes the stack's Terraform state lock, as `terraform apply` does, so that a release and an apply
 * never run at once: the state lock alone would let an apply planned before a release write the
 * old image back after it. With an S3 backend this is Terraform's own lock (the `<key>.tflock`
 * object, created only if absent, in Terraform's format): an apply then waits for the release
 * (`-lock-timeout`) or stops naming it, and the release waits for an apply the same way. A local
 * state has no lock another process can take (Terraform holds it with fcntl): the release then
 * only refuses while Terraform's lock info file says an apply runs.
 */
export async function acquireStateLock(
  backend: StackBackend,
  s3: (region: string) => S3Client,
  options: { readonly operation: string; readonly timeoutSeconds: number; readonly stackDir: string; readonly terraformVersion?: string },
): Promise<HeldLock> {
  const id = randomUUID();
  if (backend.kind === "local") {
    const state = join(options.stackDir, backend.path);
    const info = join(dirname(state), `.${basename(state)}.lock.info`);
    if (existsSync(info)) throw new Error(`the state ${state} is locked by a Terraform run (${info}); wait for it to finish`);
    return { id, release: async () => {} };
  }
  const client = s3(backend.region);
  const key = `${backend.key}.tflock`;
  const info: LockInfo = {
    ID: id,
    Operation: options.operation,
    Who: `${userInfo().username}@${hostname()}`,
    Created: new Date().toISOString(),
    Path: `${backend.bucket}/${backend.key}`,
    Info: "",
    Version: options.terraformVersion ?? "",
  };
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  for (;;) {
    try {
      await client.send(
        new PutObjectCommand({
          Bucket: backend.bucket,
          Key: key,
          Body: JSON.stringify(info),
          IfNoneMatch: "*",
          ContentType: "application/json",
        }),
      );
      break;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name !== "PreconditionFailed" && name !== "ConditionalRequestConflict") throw error;
      if (Date.now() >= deadline) {
        const holder = await lockHolder(client, backend.bucket, key);
        throw new Error(
          `the state s3://${backend.bucket}/${backend.key} is locked${holder ? ` by ${holder.Operation} (${holder.Who}, since ${holder.Created}, lock ID ${holder.ID})` : ""}; waited ${options.timeoutSeconds} s (--lock-timeout)`,
        );
      }
      await sleep(2);
    }
  }
  return {
    id,
    release: async () => {
      const holder = await lockHolder(client, backend.bucket, key);
      if (holder?.ID === id) await client.send(new DeleteObjectCommand({ Bucket: backend.bucket, Key: key }));
    },
  };
}

async function lockHolder(client: S3Client, bucket: string, key: string): Promise<LockInfo | undefined> {
  try {
    const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return JSON.parse((await Body?.transformToString()) ?? "{}") as LockInfo;
  } catch {
    return undefined;
  }
}
