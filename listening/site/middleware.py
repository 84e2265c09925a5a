from django.http import HttpResponseNotAllowed
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
