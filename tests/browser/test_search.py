import pytest

pytestmark = pytest.mark.browser


def test_results_appear_as_you_type_and_the_address_follows(page, demo_server, screenshot):
    page.goto(demo_server + "/search/")
    page.locator("#search-input").press_sequentially("Michelot", delay=30)
    page.wait_for_selector("#search-results a[href='/people/pierre-michelot/']")
    assert page.url.endswith("/search/?q=Michelot")
    assert page.locator("#search-input").evaluate("el => el === document.activeElement")  # typing was not interrupted
    screenshot("search")


def test_search_keeps_the_music_playing(page, demo_server):
    page.goto(demo_server + "/ascenseur-pour-lechafaud/generique/")
    page.locator("[data-action=toggle]").click()
    page.wait_for_function("!document.querySelector('audio[data-player]').paused")
    page.evaluate("document.querySelector('audio[data-player]').dataset.tagged = 'yes'")
    page.get_by_role("link", name="Search").click()
    page.locator("#search-input").press_sequentially("lift", delay=30)
    page.wait_for_selector("#search-results >> text=Trapped in the lift")
    assert page.evaluate("document.querySelector('audio[data-player]').dataset.tagged") == "yes"
    assert not page.evaluate("document.querySelector('audio[data-player]').paused")
