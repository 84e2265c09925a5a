"""A served demo album and a real Chromium for browser tests.

The server is gunicorn with DEBUG off (as in production), on its own database and media folder,
so what the browser sees is what a reader gets from `make run`.
"""

import os
from pathlib import Path

import pytest

from tests.demo_server import CHROMIUM_ARGS, chromium_path, serve_demo

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "artifacts"


def pytest_collection_modifyitems(config, items):
    if chromium_path():
        return
    if os.environ.get("CI"):
        # In CI the browser tests must run: a missing Chromium is a failure, not a skip.
        return
    skip = pytest.mark.skip(
        reason="Chromium is not installed (apt-get install chromium); "
        "browser tests run in CI, where .ci/run installs it."
    )
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    with serve_demo(tmp_path_factory.mktemp("served")) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if not executable:
        pytest.fail("Chromium is not installed; in CI .ci/run installs it (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    # Playwright compiles `wait_for_function` predicates with eval, which the site's Content-Security-Policy
    # refuses; test_security_policy.py checks the policy in a context of its own that does not bypass it.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def screenshot(page, request):
    """Save a screenshot under tests/artifacts/ for a person to look at."""

    def take(name, **kwargs):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), **kwargs)
        return path

    return take
