import { ELB_DEFAULT_TLS_POLICY, RECOMMENDED_TLS_POLICY, TLS_POLICY_OLDEST_VERSION } from "../../src/aws/tls-policies";

const names = Object.keys(TLS_POLICY_OLDEST_VERSION);

describe("TLS_POLICY_OLDEST_VERSION", () => {
  it("holds AWS's published ALB policies: 44, the default and the recommended one among them", () => {
    expect(names).toHaveLength(44);
    expect(names).toContain(ELB_DEFAULT_TLS_POLICY);
    expect(TLS_POLICY_OLDEST_VERSION[RECOMMENDED_TLS_POLICY]).toBe("1.2");
  });

  it("has the post-quantum 2025-09 family as AWS publishes it: no TLS13-1-1, Ext0 only with FIPS", () => {
    const postQuantum = names.filter((name) => name.endsWith("-PQ-2025-09"));
    expect(postQuantum).toHaveLength(13);
    expect(postQuantum.filter((name) => name.includes("TLS13-1-1-"))).toEqual([]);
    expect(postQuantum.filter((name) => name.includes("-Ext0-"))).toEqual(["ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09"]);
  });

  it("reads the oldest TLS version off each name's family, as AWS's table gives it", () => {
    for (const name of names) {
      const version = TLS_POLICY_OLDEST_VERSION[name];
      const written = /TLS13-(1-[0-3])-|FS-(1-[12])-|TLS-(1-[12])-/.exec(name);
      const expected = written ? (written[1] ?? written[2] ?? written[3]).replace("-", ".") : "1.0";
      expect([name, version]).toEqual([name, expected]);
    }
  });
});
