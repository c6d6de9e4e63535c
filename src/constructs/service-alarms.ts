import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import { addressPinner } from "./address";

/** What each of a service's alarms watches, as the end of its name. */
const ALARM_SUFFIXES = ["target-5xx", "unhealthy-targets", "response-time"] as const;

/** The names of a service's alarms, `<name>-target-5xx` and so on, whether they exist or not. */
export function serviceAlarmNames(name: string): string[] {
  return ALARM_SUFFIXES.map((suffix) => `${name}-${suffix}`);
}

/** Properties of {@link ServiceAlarms}. */
export interface ServiceAlarmsProps {
  /** Name of the service: its alarms are `<name>-target-5xx`, `<name>-unhealthy-targets`, `<name>-response-time`. */
  readonly name: string;
  /** The load balancer's ARN suffix (`app/<name>/<id>`), the dimension CloudWatch counts it by. */
  readonly loadBalancerArnSuffix: string;
  /** The service's target group's ARN suffix. */
  readonly targetGroupArnSuffix: string;
  /** 5xx answers of the tasks per minute that raise the alarm. */
  readonly targetErrorsPerMinute: number;
  /** Seconds of p95 response time that raise the alarm. */
  readonly responseTimeSeconds: number;
  /** Unhealthy targets that raise the alarm. */
  readonly unhealthyTargets: number;
  /** Minutes in a row a threshold must be crossed. */
  readonly evaluationMinutes: number;
  /** The SNS topic told when an alarm goes off and when it clears. */
  readonly topicArn: string;
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/**
 * CloudWatch alarms on what a service's users feel, measured by its load balancer: the tasks'
 * 5xx answers, targets failing the health check, and the 95th percentile of the response time,
 * each over whole minutes. Minutes without requests count as fine. Each tells the topic when it
 * goes off and when it clears; ECS deployment alarms roll back a deployment that raises one.
 */
export class ServiceAlarms extends Construct {
  public readonly targetErrors: CloudwatchMetricAlarm;
  public readonly unhealthyTargets: CloudwatchMetricAlarm;
  public readonly responseTime: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    const alarm = (
      alarmId: (typeof ALARM_SUFFIXES)[number],
      description: string,
      metric: { metricName: string; statistic?: string; extendedStatistic?: string; threshold: number },
    ) => {
      const created = new CloudwatchMetricAlarm(this, alarmId, {
        alarmName: `${props.name}-${alarmId}`,
        alarmDescription: description,
        namespace: "AWS/ApplicationELB",
        ...metric,
        dimensions: { LoadBalancer: props.loadBalancerArnSuffix, TargetGroup: props.targetGroupArnSuffix },
        period: 60,
        evaluationPeriods: props.evaluationMinutes,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
        alarmActions: [props.topicArn],
        okActions: [props.topicArn],
      });
      pin(created, alarmId.replace(/-/g, "_"));
      return created;
    };
    this.targetErrors = alarm("target-5xx", `${props.name}: its tasks answer with 5xx errors`, {
      metricName: "HTTPCode_Target_5XX_Count",
      statistic: "Sum",
      threshold: props.targetErrorsPerMinute,
    });
    this.unhealthyTargets = alarm("unhealthy-targets", `${props.name}: tasks fail the load balancer's health check`, {
      metricName: "UnHealthyHostCount",
      statistic: "Maximum",
      threshold: props.unhealthyTargets,
    });
    this.responseTime = alarm("response-time", `${props.name}: the slowest 5 % of answers take too long`, {
      metricName: "TargetResponseTime",
      extendedStatistic: "p95",
      threshold: props.responseTimeSeconds,
    });
  }

  /** The alarms' names, as the ECS service's deployment alarms name them. */
  get names(): string[] {
    return [this.targetErrors, this.unhealthyTargets, this.responseTime].map((alarm) => alarm.alarmName);
  }
}
