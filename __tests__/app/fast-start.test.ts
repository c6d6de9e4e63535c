describe("fast-start", () => {
  const previous = Error.prepareStackTrace;
  afterAll(() => {
    Error.prepareStackTrace = previous;
  });

  it("turns Node's source maps off, and leaves the traces cdktf records on plain objects empty", async () => {
    process.setSourceMapsEnabled(true);
    await import("../../src/app/fast-start");
    expect((process as unknown as { sourceMapsEnabled: boolean }).sourceMapsEnabled).toBe(false);
    const recorded = { stack: "" };
    Error.captureStackTrace(recorded);
    expect(recorded.stack).toBe("");
  });

  it("keeps V8's format for the traces of real errors", () => {
    function thrower(): Error {
      return new TypeError("broken");
    }
    const lines = thrower().stack!.split("\n");
    expect(lines[0]).toBe("TypeError: broken");
    expect(lines[1]).toMatch(/^ {4}at thrower \(.*fast-start\.test\.ts:\d+:\d+\)$/);
  });
});
