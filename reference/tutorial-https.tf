# The tutorial's HTTPS chapter (introduction-terraform, mkdocs/docs/handson/https.md), as a
# reference for the state-migration test: apply it with tutorial.tf, then plan the cdktf stack
# handson-https against the same state, and Terraform must find nothing to change.
#
# As written for Terraform 0.11 and the AWS provider 2.x, updated only where Terraform 1.x and the
# provider 5.x no longer accept it: `type = "string"` unquoted; `domain_validation_options.0.…`
# (a set since provider 3.0) picked by domain name with one(); `validation.0.fqdn` without the
# index of a resource that has no count; `alias = {}` and `condition { field, values }` written
# as blocks; quoted references unquoted. Addresses and values are unchanged, but the domain, which
# the reader sets in place of "<YOUR DOMAIN NAME>".

variable "domain" {
  description = "Route 53 で管理しているドメイン名"
  type        = string

  default = "example.com"
}

# Route53 Hosted Zone
data "aws_route53_zone" "main" {
  name         = var.domain
  private_zone = false
}

# ACM
resource "aws_acm_certificate" "main" {
  domain_name = var.domain

  validation_method = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

# Route53 record
resource "aws_route53_record" "validation" {
  depends_on = [aws_acm_certificate.main]

  zone_id = data.aws_route53_zone.main.id

  ttl = 60

  name    = one([for dvo in aws_acm_certificate.main.domain_validation_options : dvo.resource_record_name if dvo.domain_name == var.domain])
  type    = one([for dvo in aws_acm_certificate.main.domain_validation_options : dvo.resource_record_type if dvo.domain_name == var.domain])
  records = [one([for dvo in aws_acm_certificate.main.domain_validation_options : dvo.resource_record_value if dvo.domain_name == var.domain])]
}

# ACM Validate
resource "aws_acm_certificate_validation" "main" {
  certificate_arn = aws_acm_certificate.main.arn

  validation_record_fqdns = [aws_route53_record.validation.fqdn]
}

# Route53 record
resource "aws_route53_record" "main" {
  type = "A"

  name    = var.domain
  zone_id = data.aws_route53_zone.main.id

  alias {
    name                   = aws_lb.main.dns_name
    zone_id                = aws_lb.main.zone_id
    evaluate_target_health = true
  }
}

# ALB Listener
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.main.arn

  certificate_arn = aws_acm_certificate.main.arn

  port     = "443"
  protocol = "HTTPS"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.main.id
  }
}

# ALB Listener Rule
resource "aws_lb_listener_rule" "http_to_https" {
  listener_arn = aws_lb_listener.main.arn

  priority = 99

  action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }

  condition {
    host_header {
      values = [var.domain]
    }
  }
}

# Security Group Rule
resource "aws_security_group_rule" "alb_https" {
  security_group_id = aws_security_group.alb.id

  type = "ingress"

  from_port = 443
  to_port   = 443
  protocol  = "tcp"

  cidr_blocks = ["0.0.0.0/0"]
}
