// The provider's classes for the features the tutorial lacks, loaded when a construct first uses
// them: each provider module takes milliseconds to load, which every synth would otherwise pay,
// the tutorial's included, whether it uses the feature or not. Types are imported as usual.
type Loaded<Module, Name extends keyof Module> = () => Module[Name];

function lazy<Module, Name extends keyof Module>(path: string, name: Name): Loaded<Module, Name> {
  let loaded: Module[Name] | undefined;
  return () => {
    loaded ??= (require(path) as Module)[name];
    return loaded;
  };
}

export const CloudwatchLogGroup = lazy<typeof import("@cdktf/provider-aws/lib/cloudwatch-log-group"), "CloudwatchLogGroup">(
  "@cdktf/provider-aws/lib/cloudwatch-log-group",
  "CloudwatchLogGroup",
);
export const IamRole = lazy<typeof import("@cdktf/provider-aws/lib/iam-role"), "IamRole">("@cdktf/provider-aws/lib/iam-role", "IamRole");
export const IamRolePolicy = lazy<typeof import("@cdktf/provider-aws/lib/iam-role-policy"), "IamRolePolicy">(
  "@cdktf/provider-aws/lib/iam-role-policy",
  "IamRolePolicy",
);
export const AppautoscalingTarget = lazy<typeof import("@cdktf/provider-aws/lib/appautoscaling-target"), "AppautoscalingTarget">(
  "@cdktf/provider-aws/lib/appautoscaling-target",
  "AppautoscalingTarget",
);
export const AppautoscalingPolicy = lazy<typeof import("@cdktf/provider-aws/lib/appautoscaling-policy"), "AppautoscalingPolicy">(
  "@cdktf/provider-aws/lib/appautoscaling-policy",
  "AppautoscalingPolicy",
);
export const EcsClusterCapacityProviders = lazy<
  typeof import("@cdktf/provider-aws/lib/ecs-cluster-capacity-providers"),
  "EcsClusterCapacityProviders"
>("@cdktf/provider-aws/lib/ecs-cluster-capacity-providers", "EcsClusterCapacityProviders");
export const DataAwsRegion = lazy<typeof import("@cdktf/provider-aws/lib/data-aws-region"), "DataAwsRegion">(
  "@cdktf/provider-aws/lib/data-aws-region",
  "DataAwsRegion",
);
