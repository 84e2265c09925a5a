"""Headers a security review expects on every response: Content-Security-Policy and Permissions-Policy.

The policies themselves are settings (CONTENT_SECURITY_POLICY, LISTENING_ADMIN_CONTENT_SECURITY_POLICY,
LISTENING_PERMISSIONS_POLICY in listening/settings/base.py); this module only applies them.
"""

from __future__ import annotations

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the Wagtail admin's own, looser policy under the admin's URLs.

    The admin writes inline scripts and styles of its own, so it cannot live under the public pages'
    nonce-only policy. A response that already has a policy keeps it (django-csp never overwrites
    one): the media view's sandbox, Wagtail's `default-src 'none'` on documents and image originals.
    """

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(admin_prefix()):
            parts.config = default_config(settings.LISTENING_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        elif getattr(request, "is_dummy", False):
            # Wagtail's preview renders the page through the middleware with a made-up request to its
            # URL, then shows it in a frame of the admin: the public policy, framed by this site only.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


def permissions_policy(features: dict[str, list[str]]) -> str:
    """`{"camera": [], "autoplay": ["self"]}` → `camera=(), autoplay=(self)`."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items())


class PermissionsPolicyMiddleware:
    """Says which browser features pages may use: none but what the player needs."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy(settings.LISTENING_PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
