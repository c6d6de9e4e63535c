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
    service._launcher_deployment_configuration = dict(getattr(service, "deployment_configuration", None) or {})
    _ecs_settle(self.ecs_backend, service)
    return result


def _update_service(self):
    # Patch 16: see below.
    result = _orig_update_service(self)
    service = result.result["service"]
    asked = self._get_param("deploymentConfiguration")
    if asked:
        service.deployment_configuration = {**service._launcher_deployment_configuration, **asked}
    service._launcher_deployment_configuration = dict(getattr(service, "deployment_configuration", None) or {})
    strategy = self._get_param("capacityProviderStrategy")
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
