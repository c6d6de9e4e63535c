#!/usr/bin/env python3
"""The local AWS API of this project's tests: moto 5.2.1, patched where it falls short of what
Terraform's AWS provider 5.100.0 needs or of what AWS does, then started exactly as `moto_server`
(same arguments: -H host -p port).

    python3 tools/harness/moto-launcher.py -H 127.0.0.1 -p 5000

Each patch names the gap it closes and why. They change moto's classes in this process only,
before the server starts; nothing on disk changes, and none of it is product code: the stacks are
the same Terraform against AWS. Set MOTO_ECS_SERVICE_RUNNING to get moto's own running count back
(patches 3 and 18 then step aside). MOTO_ECS_FAILING_IMAGES names the images whose ECS tasks fail
(patch 18).
"""
import copy
import json
import os
import re
import sys
import threading
from typing import Any

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
    "serviceConnectConfiguration": "service_connect_configuration",  # patch 23
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
# (Patch 18 now runs the deployments of ECS-controlled services itself, with tasks
# and targets, and still settles a healthy one at once; this settle remains for
# the services it does not model: CODE_DEPLOY / EXTERNAL controllers, no task
# definition.  MOTO_ECS_SERVICE_RUNNING turns both off.)
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
    service._launcher_deployment_configuration = dict(getattr(service, "deployment_configuration", None) or {})
    if _ecs_models_deployments(service):
        # Patch 18: see below.
        return _ecs_created(self.ecs_backend, service)
    _ecs_settle(self.ecs_backend, service)
    return result


def _update_service(self):
    # Patch 18 (see below) takes the service's state before moto's update changes it.
    before = _ecs_before_update(self)
    try:
        result = _orig_update_service(self)
    finally:
        if before is not None:
            before.restore_deployments()
    service = result.result["service"]
    # Patch 16: see below.
    asked = self._get_param("deploymentConfiguration")
    if asked:
        service.deployment_configuration = {**service._launcher_deployment_configuration, **asked}
    service._launcher_deployment_configuration = dict(getattr(service, "deployment_configuration", None) or {})
    strategy = self._get_param("capacityProviderStrategy")
    if before is not None:
        if strategy:
            service.launch_type = None  # each deployment keeps its own strategy (patch 18)
        return _ecs_updated(self, before, service)
    if strategy:
        _ecs_use_capacity_providers(service, strategy)
    _ecs_settle(self.ecs_backend, service)
    return result


EC2ContainerServiceResponse.create_service = _create_service
EC2ContainerServiceResponse.update_service = _update_service


# --------------------------------------------------------------------------
# Patch 16 - ECS UpdateService forgets what a partial deploymentConfiguration leaves out.
# Gap: moto replaces the service's deploymentConfiguration with the request's; AWS changes only
# the fields given.  The provider sends only what changed: turning the circuit breaker off sends
# {"deploymentCircuitBreaker": {"enable": false, ...}}, after which moto reports maximumPercent and
# minimumHealthyPercent as 0, and every plan wants 200 and 100 back.  Fix: merge the request's
# fields into the configuration the service had after its last create or update (kept beside it,
# in _create_service and _update_service above).
# --------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Patch 6 - Route53 ChangeResourceRecordSets: false "already exists" on re-create.
#   moto's duplicate check runs only when an *identical* CREATE is in the zone's change journal
#   (i.e. the record was created before, then deleted) and then tests
#   `get_record_sets(start_type, start_name)` - a listing that STARTS at (name, type) and returns
#   every record sorting after it - instead of an exact (name, type, set_identifier) match. At the
#   apex the NS and SOA records always sort after "example.com. A", so apply -> destroy -> apply of
#   aws_route53_record.main (A alias example.com -> ALB, deterministic moto DNS name) in one moto
#   process fails with
#     InvalidChangeBatch: Tried to create resource record set [name='example.com.', type='A']
#     but it already exists
#   although the zone holds no A record.  Conversely a CREATE of a record that does exist (never
#   journalled) is silently appended as a duplicate, where AWS rejects it.
#   Fix: reject a CREATE exactly when a record with the same name (case-insensitive, trailing dot
#   normalised), type and SetIdentifier exists; otherwise run moto's own logic unchanged.
# ---------------------------------------------------------------------------------------------
# (Two changes at once could also break one half-way on moto's threaded server; patch 14 serves
# requests one at a time.)


def patch_route53_create_duplicate_check() -> None:
    from moto.route53 import models as r53
    from moto.route53.exceptions import (
        DnsNameInvalidForZone,
        InvalidActionValue,
        InvalidInput,
        ResourceRecordAlreadyExists,
    )
    from moto.route53.utils import validate_domain_name

    def _norm(name: str) -> str:
        return name.rstrip(".").lower() + "."

    def change_resource_record_sets(self, zoneid: str, change_list: list[dict[str, Any]]) -> None:
        the_zone = self.get_hosted_zone(zoneid)

        for value in change_list:
            validate_domain_name(value["ResourceRecordSet"]["Name"], code="InvalidChangeBatch")
            if value["Action"] == "CREATE":
                rs = value["ResourceRecordSet"]
                name, _type, set_id = _norm(rs["Name"]), rs["Type"], rs.get("SetIdentifier")
                if any(
                    _norm(r.name) == name and r.type == _type and r.set_identifier == set_id
                    for r in the_zone.rrsets
                ):
                    raise ResourceRecordAlreadyExists(name=name, _type=_type)

        # --- below: moto 5.2.1's own body, unchanged -----------------------------------------
        for value in change_list:
            if value["Action"] == "DELETE":
                if not the_zone.rr_changes.has_insert_or_update(value["ResourceRecordSet"]):
                    msg = f"Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found none in Change with [Action=DELETE, Name={value['ResourceRecordSet']['Name']}, Type={value['ResourceRecordSet']['Type']}, SetIdentifier={value['ResourceRecordSet'].get('SetIdentifier', 'null')}]"
                    raise InvalidInput(msg)

        for value in change_list:
            original_change = copy.deepcopy(value)
            action = value["Action"]
            if action not in ("CREATE", "UPSERT", "DELETE"):
                raise InvalidActionValue(action)
            record_set = value["ResourceRecordSet"]
            cleaned_record_name = record_set["Name"].strip(".")
            cleaned_hosted_zone_name = the_zone.name.strip(".")
            if not cleaned_record_name.endswith(cleaned_hosted_zone_name):
                raise DnsNameInvalidForZone(name=record_set["Name"], zone_name=the_zone.name)
            if not record_set["Name"].endswith("."):
                record_set["Name"] += "."
            if action in ("CREATE", "UPSERT"):
                if "ResourceRecords" in record_set:
                    record_set["ResourceRecords"] = [x["Value"] for x in record_set["ResourceRecords"]]
                if action == "CREATE":
                    the_zone.add_rrset(record_set)
                else:
                    the_zone.upsert_rrset(record_set)
            elif action == "DELETE":
                if "SetIdentifier" in record_set:
                    the_zone.delete_rrset_by_id(record_set["SetIdentifier"])
                else:
                    the_zone.delete_rrset(record_set)
            the_zone.rr_changes.append(original_change)

    r53.Route53Backend.change_resource_record_sets = change_resource_record_sets


# ---------------------------------------------------------------------------------------------
# Patch 7 - ELBv2 DeleteLoadBalancer ignores deletion protection.
#   moto 5.2.1 deletes a load balancer whose attribute deletion_protection.enabled is "true", so
#   `terraform destroy` of an aws_lb with enable_deletion_protection = true succeeds on moto (seen:
#   57 resources destroyed) while on AWS it fails with
#     OperationNotPermitted: Load balancer '<arn>' cannot be deleted because deletion protection
#     is enabled
#   and the documented procedure is: set enable_deletion_protection = false, apply, then destroy.
#   Fix: raise OperationNotPermitted (HTTP 400) like AWS.
# ---------------------------------------------------------------------------------------------
def patch_elbv2_deletion_protection() -> None:
    from moto.elbv2 import models as elbv2
    from moto.elbv2.exceptions import ELBClientError

    original = elbv2.ELBv2Backend.delete_load_balancer

    def delete_load_balancer(self, arn: str) -> None:
        lb = self.load_balancers.get(arn)
        if lb is not None and str(lb.attrs.get("deletion_protection.enabled", "false")).lower() == "true":
            raise ELBClientError(
                "OperationNotPermitted",
                f"Load balancer '{arn}' cannot be deleted because deletion protection is enabled",
            )
        return original(self, arn)

    elbv2.ELBv2Backend.delete_load_balancer = delete_load_balancer


# ---------------------------------------------------------------------------------------------
# Patch 8 - ELBv2 access logs: no check that ELB can write to the bucket.
#   moto accepts access_logs.s3.enabled=true for any bucket name - one that does not exist, or one
#   without a bucket policy.  AWS test-writes <prefix>/AWSLogs/<account>/ELBAccessLogTestFile and
#   fails ModifyLoadBalancerAttributes (and so the aws_lb create/update) with
#     InvalidConfigurationRequest: Access Denied for bucket: <bucket>. Please check S3bucket permission
#   Fix: when logging is enabled, require that the bucket exists in moto's S3 and that its policy has
#   an Allow statement for s3:PutObject on that key for the region's ELB account
#   (ap-northeast-1: 582318560864) or for the service principal
#   logdelivery.elasticloadbalancing.amazonaws.com.  (Not modelled: SSE-KMS rejection, Object
#   Ownership; AWS accepts SSE-S3 only.)
# ---------------------------------------------------------------------------------------------
ELB_ACCOUNTS = {  # regional Elastic Load Balancing accounts (regions available before Aug 2022)
    "us-east-1": "127311923021", "us-east-2": "033677994240", "us-west-1": "027434742980",
    "us-west-2": "797873946194", "ca-central-1": "985666609251", "eu-central-1": "054676820928",
    "eu-west-1": "156460612806", "eu-west-2": "652711504416", "eu-west-3": "009996457667",
    "eu-north-1": "897822967062", "ap-northeast-1": "582318560864", "ap-northeast-2": "600734575887",
    "ap-northeast-3": "383597477331", "ap-southeast-1": "114774131450", "ap-southeast-2": "783225319266",
    "ap-south-1": "718504428378", "sa-east-1": "507241528517",
}
ELB_LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com"


def _policy_allows_elb_logs(policy_json: str, region: str, bucket: str, key: str) -> bool:
    import fnmatch
    import json

    def as_list(v: Any) -> list:
        return v if isinstance(v, list) else [v]

    elb_account = ELB_ACCOUNTS.get(region)
    target = f"arn:aws:s3:::{bucket}/{key}"
    for st in as_list(json.loads(policy_json).get("Statement", [])):
        if st.get("Effect") != "Allow":
            continue
        if not any(a in ("s3:PutObject", "s3:*", "*") for a in as_list(st.get("Action", []))):
            continue
        if not any(fnmatch.fnmatchcase(target, r) for r in as_list(st.get("Resource", []))):
            continue
        principal = st.get("Principal", {})
        if principal == "*":
            return True
        services = as_list(principal.get("Service", []))
        accounts = as_list(principal.get("AWS", []))
        if ELB_LOG_DELIVERY_SERVICE in services:
            return True
        if elb_account and any(p in (elb_account, f"arn:aws:iam::{elb_account}:root") for p in accounts):
            return True
    return False


def patch_elbv2_access_logs_bucket_check() -> None:
    from moto.elbv2.exceptions import ELBClientError as RESTError
    from moto.elbv2 import models as elbv2
    from moto.s3.models import s3_backends

    original = elbv2.ELBv2Backend.modify_load_balancer_attributes

    def modify_load_balancer_attributes(self, arn: str, attrs: dict[str, Any]) -> dict[str, Any]:
        lb = self.load_balancers.get(arn)
        if lb is not None:
            merged = {**lb.attrs, **attrs}
            if str(merged.get("access_logs.s3.enabled", "false")).lower() == "true":
                bucket = merged.get("access_logs.s3.bucket") or ""
                prefix = (merged.get("access_logs.s3.prefix") or "").strip("/")
                key = (f"{prefix}/" if prefix else "") + f"AWSLogs/{self.account_id}/ELBAccessLogTestFile"
                b = s3_backends[self.account_id]["global"].buckets.get(bucket)
                policy = b.policy.decode() if b is not None and b.policy else None
                if not policy or not _policy_allows_elb_logs(policy, self.region_name, bucket, key):
                    raise RESTError(
                        "InvalidConfigurationRequest",
                        f"Access Denied for bucket: {bucket}. Please check S3bucket permission",
                    )
        return original(self, arn, attrs)

    elbv2.ELBv2Backend.modify_load_balancer_attributes = modify_load_balancer_attributes


# ---------------------------------------------------------------------------------------------
# Patch 9 - ELBv2 CreateListener reports an SslPolicy on HTTP listeners.
#   moto's CreateListener defaults SslPolicy to ELBSecurityPolicy-2016-08 whatever the protocol, so
#   DescribeListeners shows SslPolicy on the port-80 HTTP listener and aws_lb_listener.main.ssl_policy
#   is "ELBSecurityPolicy-2016-08" in state; AWS returns no SslPolicy for HTTP/TCP/UDP listeners.
#   (Re-plans are empty either way: ssl_policy is Optional+Computed.)  For HTTPS/TLS listeners
#   without SslPolicy moto keeps ELBSecurityPolicy-2016-08 (the API default; the console default is
#   ELBSecurityPolicy-TLS13-1-2-2021-06 - set ssl_policy explicitly).
#   Fix: drop the policy on non-TLS listeners.
# ---------------------------------------------------------------------------------------------
def patch_elbv2_http_listener_ssl_policy() -> None:
    from moto.elbv2 import models as elbv2

    original = elbv2.FakeListener.__init__

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        if self.protocol not in ("HTTPS", "TLS"):
            self.ssl_policy = None

    elbv2.FakeListener.__init__ = __init__


# ---------------------------------------------------------------------------------------------
# Patch 10 - ACM issues DNS-validated certificates without any DNS record.
#   moto flips an AMAZON_ISSUED certificate from PENDING_VALIDATION to ISSUED once
#   MOTO_ACM_VALIDATION_WAIT seconds (default 60) have passed since RequestCertificate - whether or
#   not the validation CNAMEs exist.  A config that forgets aws_route53_record.validation (or writes
#   it into the wrong zone) still gets an ISSUED certificate and a successful
#   aws_acm_certificate_validation on moto; on AWS the validation resource waits until its timeout
#   (75 min by default).  Fix: additionally require that, for every DomainValidationOption, the
#   CNAME (name and value) exists in a PUBLIC Route53 hosted zone of the same account in moto.
#   Set MOTO_ACM_REQUIRE_DNS_RECORDS=0 to turn this off.  (The wait still applies; with
#   MOTO_ACM_VALIDATION_WAIT=1 issuance happens at the first DescribeCertificate after the records.)
# ---------------------------------------------------------------------------------------------
def patch_acm_require_validation_records() -> None:
    import os

    from moto.acm import models as acm
    from moto.route53.models import route53_backends

    if os.environ.get("MOTO_ACM_REQUIRE_DNS_RECORDS", "1") == "0":
        return

    original = acm.CertBundle.check

    def _records_present(bundle) -> bool:
        account_id = bundle.arn.split(":")[4]
        partition = bundle.arn.split(":")[1]
        backend = route53_backends[account_id][partition]
        public = [z for z in backend.zones.values() if not z.private_zone]
        for dvo in bundle.describe()["Certificate"].get("DomainValidationOptions", []):
            rr = dvo["ResourceRecord"]
            name = rr["Name"].rstrip(".").lower() + "."
            value = rr["Value"].rstrip(".").lower()
            if not any(
                r.name.rstrip(".").lower() + "." == name
                and r.type == rr["Type"]
                and any(str(v).rstrip(".").lower() == value for v in (r.records or []))
                for z in public
                for r in z.rrsets
            ):
                return False
        return True

    def check(self) -> None:
        was_pending = self.type == "AMAZON_ISSUED" and self.status == "PENDING_VALIDATION"
        original(self)
        if was_pending and self.status == "ISSUED" and not _records_present(self):
            self.status = "PENDING_VALIDATION"

    acm.CertBundle.check = check


# ---------------------------------------------------------------------------------------------
# Patch 11 - EC2 DeleteNatGateway keeps the NAT's elastic IP associated and its network interface.
#   moto only marks the NAT gateway "deleted": its elastic IP stays associated with the NAT's network
#   interface, which stays in the subnet.  AWS disassociates the address (it stays allocated) and
#   removes the interface once the NAT gateway is deleted.  A NAT gateway replaced with the same
#   elastic IP (its subnet moved, as when the VPC's CIDR changes) then fails on moto with
#     Resource.AlreadyAssociated: Resource <ip> is already associated.
#   Fix: on deletion, disassociate the address and delete the interface, as AWS does.
# ---------------------------------------------------------------------------------------------
def patch_ec2_nat_gateway_deletion_releases() -> None:
    from moto.ec2.models.nat_gateways import NatGatewayBackend

    original = NatGatewayBackend.delete_nat_gateway

    def delete_nat_gateway(self, nat_gateway_id: str):
        nat_gw = original(self, nat_gateway_id)
        eni = nat_gw._eni
        for eip in [a for a in self.addresses if a.eni is not None and a.eni.id == eni.id]:
            self.disassociate_address(association_id=eip.association_id)
        if eni.id in self.enis:
            self.delete_network_interface(eni.id)
        return nat_gw

    NatGatewayBackend.delete_nat_gateway = delete_nat_gateway


# ---------------------------------------------------------------------------------------------
# Patch 12 - EC2 CreateFlowLogs to CloudWatch Logs reads only LogGroupName, not LogDestination.
#   AWS takes the log group either by name (LogGroupName) or by ARN (LogDestination, which the
#   provider sends) and reports its name in DescribeFlowLogs.  moto looks the group up by name
#   only, finds none, and marks the flow log DeliverLogsStatus FAILED ("Access error").
#   Fix: take the name from the ARN (arn:aws:logs:<region>:<account>:log-group:<name>[:*]).
# ---------------------------------------------------------------------------------------------
def patch_ec2_flow_logs_log_group_arn() -> None:
    from moto.ec2.models.flow_logs import FlowLogsBackend

    original = FlowLogsBackend.create_flow_logs

    def create_flow_logs(self, resource_type, resource_ids, traffic_type, deliver_logs_permission_arn,
                         log_destination_type, log_destination, log_group_name, log_format, max_aggregation_interval):
        if log_destination_type == "cloud-watch-logs" and not log_group_name and log_destination:
            match = re.match(r"^arn:[^:]+:logs:[^:]*:[^:]*:log-group:([^:]+)(:\*)?$", log_destination)
            if match:
                log_group_name = match.group(1)
        return original(self, resource_type, resource_ids, traffic_type, deliver_logs_permission_arn,
                        log_destination_type, log_destination, log_group_name, log_format, max_aggregation_interval)

    FlowLogsBackend.create_flow_logs = create_flow_logs


# ---------------------------------------------------------------------------------------------
# Patch 13 - EC2 UpdateSecurityGroupRuleDescriptions* keeps a description the request omits.
#   AWS removes a rule's description when the request names the rule without one ("You can remove
#   a description ... by omitting the description parameter"), which is how the provider clears
#   it.  moto only ever sets descriptions, so a description once written stays, and every plan
#   after removing it shows the change again.
#   Fix: after moto's update, drop the description of the matching range or group the request
#   gave none for.
# ---------------------------------------------------------------------------------------------
def patch_ec2_rule_description_removal() -> None:
    from moto.ec2.models.security_groups import SecurityGroupBackend

    original = SecurityGroupBackend._sg_update_description

    def _sg_update_description(self, security_rule, rule) -> None:
        original(self, security_rule, rule)
        asked, current = security_rule.ip_range, rule.ip_range
        if asked and "Description" not in asked:
            same_v4 = "CidrIp" in current and current.get("CidrIp") == asked.get("CidrIp")
            same_v6 = "CidrIpv6" in current and current.get("CidrIpv6") == asked.get("CidrIpv6")
            if same_v4 or same_v6:
                current.pop("Description", None)
        asked, current = security_rule.source_group, rule.source_group
        if asked and "Description" not in asked:
            if (asked.get("GroupId") and asked.get("GroupId") == current.get("GroupId")) or (
                asked.get("GroupName") and asked.get("GroupName") == current.get("GroupName")
            ):
                current.pop("Description", None)

    SecurityGroupBackend._sg_update_description = _sg_update_description


# ---------------------------------------------------------------------------------------------
# Patch 15 - ECS DeleteService leaves the service's scalable target behind.
#   AWS deletes an ECS service's Application Auto Scaling target, and so its scaling policies,
#   with the service (terraform-provider-aws #14254, #10432: a replaced service comes back without
#   autoscaling while Terraform's state still holds the old target).  moto keeps them, which hides
#   exactly that: a stack whose target is not replaced with its service re-plans empty on moto and
#   is left without autoscaling on AWS.  Fix: DeleteService deregisters the target of
#   service/<cluster>/<name> as DeregisterScalableTarget does (policies and tags with it).
# ---------------------------------------------------------------------------------------------
def patch_ecs_delete_service_deletes_scalable_target() -> None:
    from moto.applicationautoscaling.models import applicationautoscaling_backends

    original = EC2ContainerServiceResponse.delete_service

    def delete_service(self):
        result = original(self)
        service = result.result["service"]
        backend = applicationautoscaling_backends[self.current_account][self.region]
        rid, dim = f"service/{service.cluster_name}/{service.name}", "ecs:service:DesiredCount"
        if backend._scalable_target_exists(rid, dim):
            _aas_tags(backend).pop(backend.targets[dim][rid].arn, None)
            del backend.targets[dim][rid]
            for key, policy in list(backend.policies.items()):
                if (policy.resource_id, policy.scalable_dimension) == (rid, dim):
                    policy.delete_alarms(backend.account_id, backend.region_name)
                    del backend.policies[key]
        return result

    EC2ContainerServiceResponse.delete_service = delete_service


# ---------------------------------------------------------------------------------------------
# Patch 14 - requests served one at a time.
#   AWS applies each request atomically.  moto's server runs each request in a thread of its own
#   over backends made of plain dicts and lists, with no locking, so the provider's parallel calls
#   (Terraform runs ten at once) can interleave inside moto: a request that fails with a 500 after
#   its change is made is retried by the SDK and meets its own change.  Seen on full-suite runs:
#   CreateRoute answered RouteAlreadyExists in a route table created a moment before; a load
#   balancer was left after a destroy Terraform reported complete (moto checks duplicates by ARN,
#   not by name, so a retried CreateLoadBalancer makes a second one); Route 53 "already exists"
#   for a record created once.
#   Fix: one lock around the dispatcher, the response body read inside it.  Terraform's waiters
#   poll, and every call is milliseconds, so the serialization costs nothing measurable.
# ---------------------------------------------------------------------------------------------
REQUEST_LOCK = threading.Lock()


def patch_serve_one_request_at_a_time() -> None:
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication

    original = DomainDispatcherApplication.__call__

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        with REQUEST_LOCK:
            result = original(self, environ, start_response)
            try:
                return [b"".join(result)]
            finally:
                close = getattr(result, "close", None)
                if close:
                    close()

    DomainDispatcherApplication.__call__ = __call__


# ---------------------------------------------------------------------------------------------
# Patch 17 - ECS DescribeTaskDefinition of a family returns its newest revision, even INACTIVE.
#   AWS: "If a family is specified, the latest ACTIVE revision is used" (DescribeTaskDefinition,
#   and likewise CreateService, UpdateService and RunTask given a family without a revision).
#   moto takes max(definitions.keys()), so once the newest revision is deregistered (the
#   provider deregisters the old revision whenever aws_ecs_task_definition is replaced, and a
#   release tool may deregister a bad one) the family resolves to an INACTIVE definition, and a
#   service updated to the family runs it.  Fix: a family without a revision resolves to its
#   highest ACTIVE revision; none ACTIVE is AWS's ClientException "Unable to describe task
#   definition."  An explicit family:revision or ARN still finds INACTIVE revisions, as on AWS.
# ---------------------------------------------------------------------------------------------
def patch_ecs_task_definition_family_latest_active() -> None:
    from moto.ecs.exceptions import TaskDefinitionNotFoundException
    from moto.ecs.models import EC2ContainerServiceBackend

    original = EC2ContainerServiceBackend.describe_task_definition

    def describe_task_definition(self, task_definition_str: str):
        name = task_definition_str.split("/")[-1]
        if ":" in name:
            return original(self, task_definition_str)
        revisions = self.task_definitions.get(name, {})
        active = [revision for revision, definition in revisions.items() if definition.status == "ACTIVE"]
        if not active:
            raise TaskDefinitionNotFoundException()
        return revisions[max(active)]

    EC2ContainerServiceBackend.describe_task_definition = describe_task_definition


# ---------------------------------------------------------------------------------------------
# Patch 18 - ECS services have no deployments, tasks or load balancer targets.
#   AWS: CreateService, and an UpdateService that changes the task definition, the network
#   configuration, the load balancers, the service registries, the capacity provider strategy
#   or the platform version, or sets forceNewDeployment, starts a deployment: a new PRIMARY
#   entry in `deployments` (id ecs-svc/<19 digits>, taskDefinition, desiredCount, launchType or
#   capacityProviderStrategy, networkConfiguration, rolloutState IN_PROGRESS), the previous
#   PRIMARY turns ACTIVE and keeps its tasks until the new one is steady, then goes.  Tasks are
#   started (group "service:<name>", startedBy the deployment id), registered in the service's
#   target groups, the old ones drained, deregistered and stopped, and the service's events
#   tell it, newest first (at most 100 kept).  An image whose tasks exit leaves STOPPED tasks
#   (stopCode EssentialContainerExited) and a deployment that never completes - unless the
#   circuit breaker with rollback is on, which fails it and rolls back to the last completed
#   deployment.  A desiredCount-only update starts no deployment: it scales the PRIMARY one.
#   Gap: moto keeps one deployment dict per service, rewrites its id on forceNewDeployment,
#   never starts a task, never touches a target group, writes no event (patch 3 only marked it
#   COMPLETED).  A release tool or post-deploy check reading DescribeServices, ListTasks /
#   DescribeTasks and DescribeTargetHealth sees nothing of a rollout, good or bad.
#   Fix: run each deployment here, at once, to the state AWS ends in:
#   - healthy image (the default): the new deployment starts `desired` RUNNING tasks (IPs from
#     the awsvpc subnets' CIDRs, host .100 on, tasks spread over the subnets, each with a real
#     EC2 network interface deleted when the task stops), registers them as ip targets
#     (targetGroupArn, containerPort) in each target group of the service, drains, deregisters
#     and stops the old deployments' tasks (stopCode ServiceSchedulerInitiated, "Scaling
#     activity initiated by (deployment <old id>)"), drops the old deployments and is COMPLETED
#     ("ECS deployment <id> completed."), runningCount = desired.  Events: "(service S) has
#     started N tasks: (task <id>) ...", "(service S) registered N targets in (target-group
#     <arn>)", "(service S) has begun draining connections on N tasks.", "(service S)
#     deregistered N targets in (target-group <arn>)", "(service S) has stopped N running tasks:
#     (task <id>) ...", "(service S) (deployment <id>) deployment completed.", "(service S) has
#     reached a steady state.".
#   - failing image: a container image of the deployment's task definition matches the regular
#     expression in MOTO_ECS_FAILING_IMAGES (re.search; default `:unhealthy(-[A-Za-z0-9_.-]+)?$`,
#     e.g. nginx:unhealthy, repo/app:unhealthy-2; set it empty and no image fails).  The
#     deployment's tasks exit: max(3, min(200, ceil(desired / 2))) of them (the circuit
#     breaker's threshold) are STOPPED, stopCode EssentialContainerExited, stoppedReason
#     "Essential container in task exited", the matching containers exitCode 1.  Then
#       * circuit breaker {enable: true, rollback: true} and an earlier deployment that
#         completed: the deployment FAILED ("ECS deployment circuit breaker: tasks failed to
#         start.", failedTasks = the stopped tasks) and is dropped; a new PRIMARY deployment of
#         the earlier one's task definition and configuration (network, load balancers, capacity
#         providers) takes over its tasks and targets, COMPLETED; the service's taskDefinition is
#         the earlier one again.  Events: "(service S) (deployment <failed id>) deployment
#         failed: tasks failed to start.", "(service S) rolling back to deployment <earlier
#         id>.", then completed and steady state;
#       * otherwise (no breaker with rollback, or nothing completed before it): the deployment
#         stays PRIMARY, IN_PROGRESS ("ECS deployment <id> in progress."), runningCount 0,
#         failedTasks = the stopped tasks, `desired` replacement tasks ACTIVATING (pendingCount)
#         and registered as targets that DescribeTargetHealth reports unhealthy (patch 20); the
#         earlier deployment stays ACTIVE with its running tasks and healthy targets, and the
#         service's runningCount is theirs.  Event "(service S) is unable to consistently start
#         tasks successfully. For more information, see the Troubleshooting section of the
#         Amazon ECS Developer Guide.".  The provider's wait_for_steady_state (one deployment,
#         running = desired) keeps waiting, as it would on AWS.
#   - desiredCount-only update: the PRIMARY deployment starts or stops tasks (and targets) to
#     the new count, COMPLETED; a failing one keeps failing; scaled to 0 any deployment
#     completes.  StopTask of a service task (stopCode UserInitiated) is replaced at once.
#   The Create/UpdateService response is the service as the deployment starts (new PRIMARY
#   IN_PROGRESS, runningCount 0, earlier deployments ACTIVE), which is what AWS answers and how
#   a caller learns the new deployment's id; every DescribeServices after it sees the end state.
#   Services on capacity providers keep the strategy on each deployment and spread tasks by
#   base/weight (capacityProviderName on the task).  Not modelled: timing (no grace period,
#   draining delay or health-check interval; everything settles within the request), task
#   placement on EC2 container instances (targets are registered only for awsvpc tasks in
#   target groups of target type ip), minimumHealthyPercent/maximumPercent batches, service
#   discovery and Service Connect, ECS events on EventBridge.  MOTO_ECS_SERVICE_RUNNING set
#   turns all of this off (moto's own deployment, as patch 3).
# ---------------------------------------------------------------------------------------------
import math  # noqa: E402
from datetime import timedelta  # noqa: E402

from moto.core.responses import ActionResult  # noqa: E402
from moto.core.utils import utcnow  # noqa: E402
from moto.ec2 import ec2_backends  # noqa: E402
from moto.ecs.models import Task as _EcsTask  # noqa: E402
from moto.elbv2.models import elbv2_backends  # noqa: E402
from moto.moto_api._internal import mock_random  # noqa: E402
from moto.moto_api._internal.managed_state_model import ManagedState  # noqa: E402

ECS_FAILING_IMAGES_DEFAULT = r":unhealthy(-[A-Za-z0-9_.-]+)?$"
_ECS_FAILING_IMAGES_SOURCE = os.environ.get("MOTO_ECS_FAILING_IMAGES", ECS_FAILING_IMAGES_DEFAULT)
try:
    ECS_FAILING_IMAGES = re.compile(_ECS_FAILING_IMAGES_SOURCE) if _ECS_FAILING_IMAGES_SOURCE else None
except re.error as _error:
    sys.exit(f"moto_launcher: MOTO_ECS_FAILING_IMAGES is not a regular expression: {_error}")
ECS_EVENTS_KEPT = 100
ECS_STOPPED_TASKS_LISTED_FOR = timedelta(hours=1)
ECS_UNABLE_TO_START = ("is unable to consistently start tasks successfully. For more information, "
                       "see the Troubleshooting section of the Amazon ECS Developer Guide.")


def _ecs_models_deployments(service) -> bool:
    return (os.environ.get("MOTO_ECS_SERVICE_RUNNING") is None
            and (service.deployment_controller or {}).get("type", "ECS") == "ECS"
            and bool(service.task_definition))


class _EcsClock:
    """One request's timeline: each step a millisecond after the one before, so events keep their order."""

    def __init__(self) -> None:
        self.now = utcnow()

    def tick(self):
        self.now = self.now + timedelta(milliseconds=1)
        return self.now


class _EcsServiceTask(_EcsTask):
    """A task a service started (patch 18).  Its state is the launcher's; describing it does not move it."""

    __module__ = "moto.ecs.launcher"  # moto's model registry files classes by the module's second part

    def __init__(self, backend, cluster, service, deployment, definition, when, state, provider, placement):
        ManagedState.__init__(self, model_name="ecs::task", transitions=[(state, state)])
        self.id = mock_random.get_random_hex(32)
        self.cluster_name, self.cluster_arn = cluster.name, cluster.arn
        self.region_name = cluster.region_name
        self._account_id = backend.account_id
        self._backend = backend
        self._launcher_service_key = f"{cluster.name}:{service.name}"
        self.container_instance_arn = None
        self.resource_requirements = None
        self.task_definition_arn = definition.arn
        self.group = f"service:{service.name}"
        self.started_by = deployment["id"]
        self.desired_status = "RUNNING"
        launch_type = deployment.get("launchType")
        self.capacity_provider_name = provider
        if provider:
            launch_type = "FARGATE" if provider in ("FARGATE", "FARGATE_SPOT") else "EC2"
        self.launch_type = launch_type or "EC2"
        if self.launch_type == "FARGATE":
            version = deployment.get("platformVersion")
            self.platform_version = "1.4.0" if version in (None, "LATEST") else version
            self.platform_family = ((definition.runtime_platform or {}).get("operatingSystemFamily") or "Linux")
        else:
            self.platform_version = None
            self.platform_family = None
        self.cpu, self.memory = definition.cpu, definition.memory
        self.enable_execute_command = bool(getattr(service, "enable_execute_command", False))
        self.overrides = {"containerOverrides": [{"name": c.get("name")} for c in definition.container_definitions],
                          "inferenceAcceleratorOverrides": []}
        propagate = getattr(service, "propagate_tags", "NONE")
        tags = list(service.tags if propagate == "SERVICE" else definition.tags if propagate == "TASK_DEFINITION" else [])
        if getattr(service, "enable_ecs_managed_tags", False):
            tags += [{"key": "aws:ecs:clusterName", "value": cluster.name},
                     {"key": "aws:ecs:serviceName", "value": service.name}]
        self.tags = tags
        self.created_at = when
        self.pull_started_at = self.pull_stopped_at = self.started_at = None
        self.connectivity, self.connectivity_at = "CONNECTED", when
        self.health_status = "UNKNOWN"
        self.stop_code = self.stopped_reason = None
        self.stopping_at = self.stopped_at = self.execution_stopped_at = None
        self.availability_zone = placement.get("availabilityZone")
        self._launcher_ip = placement.get("ip")
        self._launcher_eni_id = placement.get("eniId")
        attachment_id = str(mock_random.uuid4())
        self.attachments = []
        if placement.get("subnetId"):
            details = [{"name": "subnetId", "value": placement["subnetId"]}]
            for name, key in (("networkInterfaceId", "eniId"), ("macAddress", "mac"),
                              ("privateDnsName", "dns"), ("privateIPv4Address", "ip")):
                if placement.get(key):
                    details.append({"name": name, "value": placement[key]})
            self.attachments.append({"id": attachment_id, "type": "ElasticNetworkInterface",
                                     "status": "ATTACHED", "details": details})
        region, account = self.region_name, self._account_id
        self.containers = []
        for definition_container in definition.container_definitions:
            container = {
                "containerArn": f"arn:aws:ecs:{region}:{account}:container/{cluster.name}/{self.id}/{mock_random.uuid4()}",
                "taskArn": self.task_arn,
                "name": definition_container.get("name"),
                "image": definition_container.get("image"),
                "lastStatus": "PENDING",
                "networkBindings": [],
                "networkInterfaces": ([{"attachmentId": attachment_id, "privateIpv4Address": self._launcher_ip}]
                                      if self._launcher_ip else []),
                "healthStatus": "UNKNOWN",
                "cpu": str(definition_container.get("cpu", 0)),
                "_launcher_health_check": bool(definition_container.get("healthCheck")),
            }
            for key in ("memory", "memoryReservation"):
                if definition_container.get(key) is not None:
                    container[key] = str(definition_container[key])
            self.containers.append(container)

    @property
    def status(self):
        return self._status

    @status.setter
    def status(self, value) -> None:
        self._status = value

    def run(self, when, state: str) -> None:
        """PENDING -> ACTIVATING (registered, not yet healthy) or RUNNING (healthy)."""
        self.pull_started_at = when
        self.pull_stopped_at = when
        self.started_at = when if state == "RUNNING" else None
        self.last_status = state
        checked = [c for c in self.containers if c["_launcher_health_check"]]
        for container in self.containers:
            container["lastStatus"] = "RUNNING"
            container["runtimeId"] = f"{self.id}-{mock_random.randint(10**9, 10**10 - 1)}"
            if container["_launcher_health_check"]:
                container["healthStatus"] = "HEALTHY" if state == "RUNNING" else "UNKNOWN"
        if checked and state == "RUNNING":
            self.health_status = "HEALTHY"

    def stop(self, when, code: str, reason: str, exit_codes=None) -> None:
        exit_codes = exit_codes or {}
        if self.started_at is None and code == "EssentialContainerExited":
            self.started_at = when
        self.desired_status = "STOPPED"
        self.last_status = "STOPPED"
        self.stop_code, self.stopped_reason = code, reason
        self.stopping_at = self.stopped_at = self.execution_stopped_at = when
        self.connectivity = None
        self.health_status = "UNKNOWN"
        for container in self.containers:
            container["lastStatus"] = "STOPPED"
            container["healthStatus"] = "UNKNOWN"
            if container.get("runtimeId") or container["name"] in exit_codes:
                container["exitCode"] = exit_codes.get(container["name"], 0)
        for attachment in self.attachments:
            attachment["status"] = "DELETED"
        if self._launcher_eni_id:
            ec2 = ec2_backends[self._account_id][self.region_name]
            if self._launcher_eni_id in ec2.enis:
                ec2.delete_network_interface(self._launcher_eni_id)



def _ecs_meta(service) -> dict:
    """deployment id -> {"tasks": live tasks (RUNNING or ACTIVATING), "loadBalancers": as when it started}"""
    if not hasattr(service, "_launcher_meta"):
        service._launcher_meta = {}
    return service._launcher_meta


def _ecs_event(service, when, message: str) -> None:
    service.events.insert(0, {"id": str(mock_random.uuid4()), "createdAt": when, "message": message})
    del service.events[ECS_EVENTS_KEPT:]


def _ecs_task_list(tasks) -> str:
    return " ".join(f"(task {task.id})" for task in tasks)


def _ecs_failing(definition) -> bool:
    return ECS_FAILING_IMAGES is not None and any(
        ECS_FAILING_IMAGES.search(str(c.get("image") or "")) for c in definition.container_definitions)


def _ecs_failing_containers(definition) -> dict:
    return {c.get("name"): 1 for c in definition.container_definitions
            if ECS_FAILING_IMAGES is not None and ECS_FAILING_IMAGES.search(str(c.get("image") or ""))}


def _ecs_failure_threshold(desired: int) -> int:
    # The circuit breaker's failed-task threshold: half the desired count, at least 3, at most 200.
    return max(3, min(200, math.ceil(desired / 2)))


def _ecs_new_deployment(service, task_definition_arn: str, when) -> dict:
    deployment_id = f"ecs-svc/{mock_random.randint(10**18, 10**19 - 1)}"
    strategy = getattr(service, "capacity_provider_strategy", None)
    deployment = {
        "id": deployment_id,
        "status": "PRIMARY",
        "taskDefinition": task_definition_arn,
        "desiredCount": int(service.desired_count or 0),
        "pendingCount": 0,
        "runningCount": 0,
        "failedTasks": 0,
        "createdAt": when,
        "updatedAt": when,
        "launchType": None if strategy else service.launch_type,
        "capacityProviderStrategy": copy.deepcopy(strategy) if strategy else None,
        "platformVersion": service.platform_version,
        "platformFamily": "EC2" if service.launch_type == "EC2" else "FARGATE",  # as moto wrote it
        "networkConfiguration": copy.deepcopy(service.network_configuration) or None,
        # Patch 23: each deployment runs the Service Connect configuration it was started with.
        "serviceConnectConfiguration": copy.deepcopy(getattr(service, "service_connect_configuration", None)) or None,
        "rolloutState": "IN_PROGRESS",
        "rolloutStateReason": f"ECS deployment {deployment_id} in progress.",
    }
    _ecs_meta(service)[deployment_id] = {"tasks": [], "loadBalancers": copy.deepcopy(service.load_balancers or [])}
    return deployment


def _ecs_providers(strategy, count: int) -> list:
    """Capacity provider of each task: every item's base first, the rest by weight."""
    if not strategy:
        return [None] * count
    chosen = []
    for item in strategy:
        chosen += [item["capacityProvider"]] * int(item.get("base") or 0)
    weighted = [item for item in strategy if int(item.get("weight") or 0) > 0] or list(strategy[:1])
    placed = {item["capacityProvider"]: 0 for item in weighted}
    while len(chosen) < count:
        item = min(weighted, key=lambda i: (placed[i["capacityProvider"]] + 1) / max(int(i.get("weight") or 0), 1))
        placed[item["capacityProvider"]] += 1
        chosen.append(item["capacityProvider"])
    return chosen[:count]


def _ecs_placement(backend, service, deployment) -> dict:
    """Subnet, IP (host .100 on in the subnet's CIDR, next free) and network interface of a new task."""
    import ipaddress

    awsvpc = (deployment.get("networkConfiguration") or {}).get("awsvpcConfiguration") or {}
    subnets = awsvpc.get("subnets") or []
    if not subnets:
        return {}
    sequence = getattr(service, "_launcher_task_sequence", 0)
    service._launcher_task_sequence = sequence + 1
    subnet_id = subnets[sequence % len(subnets)]
    ec2 = ec2_backends[backend.account_id][backend.region_name]
    try:
        subnet = ec2.get_subnet(subnet_id)
    except Exception:
        return {"subnetId": subnet_id}
    network = ipaddress.ip_network(subnet.cidr_block, strict=False)
    used = {eni.private_ip_address for eni in ec2.enis.values() if getattr(eni.subnet, "id", None) == subnet_id}
    first, last = 4, network.num_addresses - 2  # AWS keeps the first four addresses and the last
    size = max(last - first + 1, 0)
    start = 100 if last >= 100 else first  # host .100 on, then round to the bottom of the range
    counters = backend.__dict__.setdefault("_launcher_next_host", {})
    at = counters.get(subnet_id, 0)
    ip = None
    for step in range(size):
        candidate = str(network[first + (start - first + at + step) % size])
        if candidate not in used:
            ip, counters[subnet_id] = candidate, (at + step + 1) % size
            break
    placement = {"subnetId": subnet_id, "availabilityZone": subnet.availability_zone}
    if ip is None:
        return placement
    groups = [g for g in (awsvpc.get("securityGroups") or []) if ec2.get_security_group_from_id(g)]
    attachment = mock_random.uuid4()
    try:
        eni = ec2.create_network_interface(
            subnet=subnet, private_ip_address=ip, group_ids=groups or None,
            description=f"arn:aws:ecs:{backend.region_name}:{backend.account_id}:attachment/{attachment}")
    except Exception:
        return {**placement, "ip": ip}
    eni.status, eni.requester_managed, eni.device_index = "in-use", True, 0
    return {**placement, "ip": ip, "eniId": eni.id, "mac": eni.mac_address,
            "dns": getattr(eni, "private_dns_name", None)}


def _ecs_start_tasks(backend, service, deployment, definition, clock, count: int, state: str) -> list:
    """`count` new tasks of the deployment, in `state` (RUNNING, ACTIVATING, or STOPPED: exited at once)."""
    cluster = backend._get_cluster(service.cluster_name)
    meta = _ecs_meta(service)[deployment["id"]]
    strategy = deployment.get("capacityProviderStrategy")
    live = len(meta["tasks"])
    providers = _ecs_providers(strategy, live + count)[live:] if state != "STOPPED" else _ecs_providers(strategy, count)
    tasks = []
    for provider in providers:
        when = clock.tick()
        task = _EcsServiceTask(backend, cluster, service, deployment, definition, when, "PROVISIONING", provider,
                               _ecs_placement(backend, service, deployment))
        backend.tasks.setdefault(cluster.name, {})[task.task_arn] = task
        if state == "STOPPED":
            task.run(when, "RUNNING")
            task.stop(clock.tick(), "EssentialContainerExited", "Essential container in task exited",
                      _ecs_failing_containers(definition))
        else:
            task.run(when, state)
            meta["tasks"].append(task)
        tasks.append(task)
    return tasks


def _ecs_target_group(service, arn):
    return elbv2_backends[service._account_id][service.region_name].target_groups.get(arn)


def _ecs_sync_targets(service, clock) -> None:
    """Register the live tasks of every deployment in the target groups of that deployment and
    deregister the targets this service registered for tasks that are gone."""
    wanted: dict = {}
    for meta in _ecs_meta(service).values():
        for balancer in meta["loadBalancers"]:
            arn, port = balancer.get("targetGroupArn"), balancer.get("containerPort")
            group = _ecs_target_group(service, arn) if arn else None
            if group is None or group.target_type != "ip" or port is None:
                continue
            for task in meta["tasks"]:
                if task._launcher_ip:
                    wanted.setdefault(arn, {})[task._launcher_ip] = (int(port), task.last_status == "RUNNING", task)
    registered = service.__dict__.setdefault("_launcher_targets", {})
    leaving: dict = {}
    for arn in list(registered):
        group = _ecs_target_group(service, arn)
        gone = [ip for ip in registered[arn] if ip not in wanted.get(arn, {})]
        if group is None:
            registered.pop(arn)
            continue
        if gone:
            leaving[arn] = gone
    for arn, targets in wanted.items():
        group = _ecs_target_group(service, arn)
        unhealthy = group.__dict__.setdefault("_launcher_unhealthy", set())
        new = [ip for ip in targets if ip not in registered.get(arn, {})]
        for ip, (port, healthy, _task) in targets.items():
            (unhealthy.discard if healthy else unhealthy.add)(ip)
        if new:
            group.register([{"Id": ip, "Port": targets[ip][0]} for ip in new])
            registered.setdefault(arn, {}).update({ip: targets[ip][0] for ip in new})
            _ecs_event(service, clock.tick(), f"(service {service.name}) registered {len(new)} targets in (target-group {arn})")
    if leaving:
        draining = {ip for ips in leaving.values() for ip in ips}
        _ecs_event(service, clock.tick(), f"(service {service.name}) has begun draining connections on {len(draining)} tasks.")
        for arn, gone in leaving.items():
            group = _ecs_target_group(service, arn)
            for ip in gone:
                if ip in group.targets:
                    group.deregister([{"Id": ip}])
                group.__dict__.get("_launcher_unhealthy", set()).discard(ip)
                registered[arn].pop(ip, None)
            if not registered[arn]:
                registered.pop(arn)
            _ecs_event(service, clock.tick(), f"(service {service.name}) deregistered {len(gone)} targets in (target-group {arn})")


def _ecs_stop_tasks(service, deployment_id: str, tasks, clock, code="ServiceSchedulerInitiated", reason=None) -> None:
    """Drain, deregister and stop live tasks of a deployment, as the scheduler does when it scales one down."""
    if not tasks:
        return
    meta = _ecs_meta(service).get(deployment_id)
    if meta is not None:
        meta["tasks"] = [task for task in meta["tasks"] if task not in tasks]
    _ecs_sync_targets(service, clock)
    when = clock.tick()
    for task in tasks:
        task.stop(when, code, reason or f"Scaling activity initiated by (deployment {deployment_id})")
    if code == "ServiceSchedulerInitiated":
        _ecs_event(service, when, f"(service {service.name}) has stopped {len(tasks)} running tasks: {_ecs_task_list(tasks)}.")


def _ecs_drop_deployment(service, deployment, clock) -> None:
    meta = _ecs_meta(service).get(deployment["id"])
    if meta is not None:
        _ecs_stop_tasks(service, deployment["id"], list(meta["tasks"]), clock)
        _ecs_meta(service).pop(deployment["id"], None)
    service.deployments = [d for d in service.deployments if d["id"] != deployment["id"]]


def _ecs_scale_healthy(backend, service, deployment, definition, clock, desired: int) -> None:
    """Start or stop RUNNING tasks of a healthy deployment until it runs `desired`."""
    tasks = _ecs_meta(service)[deployment["id"]]["tasks"]
    if len(tasks) < desired:
        started = _ecs_start_tasks(backend, service, deployment, definition, clock, desired - len(tasks), "RUNNING")
        _ecs_event(service, clock.tick(), f"(service {service.name}) has started {len(started)} tasks: {_ecs_task_list(started)}.")
        _ecs_sync_targets(service, clock)
    elif len(tasks) > desired:
        _ecs_stop_tasks(service, deployment["id"], tasks[desired:], clock)


def _ecs_complete(service, deployment, clock, desired: int) -> None:
    deployment.update(status="PRIMARY", desiredCount=desired, runningCount=desired, pendingCount=0,
                      rolloutState="COMPLETED", rolloutStateReason=f"ECS deployment {deployment['id']} completed.",
                      updatedAt=clock.tick())
    _ecs_event(service, clock.now, f"(service {service.name}) (deployment {deployment['id']}) deployment completed.")


def _ecs_definition(backend, arn):
    try:
        return backend.describe_task_definition(arn)
    except Exception:
        return None


def _ecs_count(service) -> None:
    for deployment in service.deployments:
        tasks = _ecs_meta(service).get(deployment["id"], {}).get("tasks", [])
        deployment["runningCount"] = sum(1 for t in tasks if t.last_status == "RUNNING")
        deployment["pendingCount"] = sum(1 for t in tasks if t.last_status != "RUNNING")
    service.running_count = sum(d["runningCount"] for d in service.deployments)
    service.pending_count = sum(d["pendingCount"] for d in service.deployments)
    primary = next((d for d in service.deployments if d["status"] == "PRIMARY"), None)
    if primary is not None:
        service.task_definition = primary["taskDefinition"]


def _ecs_snapshot(service):
    """The service as the deployment starts: what Create/UpdateService answer."""
    snapshot = copy.copy(service)
    snapshot.deployments = copy.deepcopy(service.deployments)
    snapshot.events = list(service.events)
    return snapshot


def _ecs_deploy(backend, service, task_definition_arn: str, clock):
    """Start a deployment of the service and run it to its end; return the response snapshot."""
    desired = int(service.desired_count or 0)
    earlier = list(service.deployments)
    for deployment in earlier:
        deployment["status"] = "ACTIVE"
    new = _ecs_new_deployment(service, task_definition_arn, clock.now)
    service.deployments.insert(0, new)
    service.task_definition = task_definition_arn
    snapshot = _ecs_snapshot(service)
    # Earlier deployments that run nothing (a failing one's tasks never got healthy) simply go.
    for deployment in earlier:
        tasks = _ecs_meta(service).get(deployment["id"], {}).get("tasks", [])
        if not any(t.last_status == "RUNNING" for t in tasks):
            _ecs_drop_deployment(service, deployment, clock)
    earlier = [d for d in service.deployments if d is not new]
    definition = _ecs_definition(backend, task_definition_arn)

    if desired == 0 or definition is None or not _ecs_failing(definition):
        if definition is not None:
            _ecs_scale_healthy(backend, service, new, definition, clock, desired)
        for deployment in earlier:
            _ecs_drop_deployment(service, deployment, clock)
        _ecs_complete(service, new, clock, desired)
        _ecs_event(service, clock.tick(), f"(service {service.name}) has reached a steady state.")
        _ecs_count(service)
        if definition is None:  # a definition gone from moto altogether: settle without tasks, as patch 3
            new["runningCount"] = service.running_count = desired
        return snapshot

    failed = _ecs_start_tasks(backend, service, new, definition, clock, _ecs_failure_threshold(desired), "STOPPED")
    _ecs_event(service, clock.tick(), f"(service {service.name}) has started {len(failed)} tasks: {_ecs_task_list(failed)}.")
    new["failedTasks"] = len(failed)
    breaker = (getattr(service, "deployment_configuration", None) or {}).get("deploymentCircuitBreaker") or {}
    completed = next((d for d in earlier if d.get("rolloutState") == "COMPLETED"), None)
    if breaker.get("enable") and breaker.get("rollback") and completed is not None:
        new.update(status="ACTIVE", rolloutState="FAILED", runningCount=0, pendingCount=0, updatedAt=clock.tick(),
                   rolloutStateReason="ECS deployment circuit breaker: tasks failed to start.")
        _ecs_event(service, clock.now, f"(service {service.name}) (deployment {new['id']}) deployment failed: tasks failed to start.")
        # The rollback is to the completed deployment's configuration, not only its task definition.
        service.network_configuration = copy.deepcopy(completed.get("networkConfiguration")) or {}
        service.load_balancers = copy.deepcopy(_ecs_meta(service)[completed["id"]]["loadBalancers"])
        service.capacity_provider_strategy = copy.deepcopy(completed.get("capacityProviderStrategy"))
        service.launch_type = completed.get("launchType")
        service.platform_version = completed.get("platformVersion")
        service.service_connect_configuration = copy.deepcopy(completed.get("serviceConnectConfiguration"))  # patch 23
        rollback = _ecs_new_deployment(service, completed["taskDefinition"], clock.tick())
        _ecs_event(service, clock.now, f"(service {service.name}) rolling back to deployment {completed['id']}.")
        service.deployments.insert(0, rollback)
        # The rollback takes over the completed deployment's tasks (and so its targets).
        _ecs_meta(service)[rollback["id"]]["tasks"] = _ecs_meta(service)[completed["id"]]["tasks"]
        _ecs_meta(service)[rollback["id"]]["loadBalancers"] = _ecs_meta(service)[completed["id"]]["loadBalancers"]
        _ecs_meta(service)[completed["id"]]["tasks"] = []
        for deployment in [new] + earlier:
            _ecs_drop_deployment(service, deployment, clock)
        previous_definition = _ecs_definition(backend, completed["taskDefinition"])
        if previous_definition is not None:
            _ecs_scale_healthy(backend, service, rollback, previous_definition, clock, desired)
        _ecs_sync_targets(service, clock)
        _ecs_complete(service, rollback, clock, desired)
        _ecs_event(service, clock.tick(), f"(service {service.name}) has reached a steady state.")
        _ecs_count(service)
        return snapshot

    replacing = _ecs_start_tasks(backend, service, new, definition, clock, desired, "ACTIVATING")
    _ecs_event(service, clock.tick(), f"(service {service.name}) has started {len(replacing)} tasks: {_ecs_task_list(replacing)}.")
    _ecs_sync_targets(service, clock)
    new["updatedAt"] = clock.tick()
    _ecs_event(service, clock.now, f"(service {service.name}) {ECS_UNABLE_TO_START}")
    _ecs_count(service)
    return snapshot


def _ecs_scale(backend, service, clock) -> None:
    """A desiredCount-only update: the PRIMARY deployment follows the new count; no deployment starts."""
    desired = int(service.desired_count or 0)
    primary = next((d for d in service.deployments if d["status"] == "PRIMARY"), None)
    if primary is None:
        return
    primary["desiredCount"] = desired
    definition = _ecs_definition(backend, primary["taskDefinition"])
    tasks = _ecs_meta(service).setdefault(primary["id"], {"tasks": [], "loadBalancers": copy.deepcopy(service.load_balancers or [])})["tasks"]
    if primary.get("rolloutState") == "IN_PROGRESS" and desired > 0 and definition is not None and _ecs_failing(definition):
        before = len(tasks)
        if before < desired:
            started = _ecs_start_tasks(backend, service, primary, definition, clock, desired - before, "ACTIVATING")
            _ecs_event(service, clock.tick(), f"(service {service.name}) has started {len(started)} tasks: {_ecs_task_list(started)}.")
            _ecs_sync_targets(service, clock)
        elif before > desired:
            _ecs_stop_tasks(service, primary["id"], tasks[desired:], clock)
        primary["updatedAt"] = clock.tick()
        _ecs_count(service)
        return
    was = (len(tasks), primary.get("rolloutState"))
    if definition is not None:
        _ecs_scale_healthy(backend, service, primary, definition, clock, desired)
    for deployment in [d for d in service.deployments if d is not primary]:
        _ecs_drop_deployment(service, deployment, clock)
    if was != (desired, "COMPLETED"):
        if was[1] != "COMPLETED":
            _ecs_complete(service, primary, clock, desired)
        else:
            primary.update(runningCount=desired, updatedAt=clock.tick())
        _ecs_event(service, clock.tick(), f"(service {service.name}) has reached a steady state.")
    _ecs_count(service)


def _ecs_cluster_delta(backend, service, running_before: int, pending_before: int) -> None:
    cluster = backend._get_cluster(service.cluster_name)
    backend.update_cluster_resources(cluster, service.running_count - running_before, "RUNNING")
    backend.update_cluster_resources(cluster, service.pending_count - pending_before, "PENDING")


def _ecs_created(backend, service):
    """CreateService (called from _create_service above): the service's first deployment."""
    running, pending = service.running_count, service.pending_count  # as moto counted them in the cluster
    service.deployments = []
    service._launcher_meta = {}
    service._launcher_targets = {}
    snapshot = _ecs_deploy(backend, service, service.task_definition, _EcsClock())
    snapshot.running_count = snapshot.pending_count = 0
    _ecs_cluster_delta(backend, service, running, pending)
    return ActionResult({"service": snapshot})


class _EcsBeforeUpdate:
    def __init__(self, backend, service):
        self.backend, self.service = backend, service
        cluster = backend._get_cluster(service.cluster_name)
        self.cluster_counts = (cluster.running_tasks_count, cluster.pending_tasks_count)
        self.counts = (service.running_count, service.pending_count)
        self.compared = {attr: copy.deepcopy(getattr(service, attr, None)) for attr in _ECS_NEW_DEPLOYMENT_FIELDS.values()}
        # moto rewrites the id of deployments[0] on forceNewDeployment: keep its hands off ours.
        self.deployments = service.deployments
        service.deployments = []

    def restore_deployments(self) -> None:
        self.service.deployments = self.deployments


# UpdateService fields that start a new deployment when they change (besides taskDefinition and
# forceNewDeployment), with the Service attribute moto keeps them in.
_ECS_NEW_DEPLOYMENT_FIELDS = {
    "networkConfiguration": "network_configuration",
    "loadBalancers": "load_balancers",
    "serviceRegistries": "service_registries",
    "capacityProviderStrategy": "capacity_provider_strategy",
    "platformVersion": "platform_version",
    "serviceConnectConfiguration": "service_connect_configuration",  # patch 23
}


def _ecs_canonical(value) -> str:
    def norm(v):
        if isinstance(v, dict):
            return {k: norm(x) for k, x in v.items() if x not in (None, [], {})}
        if isinstance(v, list):
            return sorted((norm(x) for x in v), key=lambda x: json.dumps(x, sort_keys=True, default=str))
        return v
    return json.dumps(norm(value), sort_keys=True, default=str)


def _ecs_before_update(response):
    if os.environ.get("MOTO_ECS_SERVICE_RUNNING") is not None:
        return None
    backend = response.ecs_backend
    try:
        service = backend._get_service(response._get_param("cluster") or "default", response._get_param("service"))
    except Exception:
        return None  # moto's update answers the error
    if not _ecs_models_deployments(service) or not hasattr(service, "_launcher_meta"):
        return None
    return _EcsBeforeUpdate(backend, service)


def _ecs_updated(response, before, service):
    """UpdateService (called from _update_service above): a new deployment, or a new count."""
    backend = before.backend
    cluster = backend._get_cluster(service.cluster_name)
    cluster.running_tasks_count, cluster.pending_tasks_count = before.cluster_counts
    service.running_count, service.pending_count = before.counts
    primary = next((d for d in service.deployments if d["status"] == "PRIMARY"), None)
    current = primary["taskDefinition"] if primary else None
    asked = response._get_param("taskDefinition")
    target = backend.describe_task_definition(asked).arn if asked else current
    service.task_definition = current  # until a deployment of `target` starts
    new_deployment = bool(response._get_param("forceNewDeployment")) or target != current or any(
        response._get_param(param) is not None
        and _ecs_canonical(getattr(service, attr, None)) != _ecs_canonical(before.compared[attr])
        for param, attr in _ECS_NEW_DEPLOYMENT_FIELDS.items())
    clock = _EcsClock()
    if new_deployment:
        snapshot = _ecs_deploy(backend, service, target, clock)
        snapshot.running_count, snapshot.pending_count = before.counts
    else:
        _ecs_scale(backend, service, clock)
        snapshot = service
    _ecs_cluster_delta(backend, service, *before.counts)
    return ActionResult({"service": snapshot})


def patch_ecs_stop_task_replaced() -> None:
    """StopTask of a service's task (patch 18): stopCode UserInitiated, and the service replaces it."""
    from moto.ecs.models import EC2ContainerServiceBackend

    original = EC2ContainerServiceBackend.stop_task

    def stop_task(self, cluster_str: str, task_str: str, reason: str):
        cluster = self._get_cluster(cluster_str)
        task_id = task_str.split("/")[-1]
        task = next((t for arn, t in self.tasks.get(cluster.name, {}).items() if arn.endswith(task_id)), None)
        if not isinstance(task, _EcsServiceTask) or task.desired_status != "RUNNING":
            return original(self, cluster_str, task_str, reason)
        service = self.services.get(task._launcher_service_key)
        clock = _EcsClock()
        running, pending = (service.running_count, service.pending_count) if service else (0, 0)
        if service is None:
            task.stop(clock.now, "UserInitiated", reason or "Task stopped by user")
            return task
        deployment = next((d for d in service.deployments if task in _ecs_meta(service).get(d["id"], {}).get("tasks", [])), None)
        _ecs_stop_tasks(service, deployment["id"] if deployment else task.started_by, [task], clock,
                        code="UserInitiated", reason=reason or "Task stopped by user")
        if deployment is not None and service.status == "ACTIVE":
            definition = _ecs_definition(self, deployment["taskDefinition"])
            if definition is not None:
                state = "ACTIVATING" if deployment.get("rolloutState") == "IN_PROGRESS" and _ecs_failing(definition) else "RUNNING"
                started = _ecs_start_tasks(self, service, deployment, definition, clock, 1, state)
                _ecs_event(service, clock.tick(), f"(service {service.name}) has started 1 tasks: {_ecs_task_list(started)}.")
                _ecs_sync_targets(service, clock)
        _ecs_count(service)
        _ecs_cluster_delta(self, service, running, pending)
        return task

    EC2ContainerServiceBackend.stop_task = stop_task


# ---------------------------------------------------------------------------------------------
# Patch 19 - ECS ListTasks ignores serviceName, and more.
#   AWS filters ListTasks by serviceName (the tasks a service started: group "service:<name>"),
#   by family (tasks of any revision of it, ACTIVE or not), and by desiredStatus, RUNNING when
#   none is given; STOPPED tasks stay listed for about an hour.  moto's ListTasks skips
#   serviceName ("can't filter on service_name until the backend actually launches tasks"),
#   matches family against the ACTIVE revisions only, lists every task when desiredStatus is
#   not given, and matches the cluster by substring (cluster "shop" lists "shop-api"'s tasks).
#   With patch 18's service tasks that turns "why did the rollout fail?" (ListTasks
#   serviceName + desiredStatus=STOPPED) into every task of the account.  Fix: filter as AWS
#   does in the ListTasks handler (the backend's list_tasks stays moto's: tag look-ups use it).
# ---------------------------------------------------------------------------------------------
def patch_ecs_list_tasks_filters() -> None:
    def list_tasks(self):
        backend = self.ecs_backend
        cluster = backend._get_cluster(self._get_param("cluster") or "default")
        container_instance = self._get_param("containerInstance")
        family = self._get_param("family")
        started_by = self._get_param("startedBy")
        service_name = self._get_param("serviceName")
        launch_type = self._get_param("launchType")
        desired_status = self._get_param("desiredStatus") or "RUNNING"
        oldest = utcnow() - ECS_STOPPED_TASKS_LISTED_FOR
        tasks = []
        for task in backend.tasks.get(cluster.name, {}).values():
            if task.cluster_arn != cluster.arn or task.desired_status != desired_status:
                continue
            if container_instance and container_instance.split("/")[-1] not in (task.container_instance_arn or ""):
                continue
            if family and task.task_definition_arn.split("/")[-1].rsplit(":", 1)[0] != family:
                continue
            if started_by and task.started_by != started_by:
                continue
            if service_name and getattr(task, "group", None) != f"service:{service_name.split('/')[-1]}":
                continue
            if launch_type and task.launch_type != launch_type:
                continue
            stopped_at = getattr(task, "stopped_at", None)
            if desired_status == "STOPPED" and stopped_at is not None and stopped_at < oldest:
                continue
            tasks.append(task)
        return ActionResult({"taskArns": [task.task_arn for task in tasks]})

    EC2ContainerServiceResponse.list_tasks = list_tasks


# ---------------------------------------------------------------------------------------------
# Patch 20 - ELBv2 DescribeTargetHealth reports every registered IP target healthy.
#   moto answers "healthy" for any registered target that is not a stopped EC2 instance: it runs
#   no health check.  On AWS the targets of tasks that never pass the target group's health
#   check are State "unhealthy", Reason "Target.FailedHealthChecks", Description "Health checks
#   failed" - what a post-deploy check reads to tell a bad rollout.  Fix: the targets patch 18
#   registers for a failing deployment's tasks are kept in a set on their target group and
#   reported unhealthy so; every other target answers as before.
# ---------------------------------------------------------------------------------------------
def patch_elbv2_unhealthy_task_targets() -> None:
    from moto.elbv2.models import FakeHealthStatus, FakeTargetGroup

    original = FakeTargetGroup.health_for

    def health_for(self, target, ec2_backend):
        status = original(self, target, ec2_backend)
        if status.status == "healthy" and target["Id"] in self.__dict__.get("_launcher_unhealthy", ()):
            return FakeHealthStatus(status.instance_id, status.port, status.health_check_port, "unhealthy",
                                    "Target.FailedHealthChecks", "Health checks failed")
        return status

    FakeTargetGroup.health_for = health_for


# ---------------------------------------------------------------------------------------------
# Patch 21 - ECS DeleteService leaves the service's tasks running and its targets registered.
#   AWS stops a deleted service's tasks (they drain out of its target groups first) and reports
#   it with runningCount 0.  With patch 18's tasks, moto's DeleteService (after patch 15) would
#   leave them RUNNING, their network interfaces in the subnets and their IPs healthy in the
#   target groups, where a load balancer would still send traffic.  Fix: drain, deregister and
#   stop every task of the service (stopCode ServiceSchedulerInitiated), as a scale to zero does.
# ---------------------------------------------------------------------------------------------
def patch_ecs_delete_service_stops_tasks() -> None:
    original = EC2ContainerServiceResponse.delete_service  # patch 15's

    def delete_service(self):
        result = original(self)
        service = result.result["service"]
        if os.environ.get("MOTO_ECS_SERVICE_RUNNING") is None and hasattr(service, "_launcher_meta"):
            clock = _EcsClock()
            for deployment in service.deployments:
                tasks = _ecs_meta(service).get(deployment["id"], {}).get("tasks", [])
                _ecs_stop_tasks(service, deployment["id"], list(tasks), clock)
                deployment.update(runningCount=0, pendingCount=0, updatedAt=clock.now)
            service.__dict__.setdefault("_launcher_meta", {}).clear()
            _ecs_sync_targets(service, clock)
            service.running_count = service.pending_count = 0  # moto took them off the cluster's counts
        return result

    EC2ContainerServiceResponse.delete_service = delete_service


# ---------------------------------------------------------------------------------------------
# Patch 22 - ECS RunTask tasks never run: no command, no exit code, no logs.
#   AWS: a one-off task (RunTask, what `npm run task` and a job's Step Functions state start) goes
#   PROVISIONING -> PENDING -> RUNNING -> STOPPED; its essential container's exit ends it (stopCode
#   EssentialContainerExited, stoppedReason "Essential container in task exited",
#   containers[].exitCode the command's); what the container prints is in CloudWatch Logs under the
#   awslogs driver's stream `<awslogs-stream-prefix>/<container name>/<task id>`.  A task whose
#   image cannot be pulled stops with stopCode TaskFailedToStart, a CannotPullContainerError
#   reason and no exit code; one whose log group does not exist (and awslogs-create-group is not
#   "true") fails to start with ResourceInitializationError.  StopTask of a running container:
#   SIGTERM, exit code 143 for a shell.
#   Gap: moto's RunTask makes a Task that is RUNNING at once and steps through DEACTIVATING,
#   STOPPING... on DescribeTasks with containers[].exitCode always 0, ignores
#   overrides.containerOverrides[].command and capacityProviderStrategy (no launchType with a
#   FARGATE strategy means "No instances found in cluster"), writes no log, and its ids are UUIDs
#   where AWS's are 32 hex digits.  A one-off run's exit code and output cannot be tested.
#   Fix: FARGATE tasks (launchType FARGATE, or a FARGATE / FARGATE_SPOT capacity provider) are
#   launcher tasks (patch 18's, placed in the awsvpc subnets with an ENI): RunTask answers
#   PROVISIONING, and each DescribeTasks of the task moves it one step: PENDING, RUNNING (the log
#   lines are written now), STOPPED with the exit code.  The container "runs" its command - the
#   override's, else the task definition's - by this convention, just enough to script a run:
#     * `["sh" | "bash" | "/bin/sh" | "/bin/bash", "-c", "<script>"]`: the script is split on `;`,
#       `&&` and newlines; `echo <words>` logs the words (quotes removed, as the shell would),
#       `sleep <n>` keeps the task RUNNING n seconds longer (wall clock), `exit <n>` ends the
#       script with exit code n; anything else is taken as a command that succeeds and prints
#       nothing.  The exit code is 0 when the script does not exit.
#     * `["echo", words...]` logs the words and exits 0; any other command exits 0 silently.
#   An image matching MOTO_ECS_UNPULLABLE_IMAGES (re.search; default `:missing(-[A-Za-z0-9_.-]+)?$`,
#   e.g. app:missing) cannot be pulled; one matching MOTO_ECS_FAILING_IMAGES (patch 18) exits 1
#   whatever its command.  EC2 tasks (container instances) are moto's, unchanged.
# ---------------------------------------------------------------------------------------------
import shlex  # noqa: E402
from datetime import timezone  # noqa: E402
from types import SimpleNamespace  # noqa: E402

ECS_UNPULLABLE_IMAGES_DEFAULT = r":missing(-[A-Za-z0-9_.-]+)?$"
_ECS_UNPULLABLE_SOURCE = os.environ.get("MOTO_ECS_UNPULLABLE_IMAGES", ECS_UNPULLABLE_IMAGES_DEFAULT)
try:
    ECS_UNPULLABLE_IMAGES = re.compile(_ECS_UNPULLABLE_SOURCE) if _ECS_UNPULLABLE_SOURCE else None
except re.error as _error:
    sys.exit(f"moto_launcher: MOTO_ECS_UNPULLABLE_IMAGES is not a regular expression: {_error}")
_SHELLS = ("sh", "bash", "/bin/sh", "/bin/bash", "/usr/bin/bash")


def _ecs_script_run(command) -> tuple[list[str], int, float]:
    """What a command prints, its exit code and how long it sleeps, by the convention above."""
    command = [str(part) for part in (command or [])]
    if len(command) >= 3 and command[0] in _SHELLS and command[1] == "-c":
        lines, sleep = [], 0.0
        for piece in re.split(r";|&&|\n", command[2]):
            try:
                words = shlex.split(piece.strip())
            except ValueError:
                words = piece.split()
            if not words:
                continue
            if words[0] == "echo":
                lines.append(" ".join(words[1:]))
            elif words[0] == "sleep" and len(words) > 1 and re.fullmatch(r"\d+(\.\d+)?", words[1]):
                sleep += float(words[1])
            elif words[0] == "exit":
                return lines, int(words[1]) % 256 if len(words) > 1 and words[1].isdigit() else 0, sleep
        return lines, 0, sleep
    if command and command[0] == "echo":
        return [" ".join(command[1:])], 0, 0.0
    return [], 0, 0.0


class _EcsOneOffTask(_EcsServiceTask):
    """A task RunTask started (patch 22): it runs its command's script, one step per DescribeTasks."""

    __module__ = "moto.ecs.launcher"

    def __init__(self, backend, cluster, definition, overrides, started_by, group, tags, network, provider, platform_version):
        when = utcnow()
        family = definition.family
        # Patch 18's task, with what it reads of a service and a deployment for a task of none.
        owner = SimpleNamespace(name=family, enable_execute_command=False, propagate_tags="NONE", tags=[],
                                enable_ecs_managed_tags=False)
        run = {"id": started_by or "", "launchType": "FARGATE", "platformVersion": platform_version,
               "networkConfiguration": network}
        super().__init__(backend, cluster, owner, run, definition, when, "PROVISIONING", provider,
                         _ecs_placement(backend, owner, run))
        self._launcher_service_key = None
        self.group = group or f"family:{family}"
        self.started_by = started_by or ""
        self.tags = tags or []
        asked = {o.get("name"): o for o in (overrides or {}).get("containerOverrides") or []}
        self.overrides = {**(overrides or {}),
                          "containerOverrides": [asked.get(c.get("name"), {"name": c.get("name")})
                                                 for c in definition.container_definitions],
                          "inferenceAcceleratorOverrides": []}
        self.last_status = "PROVISIONING"
        self._launcher_definition = definition
        self._launcher_commands = {c.get("name"): (asked.get(c.get("name"), {}).get("command") or c.get("command"))
                                   for c in definition.container_definitions}
        self._launcher_done_at = None
        self._launcher_exit = {}

    def _fail_to_start(self, when, reason: str, container_name: str) -> None:
        self.stop(when, "TaskFailedToStart", reason)
        for container in self.containers:
            if container["name"] == container_name:
                container["reason"] = reason

    def _start(self, when) -> None:
        definition = self._launcher_definition
        for container in definition.container_definitions:
            image = str(container.get("image") or "")
            if ECS_UNPULLABLE_IMAGES is not None and ECS_UNPULLABLE_IMAGES.search(image):
                self._fail_to_start(when, f"CannotPullContainerError: pull image manifest has been retried 7 time(s): "
                                          f"failed to resolve ref {image}: not found", container.get("name"))
                return
        from moto.logs.models import logs_backends

        logs = logs_backends[self._account_id][self.region_name]
        writes, longest = [], 0.0
        for container in definition.container_definitions:
            name = container.get("name")
            lines, code, sleep = _ecs_script_run(self._launcher_commands.get(name))
            if ECS_FAILING_IMAGES is not None and ECS_FAILING_IMAGES.search(str(container.get("image") or "")):
                code = 1
            self._launcher_exit[name] = code
            longest = max(longest, sleep)
            config = container.get("logConfiguration") or {}
            options = config.get("options") or {}
            if config.get("logDriver") != "awslogs" or not options.get("awslogs-group"):
                continue
            group = options["awslogs-group"]
            if group not in logs.groups:
                if str(options.get("awslogs-create-group", "false")).lower() != "true":
                    self._fail_to_start(when, "ResourceInitializationError: failed to validate logger args: "
                                              f"The specified log group does not exist. : exit status 1", name)
                    return
                logs.create_log_group(group, {})
            stream = f"{options.get('awslogs-stream-prefix')}/{name}/{self.id}" if options.get("awslogs-stream-prefix") else self.id
            writes.append((group, stream, lines))
        self.run(when, "RUNNING")
        at = int(when.replace(tzinfo=timezone.utc).timestamp() * 1000)  # utcnow() is naive
        for group, stream, lines in writes:
            logs.ensure_log_stream(group, stream)
            if lines:
                logs.put_log_events(group, stream, [{"timestamp": at + i, "message": line} for i, line in enumerate(lines)])
        self._launcher_done_at = when + timedelta(seconds=longest)

    def advance(self) -> None:
        when = utcnow()
        if self.last_status == "PROVISIONING":
            self.last_status = "PENDING"
            for container in self.containers:
                container["lastStatus"] = "PENDING"
        elif self.last_status == "PENDING" and self.desired_status == "RUNNING":
            self._start(when)
        elif self.last_status == "RUNNING" and self._launcher_done_at is not None and when >= self._launcher_done_at:
            self.stop(when, "EssentialContainerExited", "Essential container in task exited", self._launcher_exit)

    def stop(self, when, code: str, reason: str, exit_codes=None) -> None:
        if code == "UserInitiated" and self.last_status == "RUNNING":
            exit_codes = {container["name"]: 143 for container in self.containers}  # SIGTERM
        super().stop(when, code, reason, exit_codes)


def patch_ecs_run_task_runs_command() -> None:
    from moto.ecs.exceptions import InvalidParameterException

    original = EC2ContainerServiceResponse.run_task

    def run_task(self):
        strategy = self._get_param("capacityProviderStrategy") or []
        launch_type = self._get_param("launchType")
        providers = [item.get("capacityProvider") for item in strategy]
        fargate = launch_type == "FARGATE" or (not launch_type and providers
                                               and all(p in ("FARGATE", "FARGATE_SPOT") for p in providers))
        if not fargate:
            return original(self)
        backend = self.ecs_backend
        cluster = backend._get_cluster(self._get_param("cluster", "default"))
        definition = backend.describe_task_definition(self._get_param("taskDefinition"))
        network = self._get_param("networkConfiguration")
        if definition.network_mode == "awsvpc" and not (network or {}).get("awsvpcConfiguration", {}).get("subnets"):
            raise InvalidParameterException("Network Configuration must be provided when networkMode 'awsvpc' is specified.")
        overrides = self._get_param("overrides") or {}
        names = {c.get("name") for c in definition.container_definitions}
        for override in overrides.get("containerOverrides") or []:
            if override.get("name") not in names:
                raise InvalidParameterException(
                    f"Override for container named {override.get('name')} is not a container in the TaskDefinition.")
        count = self._get_int_param("count", 1)
        chosen = _ecs_providers(strategy, count) if strategy else [None] * count
        tasks = []
        for provider in chosen:
            task = _EcsOneOffTask(backend, cluster, definition, overrides, self._get_param("startedBy"),
                                  self._get_param("group"), self._get_param("tags"), network, provider,
                                  self._get_param("platformVersion"))
            backend.tasks.setdefault(cluster.name, {})[task.task_arn] = task
            tasks.append(task)
        return ActionResult({"tasks": tasks, "failures": []})

    EC2ContainerServiceResponse.run_task = run_task


# ---------------------------------------------------------------------------------------------
# Patch 23 - ECS services drop their Service Connect configuration.
#   AWS keeps a service's serviceConnectConfiguration (enabled, namespace, services with portName,
#   discoveryName and clientAliases, logConfiguration) and reports it on each deployment in
#   DescribeServices (deployments[].serviceConnectConfiguration; the Service shape has no such
#   field); an UpdateService that changes it starts a new deployment.  Gap: moto's CreateService
#   forwards a fixed list of fields and drops it, so a client of the namespace and an internal
#   service that publishes a name read back the same as a service without Service Connect.
#   Fix: CreateService keeps it on the service (patch 2's field list), UpdateService already sets
#   it; patch 18's deployments carry it (a change starts one) and a rollback restores it.
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# Patch 24 - SQS forgets a queue's RedriveAllowPolicy, and SetQueueAttributes drops its Policy.
#   AWS keeps RedriveAllowPolicy (which source queues may use a queue as their dead-letter queue)
#   and returns it from GetQueueAttributes, by name or with All; SetQueueAttributes changes the
#   attributes it names and no others.  Gap: moto stores RedriveAllowPolicy but never returns it
#   (GetQueueAttributes by that name is even InvalidAttributeName), so
#   aws_sqs_queue_redrive_allow_policy waits for it to appear until its timeout; and every
#   SetQueueAttributes without Policy sets the queue's policy to none, so setting the dead-letter
#   queue's RedriveAllowPolicy, or any attribute of a queue with aws_sqs_queue_policy, silently
#   removes the policy that lets SNS deliver to it.  And moto writes RedrivePolicy back with
#   Python's spaced separators ({"deadLetterTargetArn": "...", "maxReceiveCount": 5}) where AWS
#   returns compact JSON; the provider keeps the string read, and every plan shows
#   aws_sqs_queue.redrive_policy "whitespace changes".  Fix: return RedriveAllowPolicy when it is
#   set (an empty value removes it, as the provider's delete sends); keep Policy unless the
#   request names it (empty: removed); write RedrivePolicy compact, as AWS does.
# ---------------------------------------------------------------------------------------------
def patch_sqs_redrive_allow_policy_and_partial_updates() -> None:
    from moto.sqs.models import Queue, SQSBackend

    original_set = Queue._set_attributes

    def _set_attributes(self, attributes, now=None):
        kept = getattr(self, "policy", None)
        original_set(self, attributes, now)
        if "Policy" not in attributes:
            self.policy = kept
        elif not attributes["Policy"]:
            self.policy = None

    original_get = SQSBackend.get_queue_attributes

    def get_queue_attributes(self, queue_name, attribute_names):
        others = [name for name in attribute_names or [] if name != "RedriveAllowPolicy"]
        result = original_get(self, queue_name, others) if others else {}
        if result.get("RedrivePolicy"):
            result["RedrivePolicy"] = json.dumps(json.loads(result["RedrivePolicy"]), separators=(",", ":"))
        value = getattr(self.get_queue(queue_name), "redrive_allow_policy", None)
        if value and ("All" in attribute_names or "RedriveAllowPolicy" in attribute_names):
            result["RedriveAllowPolicy"] = value if isinstance(value, str) else json.dumps(value)
        return result

    Queue._set_attributes = _set_attributes
    SQSBackend.get_queue_attributes = get_queue_attributes


# ---------------------------------------------------------------------------------------------
# Patch 25 - Step Functions has no ValidateStateMachineDefinition.
#   AWS answers ValidateStateMachineDefinition with result OK, or FAIL and diagnostics (severity,
#   code, message, location) for a definition that is not Amazon States Language.  The provider
#   (5.100.0) calls it when it plans an aws_sfn_state_machine whose definition is known - at apply
#   time for one that references other resources.  Gap: moto 5.2.1 does not implement it; the
#   500 it answers is retried with growing backoff, so the apply sits silent before "Creating..."
#   for many minutes.  Fix: validate as far as the structure goes - JSON, an object with States
#   (a non-empty object of objects with a Type) and StartAt naming one of them, every Next naming
#   one - and answer OK or FAIL with SCHEMA_VALIDATION_FAILED diagnostics at the JSON path.
#   Same gap, same silence after "Creating...": ListStateMachineVersions, which the provider reads
#   for every aws_sfn_state_machine, published or not.  Fix: list the versions moto keeps for
#   `publish` (newest first, as AWS does), none for a machine never published.
# ---------------------------------------------------------------------------------------------
def _sfn_definition_problems(definition: str) -> list:
    try:
        parsed = json.loads(definition)
    except ValueError as error:
        return [("INVALID_JSON_DESCRIPTION", f"Invalid JSON: {error}", "/")]
    if not isinstance(parsed, dict):
        return [("SCHEMA_VALIDATION_FAILED", "The definition must be a JSON object", "/")]
    states = parsed.get("States")
    if not isinstance(states, dict) or not states:
        return [("SCHEMA_VALIDATION_FAILED", "The field 'States' is required and must be a non-empty object", "/States")]
    problems = []
    if parsed.get("StartAt") not in states:
        problems.append(("SCHEMA_VALIDATION_FAILED", "Missing 'Next' target: the field 'StartAt' names no state", "/StartAt"))
    for name, state in states.items():
        if not isinstance(state, dict) or not isinstance(state.get("Type"), str):
            problems.append(("SCHEMA_VALIDATION_FAILED", "The field 'Type' should be non-null", f"/States/{name}"))
        elif "Next" in state and state["Next"] not in states:
            problems.append(("SCHEMA_VALIDATION_FAILED", f"Missing 'Next' target: {state['Next']}", f"/States/{name}/Next"))
    return problems


def patch_sfn_validate_state_machine_definition() -> None:
    from moto.stepfunctions.responses import StepFunctionResponse

    def validate_state_machine_definition(self):
        problems = _sfn_definition_problems(self._get_param("definition") or "")
        return json.dumps({
            "result": "FAIL" if problems else "OK",
            "diagnostics": [{"severity": "ERROR", "code": code, "message": message, "location": location}
                            for code, message, location in problems],
            "truncated": False,
        })

    def list_state_machine_versions(self):
        machine = self.stepfunction_backend.describe_state_machine(self._get_param("stateMachineArn"))
        versions = sorted(getattr(machine, "versions", {}).values(), key=lambda v: v.version, reverse=True)
        return json.dumps({"stateMachineVersions": [
            {"stateMachineVersionArn": v.arn, "creationDate": v.creation_date.replace(tzinfo=timezone.utc).timestamp()}
            for v in versions]})

    StepFunctionResponse.validate_state_machine_definition = validate_state_machine_definition
    StepFunctionResponse.list_state_machine_versions = list_state_machine_versions


for _patch in (
    patch_serve_one_request_at_a_time,
    patch_route53_create_duplicate_check,
    patch_elbv2_deletion_protection,
    patch_elbv2_access_logs_bucket_check,
    patch_elbv2_http_listener_ssl_policy,
    patch_acm_require_validation_records,
    patch_ec2_nat_gateway_deletion_releases,
    patch_ec2_flow_logs_log_group_arn,
    patch_ec2_rule_description_removal,
    patch_ecs_delete_service_deletes_scalable_target,
    patch_ecs_task_definition_family_latest_active,
    patch_ecs_stop_task_replaced,
    patch_ecs_list_tasks_filters,
    patch_elbv2_unhealthy_task_targets,
    patch_ecs_delete_service_stops_tasks,  # after patch 15: wraps its DeleteService
    patch_ecs_run_task_runs_command,
    patch_sqs_redrive_allow_policy_and_partial_updates,
    patch_sfn_validate_state_machine_definition,
):
    _patch()


# --------------------------------------------------------------------------
# Start the server exactly like the `moto_server` console script
# (entry point moto.server:main, same argparse options).
# --------------------------------------------------------------------------
if __name__ == "__main__":
    from moto.server import main

    sys.argv[0] = re.sub(r"(-script\.pyw|\.exe)?$", "", sys.argv[0])
    sys.exit(main())
