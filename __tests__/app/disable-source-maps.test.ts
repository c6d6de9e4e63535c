describe("disable-source-maps", () => {
  it("turns Node's source maps off, whatever turned them on", async () => {
    process.setSourceMapsEnabled(true);
    await import("../../src/app/disable-source-maps");
    expect((process as unknown as { sourceMapsEnabled: boolean }).sourceMapsEnabled).toBe(false);
  });
});
