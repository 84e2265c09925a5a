import pytest

pytestmark = pytest.mark.browser


def test_results_appear_as_you_type_and_the_address_follows(page, demo_server, screenshot):
    page.goto(demo_server + "/search/")
    page.locator("#search-input").press_sequentially("Michelot", delay=30)
    # A result, not the suggestion of the empty search that links there too.
    page.wait_for_selector("#search-results .result-title[href='/people/pierre-michelot/']")
    page.wait_for_url("**/search/?q=Michelot")
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


def test_typing_without_accents_finds_accented_names_first(page, demo_server, screenshot):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(demo_server + "/search/")
    # Suggestions before anything is typed.
    assert page.locator("#suggested-people + .suggestion-list a").count() >= 5
    page.locator("#search-input").press_sequentially("rene urtr", delay=30)
    first = page.locator("#search-results .result-title").first
    first.wait_for()
    page.wait_for_function(
        "document.querySelector('#search-results .result-title').textContent.trim() === 'René Urtreger'"
    )
    assert first.get_attribute("href") == "/people/rene-urtreger/"
    assert first.locator("mark").all_inner_texts() == ["René", "Urtreger"]
    screenshot("search-accents-360")


def test_a_moments_play_button_opens_the_track_at_the_cue(page, demo_server):
    page.goto(demo_server + "/search/?q=michelot")
    play = page.locator(".moment-play").first
    href = play.get_attribute("href")
    assert "/cues/" in href
    play.click()
    page.wait_for_url("**" + href)
    slug = href.rstrip("/").rsplit("/", 1)[1]
    page.wait_for_selector(f"#cue-{slug}[aria-current='true']")
    page.wait_for_function("!document.querySelector('audio[data-player]').paused")
