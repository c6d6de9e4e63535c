/** A TLS protocol version an Application Load Balancer negotiates. */
export type TlsVersion = "1.0" | "1.1" | "1.2" | "1.3";

/**
 * Every security policy an Application Load Balancer's HTTPS listener accepts, with the oldest TLS
 * version it lets a client negotiate: AWS's table "Protocols by policy" in "Security policies for
 * your Application Load Balancer" (docs.aws.amazon.com/elasticloadbalancing/latest/application/
 * describe-ssl-policies.html, read December 2026), the same names as aws-cdk-lib's `SslPolicy`.
 * ALBs take no custom policy, so a name outside this table fails the listener with
 * `SSLPolicyNotFound`. The post-quantum family of 2025-09 has no TLS13-1-1 policy and, like the
 * FIPS family, Ext0 only with FIPS; RFC 9151 (CNSA 1.0) policies are FIPS only.
 */
export const TLS_POLICY_OLDEST_VERSION: Readonly<Record<string, TlsVersion>> = {
  "ELBSecurityPolicy-TLS13-1-3-2021-06": "1.3",
  "ELBSecurityPolicy-TLS13-1-2-2021-06": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06": "1.2",
  "ELBSecurityPolicy-TLS13-1-1-2021-06": "1.1",
  "ELBSecurityPolicy-TLS13-1-0-2021-06": "1.0",
  "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09": "1.3",
  "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09": "1.2",
  "ELBSecurityPolicy-TLS13-1-0-PQ-2025-09": "1.0",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04": "1.3",
  "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04": "1.2",
  "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04": "1.1",
  "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04": "1.0",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09": "1.3",
  "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09": "1.2",
  "ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09": "1.0",
  "ELBSecurityPolicy-TLS13-1-3-RFC9151-FIPS-2023-07": "1.3",
  "ELBSecurityPolicy-TLS13-1-2-RFC9151-FIPS-2023-07": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext0-RFC9151-FIPS-2023-07": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP1-FIPS-2023-07": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP2-FIPS-2023-07": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP3-FIPS-2023-07": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP4-FIPS-2023-07": "1.2",
  "ELBSecurityPolicy-FS-1-2-Res-2020-10": "1.2",
  "ELBSecurityPolicy-FS-1-2-Res-2019-08": "1.2",
  "ELBSecurityPolicy-FS-1-2-2019-08": "1.2",
  "ELBSecurityPolicy-FS-1-1-2019-08": "1.1",
  "ELBSecurityPolicy-FS-2018-06": "1.0",
  "ELBSecurityPolicy-TLS-1-2-Ext-2018-06": "1.2",
  "ELBSecurityPolicy-TLS-1-2-2017-01": "1.2",
  "ELBSecurityPolicy-TLS-1-1-2017-01": "1.1",
  "ELBSecurityPolicy-2016-08": "1.0",
};

/** The policy ELB applies when a listener names none (the API's, the CLI's and Terraform's default). */
export const ELB_DEFAULT_TLS_POLICY = "ELBSecurityPolicy-2016-08";

/**
 * The policy AWS recommends and the console picks: TLS 1.3 and 1.2 with hybrid post-quantum key
 * exchange (ML-KEM beside classical ECDHE), so clients without ML-KEM still connect.
 */
export const RECOMMENDED_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09";
