import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";
import { LbListener, type LbListenerDefaultAction } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { TUTORIAL } from "../settings/tutorial";
import { addressOf, addressPinner } from "./address";
import { type LoadBalancer, REDIRECT_TO_HTTPS } from "./load-balancer";
import { createFirst } from "./replacement";

/** Properties of {@link Https}. */
export interface HttpsProps {
  /** The domain the service answers on. */
  readonly domain: string;
  /**
   * More names on the certificate, each with a DNS record to the load balancer.
   * @default []
   */
  readonly aliases?: readonly string[];
  /** The public hosted zone of the domain: its name, or its ID (`Z…`). */
  readonly hostedZone: string;
  /** The load balancer to serve HTTPS on. */
  readonly loadBalancer: LoadBalancer;
  /** What the HTTPS listener does with requests no rule matches: the tutorial forwards them all to the service. */
  readonly defaultAction: LbListenerDefaultAction;
  /**
   * TLS policy of the HTTPS listener.
   * @default - ELB's default (not written)
   */
  readonly tlsPolicy?: string;
  /**
   * Redirect the domain's plain-HTTP requests to HTTPS with a rule on the HTTP listener (priority 99), as the tutorial does.
   * @default false
   */
  readonly redirectRule?: boolean;
  /**
   * Take the domain's validation record over when the zone holds it already: ACM asks for the same record for the same name in one account, so a certificate made before (or beside) this one may have written it.
   * @default false: as the tutorial, whose record then fails to create
   */
  readonly adoptValidationRecord?: boolean;
  /**
   * Replace the rule that opens 443 the new one first.
   * @default false
   */
  readonly safeReplacements?: boolean;
  /**
   * Describe the rule that opens 443.
   * @default false
   */
  readonly describeRules?: boolean;
  /**
   * Prefix of the Terraform addresses.
   * @default - none: the tutorial's addresses
   */
  readonly addressPrefix?: string;
}

/** The hosted zone ID shape, which tells an ID from a zone name. */
const ZONE_ID = /^Z[A-Z0-9]{1,31}$/;

/**
 * The aliases whose validation record is their own: ACM validates `*.example.com` with the record
 * of `example.com`, so a wildcard beside its apex (or the domain) would write one record twice.
 */
export function aliasesWithOwnValidation(domain: string, aliases: readonly string[]): string[] {
  const validatedAs = (name: string) => name.replace(/^\*\./, "").toLowerCase();
  const written = new Set([validatedAs(domain)]);
  return aliases.filter((alias) => !written.has(validatedAs(alias)) && written.add(validatedAs(alias)) !== undefined);
}

/**
 * The tutorial's HTTPS chapter: the domain's public hosted zone (looked up, not created), a
 * DNS-validated certificate, an A alias to the load balancer, 443 open on its security group, an
 * HTTPS listener with the certificate, and the domain's plain HTTP redirected. At the chapter's
 * addresses; extra names (`aliases`) get records of their own beside them.
 */
export class Https extends Construct {
  public readonly zone: DataAwsRoute53Zone;
  public readonly certificate: AcmCertificate;
  public readonly certificateValidation: AcmCertificateValidation;
  public readonly record: Route53Record;
  public readonly listener: LbListener;

  constructor(scope: Construct, id: string, props: HttpsProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    const aliases = [...(props.aliases ?? [])];
    const { alb, securityGroup } = props.loadBalancer;

    this.zone = new DataAwsRoute53Zone(this, "zone", {
      ...(ZONE_ID.test(props.hostedZone) ? { zoneId: props.hostedZone } : { name: props.hostedZone }),
      privateZone: false,
    });
    pin(this.zone, "main");

    this.certificate = new AcmCertificate(this, "certificate", {
      domainName: props.domain,
      subjectAlternativeNames: aliases.length ? aliases : undefined,
      validationMethod: "DNS",
      // A new certificate (a new name) must exist before the listener lets go of the old one.
      lifecycle: { createBeforeDestroy: true },
    });
    pin(this.certificate, "main");

    // The certificate's validation records are a set, known only once it exists: each record picks
    // its own name's entry. The domain's record keeps the chapter's address, one record of its own;
    // each other name gets one unless it shares a record already written.
    const certificateAddress = addressOf(this.certificate);
    const validationOf = (domain: string, field: "name" | "type" | "value") =>
      `\${one([for option in ${certificateAddress}.domain_validation_options : option.resource_record_${field} if option.domain_name == ${domain}])}`;
    const validationRecord = (recordId: string, domain: string, forEach?: TerraformIterator) =>
      new Route53Record(this, recordId, {
        forEach,
        zoneId: this.zone.zoneId,
        ttl: 60,
        name: validationOf(domain, "name"),
        type: validationOf(domain, "type"),
        records: [validationOf(domain, "value")],
        allowOverwrite: forEach || props.adoptValidationRecord ? true : undefined,
        dependsOn: forEach ? undefined : [this.certificate],
      });
    const validation = validationRecord("validation-record", JSON.stringify(props.domain));
    pin(validation, "validation");
    const fqdns = [validation.fqdn];
    const ownValidation = aliasesWithOwnValidation(props.domain, aliases);
    if (ownValidation.length) {
      const names = TerraformIterator.fromList(ownValidation);
      const aliasValidation = validationRecord("alias-validation", names.key, names);
      pin(aliasValidation, "validation_aliases");
      const address = addressOf(aliasValidation);
      fqdns.push(...ownValidation.map((alias) => `\${${address}[${JSON.stringify(alias)}].fqdn}`));
    }

    this.certificateValidation = new AcmCertificateValidation(this, "validation", {
      certificateArn: this.certificate.arn,
      validationRecordFqdns: fqdns,
    });
    pin(this.certificateValidation, "main");

    const aliasTarget = { name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true };
    this.record = new Route53Record(this, "record", {
      type: "A",
      name: props.domain,
      zoneId: this.zone.zoneId,
      alias: aliasTarget,
    });
    pin(this.record, "main");
    if (aliases.length) {
      const names = TerraformIterator.fromList(aliases);
      const aliasRecords = new Route53Record(this, "alias-records", {
        forEach: names,
        type: "A",
        name: names.key,
        zoneId: this.zone.zoneId,
        alias: aliasTarget,
      });
      pin(aliasRecords, "aliases");
    }

    const httpsIngress = new SecurityGroupRule(this, "ingress", {
      securityGroupId: securityGroup.id,
      type: "ingress",
      fromPort: 443,
      toPort: 443,
      protocol: "tcp",
      cidrBlocks: ["0.0.0.0/0"],
      description: props.describeRules ? "HTTPS from the internet" : undefined,
      lifecycle: createFirst(props.safeReplacements),
    });
    pin(httpsIngress, "alb_https");

    this.listener = new LbListener(this, "listener", {
      loadBalancerArn: alb.arn,
      // The validated certificate (the same ARN): the listener waits until AWS has issued it.
      certificateArn: this.certificateValidation.certificateArn,
      sslPolicy: props.tlsPolicy,
      port: 443,
      protocol: "HTTPS",
      defaultAction: [props.defaultAction],
    });
    pin(this.listener, "https");

    if (props.redirectRule) {
      const redirect = new LbListenerRule(this, "redirect", {
        listenerArn: props.loadBalancer.listener.arn,
        priority: TUTORIAL.httpsRedirectPriority,
        action: [REDIRECT_TO_HTTPS],
        condition: [{ hostHeader: { values: [props.domain] } }],
      });
      pin(redirect, "http_to_https");
    }
  }
}
