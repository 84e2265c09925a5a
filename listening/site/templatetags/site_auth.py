from urllib.parse import urlsplit

from django import template
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

register = template.Library()


@register.simple_tag(takes_context=True)
def login_return_url(context) -> str:
    """Where the login form sends a reader back to: `next` (the page that asked for a login), else the
    page of this site they came from, else nothing (LoginView then goes to LOGIN_REDIRECT_URL).

    Only a path on this site is ever given back; LoginView checks `next` again when the form is posted.
    """
    request = context["request"]
    if context.get("next"):
        return context["next"]
    referer = request.headers.get("Referer", "")
    if not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    parts = urlsplit(referer)
    if not parts.netloc or parts.path.startswith(reverse("wagtailcore_login")):
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")
