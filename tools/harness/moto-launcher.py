#!/usr/bin/env python3
"""The local AWS API of this project's tests: moto 5.2.1, patched where it falls short of what
Terraform's AWS provider 5.100.0 needs or of what AWS does, then started exactly as `moto_server`
(same arguments: -H host -p port).

    python3 tools/harness/moto-launcher.py -H 127.0.0.1 -p 5000

Each patch names the gap it closes and why. They change moto's classes in this process only,
before the server starts; nothing on disk changes, and none of it is product code: the stacks are
the same Terraform against AWS. Set MOTO_ECS_SERVICE_RUNNING to get moto's own running count back
(patch 3 then steps aside).
"""
import json
import os
import re
import sys

import moto
from moto.applicationautoscaling.models import (
    ApplicationAutoscalingBackend,
    FakeApplicationAutoscalingPolicy,
)
from moto.applicationautoscaling.responses import ApplicationAutoScalingResponse
from moto.core.exceptions import JsonRESTError
from moto.ecs.responses import EC2ContainerServiceResponse

if moto.__version__ != "5.2.1":
    print(f"moto_launcher: written for moto 5.2.1, found {moto.__version__}; "
          "patches may be redundant or broken", file=sys.stderr)


# --------------------------------------------------------------------------
# Patch 1 - Application Auto Scaling has no tagging API.
# Gap: moto 5.2.1 does not implement ListTagsForResource / TagResource /
# UntagResource; they raise NotImplementedError -> HTTP 500.  The provider
# reads tags after every RegisterScalableTarget (default_tags makes tags_all
# non-empty) and retries the 500 with growing backoff (still retrying after
# 8.5 min when killed), so aws_appautoscaling_target never finishes creating.
# Tags sent with RegisterScalableTarget were also dropped.  Fix: keep a per-backend
# {scalable-target ARN: {key: value}} store, fill it from RegisterScalableTarget
# (only when the target is created, as AWS documents), expose the three calls,
# and forget tags on DeregisterScalableTarget.
# --------------------------------------------------------------------------
class _AASResourceNotFound(JsonRESTError):
    def __init__(self, arn):
        super().__init__("ResourceNotFoundException",
                         f"No scalable target found for ARN: {arn}")


def _aas_tags(backend: ApplicationAutoscalingBackend) -> dict:
    if not hasattr(backend, "_launcher_tags"):
        backend._launcher_tags = {}
    return backend._launcher_tags


def _aas_target_by_arn(backend, arn):
    for by_rid in backend.targets.values():
        for target in by_rid.values():
            if target.arn == arn:
                return target
    raise _AASResourceNotFound(arn)


_orig_register = ApplicationAutoScalingResponse.register_scalable_target
_orig_deregister = ApplicationAutoScalingResponse.deregister_scalable_target


def _register_scalable_target(self):
    backend = self.applicationautoscaling_backend
    existed = backend._scalable_target_exists(
        self._get_param("ResourceId"), self._get_param("ScalableDimension"))
    body = _orig_register(self)
    tags = self._get_param("Tags")
    if tags and not existed:
        arn = json.loads(body)["ScalableTargetARN"]
        _aas_tags(backend).setdefault(arn, {}).update(tags)
    return body


def _deregister_scalable_target(self):
    backend = self.applicationautoscaling_backend
    rid, dim = self._get_param("ResourceId"), self._get_param("ScalableDimension")
    arn = (backend.targets[dim][rid].arn
           if backend._scalable_target_exists(rid, dim) else None)
    body = _orig_deregister(self)
    _aas_tags(backend).pop(arn, None)
    # Patch 4b (see below): AWS deletes the target's scaling policies too.
    for key, policy in list(backend.policies.items()):
        if (policy.resource_id, policy.scalable_dimension) == (rid, dim):
            policy.delete_alarms(backend.account_id, backend.region_name)
            del backend.policies[key]
    return body


def _aas_list_tags_for_resource(self):
    backend = self.applicationautoscaling_backend
    arn = self._get_param("ResourceARN")
    _aas_target_by_arn(backend, arn)
    return json.dumps({"Tags": dict(_aas_tags(backend).get(arn, {}))})


def _aas_tag_resource(self):
    backend = self.applicationautoscaling_backend
    arn = self._get_param("ResourceARN")
    _aas_target_by_arn(backend, arn)
    _aas_tags(backend).setdefault(arn, {}).update(self._get_param("Tags") or {})
    return json.dumps({})


def _aas_untag_resource(self):
    backend = self.applicationautoscaling_backend
    arn = self._get_param("ResourceARN")
    _aas_target_by_arn(backend, arn)
    current = _aas_tags(backend).get(arn, {})
    for key in self._get_param("TagKeys") or []:
        current.pop(key, None)
    return json.dumps({})


# --------------------------------------------------------------------------
# Patch 4 - scaling-policy lifecycle (found with boto3; does not show in this
# config's re-plan, but breaks anything referencing the policy ARN).
# 4a Gap: PutScalingPolicy on an existing policy builds a brand-new object, so
#    the PolicyARN changes on every in-place update of aws_appautoscaling_policy
#    (AWS keeps it) and the old policy's CloudWatch alarms are leaked.  Fix:
#    keep the old GUID/ARN/creation time, rebuild alarms, drop the old ones.
# 4b Gap: DeregisterScalableTarget leaves the target's scaling policies behind
#    (AWS deletes them), hiding real drift when a target is replaced.  Fix: in
#    _deregister_scalable_target above.
# --------------------------------------------------------------------------
_orig_put_policy = ApplicationAutoscalingBackend.put_scaling_policy


def _put_scaling_policy(self, policy_name, service_namespace, resource_id,
                        scalable_dimension, policy_body, policy_type):
    key = FakeApplicationAutoscalingPolicy.formulate_key(
        service_namespace, resource_id, scalable_dimension, policy_name)
    old = self.policies.get(key)
    policy = _orig_put_policy(self, policy_name, service_namespace, resource_id,
                              scalable_dimension, policy_body, policy_type)
    if old is not None:
        old.delete_alarms(self.account_id, self.region_name)
        policy.delete_alarms(self.account_id, self.region_name)
        policy._guid, policy.policy_arn = old._guid, old.policy_arn
        policy.creation_time = old.creation_time
        policy.alarms = []
        policy.create_alarms()
    return policy


ApplicationAutoscalingBackend.put_scaling_policy = _put_scaling_policy
ApplicationAutoScalingResponse.register_scalable_target = _register_scalable_target
ApplicationAutoScalingResponse.deregister_scalable_target = _deregister_scalable_target
ApplicationAutoScalingResponse.list_tags_for_resource = _aas_list_tags_for_resource
ApplicationAutoScalingResponse.tag_resource = _aas_tag_resource
ApplicationAutoScalingResponse.untag_resource = _aas_untag_resource


# --------------------------------------------------------------------------
# Patch 2 - ECS CreateService drops request fields.
# Gap: moto's create_service only forwards a fixed list of arguments, so
# capacityProviderStrategy, deploymentConfiguration, enableExecuteCommand,
# enableECSManagedTags, healthCheckGracePeriodSeconds,
# availabilityZoneRebalancing, placementConstraints/Strategy never reach the
# Service object and DescribeServices omits them.  Terraform then re-plans
# enable_execute_command false->true, enable_ecs_managed_tags false->true,
# health_check_grace_period_seconds 0->60, availability_zone_rebalancing
# ""->"DISABLED", and - worst - a missing capacity_provider_strategy FORCES
# REPLACEMENT of aws_ecs_service on every plan.  Also moto defaults launchType
# to "EC2" even when a capacity provider strategy is given (AWS leaves it
# unset).  Fix: copy the fields onto the Service object (moto's serializer
# picks attributes by snake_case name) and clear launchType when a strategy
# is used.  UpdateService already copies every request field generically
# (camelcase->snake_case setattr), so it only needs the launchType fix.
# --------------------------------------------------------------------------
_ECS_CREATE_FIELDS = {
    "capacityProviderStrategy": "capacity_provider_strategy",
    "deploymentConfiguration": "deployment_configuration",
    "enableExecuteCommand": "enable_execute_command",
    "enableECSManagedTags": "enable_ecs_managed_tags",
    "healthCheckGracePeriodSeconds": "health_check_grace_period_seconds",
    "availabilityZoneRebalancing": "availability_zone_rebalancing",
    "placementConstraints": "placement_constraints",
    "placementStrategy": "placement_strategy",
}


def _ecs_use_capacity_providers(service, strategy):
    service.launch_type = None
    for deployment in service.deployments:
        deployment["launchType"] = None
        deployment["capacityProviderStrategy"] = strategy


# --------------------------------------------------------------------------
# Patch 3 - ECS services never reach steady state.
# Gap: moto starts every service with runningCount = MOTO_ECS_SERVICE_RUNNING
# (default 0), pendingCount = desiredCount and rolloutState IN_PROGRESS, and
# nothing ever advances it.  aws_ecs_service with wait_for_steady_state = true
# polls DescribeServices for runningCount == desiredCount until the resource's
# create timeout (default 20 min; observed still polling after 3.5 min).
# Fix: after Create/UpdateService mark the service and its
# deployments as fully running / COMPLETED (a task-less emulator has no better
# notion of "healthy").  Skipped when MOTO_ECS_SERVICE_RUNNING is set.
# --------------------------------------------------------------------------
def _ecs_settle(backend, service):
    if os.environ.get("MOTO_ECS_SERVICE_RUNNING") is not None:
        return
    cluster = backend._get_cluster(service.cluster_name)
    want = int(service.desired_count or 0)
    backend.update_cluster_resources(cluster, want - service.running_count, "RUNNING")
    backend.update_cluster_resources(cluster, -service.pending_count, "PENDING")
    service.running_count, service.pending_count = want, 0
    for deployment in service.deployments:
        deployment.update(desiredCount=want, runningCount=want, pendingCount=0,
                          rolloutState="COMPLETED",
                          rolloutStateReason=f"ECS deployment {deployment['id']} completed.",
                          taskDefinition=service.task_definition)


_orig_create_service = EC2ContainerServiceResponse.create_service
_orig_update_service = EC2ContainerServiceResponse.update_service


def _create_service(self):
    result = _orig_create_service(self)
    service = result.result["service"]
    for param, attr in _ECS_CREATE_FIELDS.items():
        value = self._get_param(param)
        if value is not None:
            setattr(service, attr, value)
    strategy = self._get_param("capacityProviderStrategy")
    if strategy and not self._get_param("launchType"):
        _ecs_use_capacity_providers(service, strategy)
    _ecs_settle(self.ecs_backend, service)
    return result


def _update_service(self):
    result = _orig_update_service(self)
    service = result.result["service"]
    strategy = self._get_param("capacityProviderStrategy")
    if strategy:
        _ecs_use_capacity_providers(service, strategy)
    _ecs_settle(self.ecs_backend, service)
    return result


EC2ContainerServiceResponse.create_service = _create_service
EC2ContainerServiceResponse.update_service = _update_service


# --------------------------------------------------------------------------
# Patch 5 - ELBv2 CreateLoadBalancer without a Scheme stores none.
# Gap: the provider omits Scheme for an internet-facing load balancer (AWS's
# default); moto's response handler passes Scheme=None through to the model,
# which keeps it, so DescribeLoadBalancers returns no Scheme at all where AWS
# returns "internet-facing".  Fix: fill in AWS's default.
# --------------------------------------------------------------------------
from moto.elbv2.models import ELBv2Backend  # noqa: E402

_orig_create_load_balancer = ELBv2Backend.create_load_balancer


def _create_load_balancer(self, *args, **kwargs):
    if kwargs.get("scheme") is None:
        kwargs["scheme"] = "internet-facing"
    return _orig_create_load_balancer(self, *args, **kwargs)


ELBv2Backend.create_load_balancer = _create_load_balancer


# --------------------------------------------------------------------------
# Start the server exactly like the `moto_server` console script
# (entry point moto.server:main, same argparse options).
# --------------------------------------------------------------------------
if __name__ == "__main__":
    from moto.server import main

    sys.argv[0] = re.sub(r"(-script\.pyw|\.exe)?$", "", sys.argv[0])
    sys.exit(main())
