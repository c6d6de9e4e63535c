import { startMoto } from "../../tools/harness/moto";

describe("startMoto", () => {
  it("starts servers on distinct free ports of 127.0.0.1 and stops them", async () => {
    const [first, second] = await Promise.all([startMoto(), startMoto()]);
    try {
      expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(first.port).not.toBe(second.port);
      expect((await fetch(`${first.endpoint}/moto-api/`)).ok).toBe(true);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    await expect(fetch(`${first.endpoint}/moto-api/`)).rejects.toThrow();
  });

  it("gives an environment in which no AWS setting of the caller survives", async () => {
    const moto = await startMoto();
    try {
      process.env.AWS_PROFILE = "production";
      process.env.AWS_SESSION_TOKEN = "real-token";
      const env = moto.env("eu-west-1");
      expect(
        Object.keys(env)
          .filter((name) => name.startsWith("AWS_"))
          .sort(),
      ).toEqual([
        "AWS_ACCESS_KEY_ID",
        "AWS_DEFAULT_REGION",
        "AWS_EC2_METADATA_DISABLED",
        "AWS_ENDPOINT_URL",
        "AWS_REGION",
        "AWS_SECRET_ACCESS_KEY",
      ]);
      expect(env).toMatchObject({ AWS_ENDPOINT_URL: moto.endpoint, AWS_REGION: "eu-west-1" });
    } finally {
      delete process.env.AWS_PROFILE;
      delete process.env.AWS_SESSION_TOKEN;
      await moto.stop();
    }
  });

  it("says what to do when Python cannot be found", async () => {
    process.env.MOTO_PYTHON = "/nonexistent/python3";
    try {
      await expect(startMoto()).rejects.toThrow(/\/nonexistent\/python3: .*ENOENT.*set MOTO_PYTHON/);
    } finally {
      delete process.env.MOTO_PYTHON;
    }
  });
});
