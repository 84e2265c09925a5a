"""The Content-Security-Policy and Permissions-Policy break nothing: a reader's pages and the page editor
run in Chromium without one violation, while an injected inline script is refused."""

import re
import time
from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.browser

TRACK = "/ascenseur-pour-lechafaud/generique/"
PERSON = "/people/miles-davis/"
ADMIN = ("admin", "listening")  # load_demo's local account under test settings

# Recorded before any script of the page runs; the event also covers what the console does not show.
LISTEN_FOR_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${where})`);
});
"""


@pytest.fixture
def watched(browser):
    """A page under the site's own policies, with every console message about a policy collected.

    The shared `context` fixture bypasses the policy, because Playwright compiles the predicates of
    `wait_for_function` with eval, which the policy refuses; here nothing is bypassed, and waiting is
    done from Python with `wait_until`.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=False)
    page = context.new_page()
    messages, errors = [], []

    def on_console(message):
        if re.search(r"Content Security Policy|Content-Security-Policy|Permissions[- ]Policy", message.text, re.I):
            messages.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(LISTEN_FOR_VIOLATIONS)
    page.messages = messages
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def wait_until(page, expression, timeout=10.0):
    """Poll `expression` in the page until it is true (page.evaluate runs outside the page's policy)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"Still false after {timeout} s: {expression}")
        time.sleep(0.05)


def violations(page):
    return page.messages + page.evaluate("window.__violations || []")


def test_a_reader_plays_and_browses_without_a_policy_violation(watched, demo_server):
    page = watched
    page.goto(demo_server + TRACK)
    page.wait_for_load_state("networkidle")
    # The nonced inline script ran: the page knows scripts are on.
    assert page.evaluate("document.documentElement.classList.contains('js')")
    page.evaluate(
        "(() => { const a = document.querySelector('audio[data-player]'); a.currentTime = 10; return a.play(); })()"
    )
    wait_until(page, "document.querySelector('audio[data-player]').currentTime > 10.3")
    # Boosted navigation swaps the page in through htmx, with the music still playing.
    page.click(f"a[href='{PERSON}']")
    page.wait_for_url(re.compile(re.escape(PERSON)))
    page.wait_for_load_state("networkidle")
    page.goto(demo_server + "/search/?q=miles")
    page.fill("input[name=q]", "trumpet")
    page.wait_for_load_state("networkidle")
    assert violations(page) == [], violations(page)


def test_an_injected_inline_script_is_refused(watched, demo_server):
    """What the policy is for: script that found its way into a page without the nonce does not run."""
    page = watched
    page.goto(demo_server + TRACK)
    page.evaluate(
        """() => {
          const script = document.createElement('script');
          script.textContent = 'window.__injected = true';
          document.body.append(script);
        }"""
    )
    assert page.evaluate("window.__injected === undefined")
    assert any("script-src" in message for message in violations(page))


def test_the_page_editor_runs_without_a_policy_violation(watched, demo_server):
    page = watched
    page.goto(demo_server + "/admin/login/")
    page.fill("input[name=username]", ADMIN[0])
    page.fill("input[name=password]", ADMIN[1])
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    page.wait_for_load_state("networkidle")
    # The editor of a track, from the editor's bar on the public page (which runs under the public policy).
    page.goto(demo_server + TRACK)
    page.wait_for_selector("wagtail-userbar", state="attached")
    edit = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first
    page.goto(urljoin(demo_server + "/", edit.get_attribute("href")))
    page.wait_for_selector("[data-controller='listening-cue-editor']", state="attached")
    page.wait_for_load_state("networkidle")
    # The rich text editor and the preview panel are the admin's busiest scripts. The preview is the
    # public page, under the public policy, framed by the admin.
    page.locator(".Draftail-Editor").first.wait_for()
    # A cue's editor and choosers are made when it is opened, from the form's template.
    page.locator("[data-cue-line]").first.click()
    page.locator("[data-cue-row] .Draftail-Editor").first.wait_for()
    page.click("button[data-side-panel-toggle='preview']")
    # Wagtail loads each new preview into a second frame, then drops the first one.
    preview = page.locator("iframe.w-preview__iframe").last.content_frame
    preview.locator("[data-cue]").first.wait_for()
    assert preview.locator("html.js").count() == 1, "the preview's nonced inline script ran"
    page.wait_for_load_state("networkidle")
    assert violations(page) == [], violations(page)
