from django.http import HttpResponseNotAllowed
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers
from wagtail import views as wagtail_views


class VaryOnHtmxMiddleware:
    """Pages render a fragment for htmx and a whole document otherwise; caches must keep both apart."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ["HX-Request"])
        return response


class ReadOnlyPagesMiddleware:
    """Pages are read, never posted to: an unsafe method on a page answers 405, not a page or a CSRF 403.

    Placed before CsrfViewMiddleware, so a POST without a token learns that the page takes none.
    Forms that do post (a restricted page's password, the login) have URLs of their own.
    """

    READ_ONLY_VIEWS = {wagtail_views.serve}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func in self.READ_ONLY_VIEWS and request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return None


class CompressPagesMiddleware(GZipMiddleware):
    """Django's gzip (with its BREACH padding), for whole pages only: HTML and JSON answers.

    Audio answers Range requests, whose byte offsets a compressed body would break; static files
    come from whitenoise already compressed; images do not shrink.
    """

    COMPRESSIBLE = ("text/html", "application/json", "text/vtt", "text/csv", "text/plain")

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if response.status_code != 200 or response.streaming or content_type not in self.COMPRESSIBLE:
            return response
        return super().process_response(request, response)
