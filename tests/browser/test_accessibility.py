"""Accessibility in a real browser: axe-core finds nothing serious, and the player works from the keyboard."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

TRACK = "/ascenseur-pour-lechafaud/generique/"
LESSON = "/ascenseur-pour-lechafaud/who-comes-in-when/"
PAGES = {
    "home": "/",
    "story": "/ascenseur-pour-lechafaud/",
    "track": TRACK,
    "track-deep-link": TRACK + "?t=83",
    "cue-permalink": TRACK + "cues/trumpet-enters/",
    "person": "/people/miles-davis/",
    "people": "/people/",
    "scene": "/ascenseur-pour-lechafaud/scenes/trapped-in-the-lift/",
    "scenes": "/ascenseur-pour-lechafaud/scenes/",
    "search": "/search/?q=lift",
    "listening-chart": TRACK + "print/",
    "embed": TRACK + "embed/",
    "embed-cue": TRACK + "embed/cues/trumpet-enters/",
    "lesson": LESSON,
    "lesson-playing-a-guess": LESSON + "?step=3",
    "lesson-embed": LESSON + "embed/",
    "lesson-embed-playing": LESSON + "embed/?step=2",
    "lesson-print": LESSON + "print/",
}
SERIOUS = {"serious", "critical"}
AUDIO = "document.querySelector('audio[data-player]')"


def serious_violations(page):
    results = Axe().run(page).response
    found = [violation for violation in results["violations"] if violation["impact"] in SERIOUS]
    return "\n".join(
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(f"    {node['target']}: {node.get('failureSummary', '')}" for node in violation["nodes"][:8])
        for violation in found
    )


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_axe_violations(page, demo_server, name):
    response = page.goto(demo_server + PAGES[name], wait_until="networkidle")
    assert response.status == 200
    found = serious_violations(page)
    assert not found, f"axe on {PAGES[name]}:\n{found}"


def test_no_serious_axe_violations_while_playing_on_a_phone(page, demo_server):
    """The states scripts add (playing, marks, the dock on another page) and the narrow layout."""
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(demo_server + TRACK + "?t=83", wait_until="networkidle")
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime > 83.2")
    found = serious_violations(page)
    assert not found, f"axe on the playing track page:\n{found}"
    page.click("[data-performer] a[href='/people/miles-davis/']")
    page.wait_for_url("**/people/miles-davis/")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-dock]").is_visible()
    found = serious_violations(page)
    assert not found, f"axe on a person page with the dock:\n{found}"
    page.evaluate(f"{AUDIO}.pause()")


def without_page_scripts(route):
    """Serve pages as a browser without scripts sees them, yet leave Playwright able to run axe."""
    if route.request.resource_type == "script":
        return route.abort()
    if route.request.resource_type == "document":
        response = route.fetch()
        return route.fulfill(response=response, body=re.sub(r"<script\b.*?</script>", "", response.text(), flags=re.S))
    return route.continue_()


@pytest.mark.parametrize("width", [1280, 360])
def test_no_serious_axe_violations_without_scripts(page, demo_server, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.route("**/*", without_page_scripts)
    page.goto(demo_server + TRACK + "?t=83")
    assert page.evaluate("document.documentElement.classList.contains('no-js') && !window.htmx")
    assert page.locator("audio[data-player][controls]").is_visible()
    found = serious_violations(page)
    assert not found, f"axe on the track page without scripts:\n{found}"


def tab_to(page, selector, limit=80):
    """Press Tab until the focus is on an element matching `selector`; fail if it never gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"{selector} is not reachable with Tab")


def test_the_transport_works_from_the_keyboard(page, demo_server):
    page.goto(demo_server + TRACK)
    page.wait_for_function(f"{AUDIO}.readyState >= 1 && window.listeningPlayer")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.skip-link')"), "the first Tab stop skips to the content"

    tab_to(page, "[data-transport] [data-action=toggle]")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Play"
    # The focused button shows where the focus is.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime > 0.2")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Pause"
    # Space presses the focused button once: it pauses, and the shortcut does not toggle it back.
    page.keyboard.press("Space")
    page.wait_for_timeout(200)
    assert page.evaluate(f"{AUDIO}.paused")
    page.keyboard.press("Space")
    page.wait_for_function(f"!{AUDIO}.paused")
    page.keyboard.press("Space")
    page.wait_for_function(f"{AUDIO}.paused")

    # On through the transport to the cue list: a cue's time link plays that cue.
    for _ in range(5):  # the first cue that does not start at 0:00, so that the seek shows
        tab_to(page, "[data-cue] a.cue-time")
        cue = page.evaluate("""() => {
            const cue = document.activeElement.closest('[data-cue]');
            return {slug: cue.id, start: parseFloat(cue.dataset.start)};
        }""")
        if cue["start"] > 0:
            break
    assert cue["start"] > 0
    page.keyboard.press("Enter")
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime >= {cue['start']}")
    assert page.evaluate(f"{AUDIO}.currentTime") < cue["start"] + 1.5
    assert page.get_attribute(f"#{cue['slug']}", "aria-current") == "true"
    assert page.url == demo_server + TRACK, "the cue plays in place"
    page.evaluate(f"{AUDIO}.pause()")
