"""Seeking works in a real browser: the media view answers Range requests."""

import pytest

pytestmark = pytest.mark.browser


def test_seeking_to_sixty_seconds_stays_there(page, demo_server):
    page.goto(demo_server + "/ascenseur-pour-lechafaud/generique/")
    audio = page.locator("audio[data-player]")
    assert audio.count() == 1
    page.wait_for_function("document.querySelector('audio[data-player]').readyState >= 1")
    assert abs(page.evaluate("document.querySelector('audio[data-player]').duration") - 165) < 0.5
    page.evaluate(
        """() => new Promise((resolve) => {
            const audio = document.querySelector('audio[data-player]');
            audio.addEventListener('seeked', resolve, {once: true});
            audio.currentTime = 60;
        })"""
    )
    page.wait_for_timeout(300)
    assert abs(page.evaluate("document.querySelector('audio[data-player]').currentTime") - 60) < 0.05


def test_every_page_kind_is_served_with_its_assets(page, demo_server, screenshot):
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    for path, name in [
        ("/", "home"),
        ("/ascenseur-pour-lechafaud/", "story"),
        ("/ascenseur-pour-lechafaud/generique/", "track"),
        ("/people/miles-davis/", "person"),
        ("/ascenseur-pour-lechafaud/scenes/trapped-in-the-lift/", "scene"),
    ]:
        failed.clear()
        page.goto(demo_server + path, wait_until="networkidle")
        assert not failed, failed
        # Images have loaded and have real sizes; fonts came from our own static files.
        broken = page.evaluate("[...document.images].filter(i => !i.complete || i.naturalWidth === 0).length")
        assert broken == 0
        assert page.evaluate("document.fonts.check('16px \"Source Serif\"')")
        screenshot(f"page-{name}")
