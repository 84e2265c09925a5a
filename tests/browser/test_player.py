"""The synchronised player in a real browser: highlight, stage and players follow the audio clock.

The demo tracks are real-time audio, so each test seeks to a second or so before the boundary it
wants to watch and plays across it. Cue times come from the page (`data-start`, `data-end`), never
from the test.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

TRACK = "/ascenseur-pour-lechafaud/generique/"
OTHER_TRACK = "/ascenseur-pour-lechafaud/evasion-de-julien/"
STORY = "/ascenseur-pour-lechafaud/"
PERSON = "/people/miles-davis/"

AUDIO = "document.querySelector('audio[data-player]')"

# One synchronous look at the page: the audio clock and everything that should follow it.
SNAPSHOT = """() => {
  const audio = document.querySelector('audio[data-player]');
  const cues = [...document.querySelectorAll('[data-cue][data-start][data-end]')].map((el) => ({
    slug: el.id.replace(/^cue-/, ''),
    start: parseFloat(el.dataset.start),
    end: parseFloat(el.dataset.end),
    still: Boolean(el.dataset.still),
    performers: (el.dataset.performers || '').split(' ').filter(Boolean),
    current: el.getAttribute('aria-current'),
  }));
  const stage = document.querySelector('[data-stage] img');
  return {
    time: audio.currentTime,
    paused: audio.paused,
    cues,
    stage: stage ? stage.dataset.cue : null,
    performers: [...document.querySelectorAll('[data-performer][data-active]')].map((el) => el.dataset.performer),
  };
}"""


def cues_on(page):
    return page.evaluate(SNAPSHOT)["cues"]


def expected_at(cues, time):
    """What the contract says the page shows at `time`: active cues, the stage's cue, the players."""
    active = [cue for cue in cues if cue["start"] <= time + 0.0005 < cue["end"]]
    newest_with_still = None
    for cue in active:  # document order breaks ties between cues that start together, as on the server
        if cue["still"] and (newest_with_still is None or cue["start"] >= newest_with_still["start"]):
            newest_with_still = cue
    return {
        "active": {cue["slug"] for cue in active},
        "stage": newest_with_still["slug"] if newest_with_still else None,
        "performers": {slug for cue in active for slug in cue["performers"]},
    }


def assert_page_follows(snapshot, *, margin=0.05):
    """The snapshot's highlight, stage and players are what its audio time calls for."""
    time = snapshot["time"]
    cues = snapshot["cues"]
    # While playing, the page shows the last frame's time: too near a boundary, the check would race it.
    near = [edge for cue in cues for edge in (cue["start"], cue["end"]) if abs(edge - time) < margin]
    assert snapshot["paused"] or not near, f"snapshot at {time:.3f}s is too close to a cue boundary {near} to judge"
    expected = expected_at(cues, time)
    marked = {cue["slug"] for cue in cues if cue["current"] is not None}
    assert all(cue["current"] == "true" for cue in cues if cue["current"] is not None)
    assert marked == expected["active"], f"at {time:.3f}s aria-current is on {marked}, expected {expected['active']}"
    if expected["stage"]:
        assert snapshot["stage"] == expected["stage"], f"at {time:.3f}s the stage shows {snapshot['stage']}"
    assert set(snapshot["performers"]) == expected["performers"], f"at {time:.3f}s players {snapshot['performers']}"


def open_track(page, url, path=TRACK):
    response = page.goto(url + path)
    assert response.status == 200
    page.wait_for_function(f"{AUDIO}.readyState >= 1 && window.listeningPlayer")


def wait_playing_past(page, seconds, timeout=8000):
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime >= {seconds}", timeout=timeout)


def current_time(page):
    return page.evaluate(f"{AUDIO}.currentTime")


def assert_advancing(page, by=0.3):
    start = current_time(page)
    page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime > {start + by}", timeout=5000)


def wait_in_view(page, slug, timeout=3000):
    """Wait until the cue's top shows between the sticky header and transport above and the dock below."""
    page.wait_for_function(
        """(slug) => {
            const box = document.getElementById('cue-' + slug).getBoundingClientRect();
            const transport = document.querySelector('[data-transport]');
            const top = Math.max(
                document.querySelector('.site-header').getBoundingClientRect().bottom,
                transport && !transport.hidden ? transport.getBoundingClientRect().bottom : 0,
            );
            const bottom = document.querySelector('[data-dock]').getBoundingClientRect().top;
            return box.top >= top - 1 && box.top < bottom - 40;
        }""",
        arg=slug,
        timeout=timeout,
    )


# Records the audio's time the first time it starts playing, before any page script runs.
RECORD_FIRST_PLAY = """
document.addEventListener('playing', (event) => {
  if (event.target.matches && event.target.matches('audio[data-player]') && window.__firstPlaying === undefined) {
    window.__firstPlaying = event.target.currentTime;
  }
}, true);
"""


# ---------------------------------------------------------------------------------------------
# 1. The highlight follows playback


def test_highlight_stage_and_players_follow_playback_across_boundaries(page, demo_server):
    open_track(page, demo_server)
    page.evaluate("""() => {
        window.__changes = [];
        document.addEventListener('player:cuechange', (event) => window.__changes.push(event.detail));
    }""")
    cues = cues_on(page)
    boundaries = sorted({edge for cue in cues for edge in (cue["start"], cue["end"]) if edge > 1.5})
    assert len(boundaries) >= 3
    for boundary in boundaries[:3]:
        page.evaluate("window.__changes = []")
        # 1.1 s before: `timeupdate` (every 250 ms from the seek) would come 150 ms after the boundary.
        page.evaluate(f"window.listeningPlayer.seekTo({boundary - 1.1}, {{andPlay: true}})")
        page.wait_for_function(f"!{AUDIO}.paused && {AUDIO}.currentTime > {boundary - 1.05}", timeout=5000)
        assert_page_follows(page.evaluate(SNAPSHOT))
        wait_playing_past(page, boundary + 0.25)
        after = page.evaluate(SNAPSHOT)
        assert after["time"] < boundary + 1, "the check came too late to be about this boundary"
        assert_page_follows(after)
        # The switch follows the audio clock: announced at the boundary, not a timeupdate later.
        changes = page.evaluate("window.__changes")
        crossing = [change for change in changes if change["time"] >= boundary - 0.001]
        assert crossing, f"no player:cuechange at {boundary}s: {changes}"
        assert crossing[0]["time"] - boundary < 0.075, f"the highlight lagged: {crossing[0]}"
        expected = expected_at(cues, boundary + 0.01)
        assert set(crossing[0]["active"]) == expected["active"]
        assert crossing[0]["current"] in expected["active"]
    page.evaluate(f"{AUDIO}.pause()")


# ---------------------------------------------------------------------------------------------
# 2. Clicking a cue plays it


@pytest.mark.parametrize("where", ["a.cue-time", ".cue-title"])
def test_clicking_a_cue_seeks_to_its_start_and_plays(page, demo_server, where):
    open_track(page, demo_server)
    cues = cues_on(page)
    target = next(cue for cue in cues[2:] if cue["start"] > 5)
    assert page.evaluate(f"{AUDIO}.paused")
    url_before = page.url
    page.click(f"#cue-{target['slug']} {where}")
    wait_playing_past(page, target["start"])
    assert target["start"] <= current_time(page) < target["start"] + 1.5
    assert page.url == url_before, "the click played the cue in place rather than following the link"
    assert page.get_attribute(f"#cue-{target['slug']}", "aria-current") == "true"
    assert_advancing(page)
    page.evaluate(f"{AUDIO}.pause()")


# ---------------------------------------------------------------------------------------------
# 3. Deep links


def test_query_time_starts_playback_there(page, demo_server):
    page.add_init_script(RECORD_FIRST_PLAY)
    page.goto(demo_server + TRACK + "?t=83")
    page.wait_for_function("window.__firstPlaying !== undefined", timeout=8000)
    assert abs(page.evaluate("window.__firstPlaying") - 83) < 0.3
    wait_playing_past(page, 83)
    assert 83 <= current_time(page) < 84
    snapshot = page.evaluate(SNAPSHOT)
    assert_page_follows(snapshot)
    # The page opens at its top; the moment's cue, far down the list, is brought into view.
    active = [cue for cue in snapshot["cues"] if cue["current"] == "true"]
    wait_in_view(page, max(reversed(active), key=lambda cue: cue["start"])["slug"])
    page.evaluate(f"{AUDIO}.pause()")


def test_fragment_range_reloads_as_query_and_pauses_at_its_end(page, demo_server):
    page.add_init_script(RECORD_FIRST_PLAY)
    page.goto(demo_server + TRACK + "#t=1:23,1:30")
    page.wait_for_url(re.compile(r"\?t="))
    assert parse_qs(urlsplit(page.url).query)["t"] == ["1:23,1:30"]
    assert not urlsplit(page.url).fragment
    page.wait_for_function("window.__firstPlaying !== undefined", timeout=8000)
    assert abs(page.evaluate("window.__firstPlaying") - 83) < 0.3
    # Skip most of the range (a seek inside it keeps the range), then watch it stop at 1:30.
    page.evaluate("window.listeningPlayer.seekTo(88.8)")
    page.wait_for_function(f"{AUDIO}.paused && {AUDIO}.currentTime > 89", timeout=6000)
    assert 89.9 <= current_time(page) <= 90.3
    page.wait_for_timeout(300)
    assert page.evaluate(f"{AUDIO}.paused"), "the range end must leave the audio paused"


def test_range_with_loop_goes_back_to_its_start(page, demo_server):
    page.goto(demo_server + TRACK + "?t=1:23,1:30&loop=1")
    wait_playing_past(page, 83)
    assert current_time(page) < 84
    assert page.get_attribute("[data-action=loop]", "aria-pressed") == "true"
    page.evaluate("window.listeningPlayer.seekTo(88.8)")
    page.wait_for_function(
        f"""() => {{
            const audio = {AUDIO};
            window.__passedEnd ||= audio.currentTime > 89.5;
            return window.__passedEnd && audio.currentTime < 85;
        }}""",
        timeout=6000,
    )
    assert 82.95 <= current_time(page) < 85
    assert_advancing(page)
    page.evaluate(f"{AUDIO}.pause()")


@pytest.mark.parametrize("bad", ["abc", "9999", "-5", "1:99"])
def test_bad_time_renders_and_starts_at_zero(page, demo_server, bad):
    response = page.goto(demo_server + TRACK + "?t=" + bad)
    assert response.status == 200
    page.wait_for_function(f"{AUDIO}.readyState >= 1 && window.listeningPlayer")
    page.wait_for_timeout(300)
    assert page.evaluate(f"{AUDIO}.paused")
    assert current_time(page) == 0
    assert page.get_attribute("[data-track]", "data-start-at") is None
    assert_page_follows(page.evaluate(SNAPSHOT))


# ---------------------------------------------------------------------------------------------
# 4. A cue's permalink page


def test_cue_permalink_plays_its_range_and_has_link_previews(page, demo_server):
    open_track(page, demo_server)
    cues = cues_on(page)
    # The last such cue: far down the page, so that bringing it into view is not a given.
    cue = [cue for cue in cues if cue["start"] > 0 and cue["still"] and cue["end"] - cue["start"] > 3][-1]
    permalink = demo_server + TRACK + f"cues/{cue['slug']}/"
    page.add_init_script(RECORD_FIRST_PLAY)
    response = page.goto(permalink)
    assert response.status == 200
    page.wait_for_function("window.__firstPlaying !== undefined", timeout=8000)
    assert abs(page.evaluate("window.__firstPlaying") - cue["start"]) < 0.3
    assert page.get_attribute(f"#cue-{cue['slug']}", "aria-current") == "true"
    wait_in_view(page, cue["slug"])
    # The note's link to the cue lands it below the sticky transport, not under it.
    page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")
    page.click(f".permalink-note a[href='#cue-{cue['slug']}']")
    wait_in_view(page, cue["slug"], timeout=1000)
    # Jump to just before the cue's end and watch the range stop there.
    page.evaluate(f"window.listeningPlayer.seekTo({cue['end'] - 1})")
    page.wait_for_function(f"{AUDIO}.paused && {AUDIO}.currentTime > {cue['end'] - 0.9}", timeout=6000)
    assert cue["end"] - 0.1 <= current_time(page) <= cue["end"] + 0.3

    def meta(selector):
        locator = page.locator(selector)
        assert locator.count() == 1, f"expected one {selector}"
        return locator.get_attribute("content") or locator.get_attribute("href")

    assert meta("link[rel=canonical]") == permalink
    assert meta("meta[property='og:url']") == permalink
    assert cue_title_in(meta("meta[property='og:title']"), page, cue)
    assert len(meta("meta[property='og:description']")) > 20
    assert meta("meta[name='twitter:card']") in ("summary", "summary_large_image")
    image = meta("meta[property='og:image']")
    assert image.startswith(demo_server + "/"), f"og:image must be absolute: {image}"
    fetched = page.request.get(image)
    assert fetched.status == 200
    assert fetched.headers["content-type"].startswith("image/")


def cue_title_in(og_title, page, cue):
    return page.get_attribute(f"#cue-{cue['slug']}", "data-title") in og_title


# ---------------------------------------------------------------------------------------------
# 5. Boosted navigation keeps the player


def test_playback_survives_boosted_navigation_and_back(page, demo_server):
    open_track(page, demo_server)
    cues = cues_on(page)
    title = page.get_attribute("[data-track]", "data-title")
    boundary = min(edge for cue in cues for edge in (cue["start"], cue["end"]) if edge > 3)
    page.evaluate(f"{AUDIO}.__identity = 'the one player'")
    page.evaluate(f"window.listeningPlayer.seekTo({boundary - 1.5}, {{andPlay: true}})")
    wait_playing_past(page, boundary - 1.5)

    page.click(f"[data-performer] a[href='{PERSON}']")
    page.wait_for_url("**" + PERSON)
    assert page.locator("[data-track]").count() == 0, "the person page replaced the track page"
    assert page.evaluate(f"{AUDIO}.__identity") == "the one player", "the audio element was replaced"
    assert page.locator("audio[data-player]").count() == 1
    assert_advancing(page)
    dock = page.locator("[data-dock]")
    assert dock.is_visible()
    assert page.locator("[data-dock-link]").inner_text().strip() == title
    href = page.get_attribute("[data-dock-link]", "href")
    match = re.fullmatch(re.escape(TRACK) + r"\?t=(\d+(?:\.\d)?)", href)
    assert match, href
    assert abs(float(match.group(1)) - current_time(page)) < 1

    # Play on past the boundary while reading elsewhere: the track page must catch up on return.
    wait_playing_past(page, boundary + 0.3)
    page.go_back()
    page.wait_for_url("**" + TRACK)
    page.wait_for_selector("[data-track]")
    assert page.evaluate(f"{AUDIO}.__identity") == "the one player"
    assert_advancing(page)
    page.wait_for_function(f"{AUDIO}.currentTime > {boundary + 0.5}")
    assert_page_follows(page.evaluate(SNAPSHOT))
    page.evaluate(f"{AUDIO}.pause()")


def test_a_cue_link_on_a_person_page_opens_the_track_playing_there(page, demo_server):
    page.goto(demo_server + PERSON)
    assert page.locator("[data-dock]").is_hidden(), "nothing is loaded in the player yet"
    link = page.locator(f"main a[href^='{TRACK}?t=']").first
    href = link.get_attribute("href")
    start = float(parse_qs(urlsplit(href).query)["t"][0])
    slug = urlsplit(href).fragment.removeprefix("cue-")
    link.click()
    page.wait_for_url("**" + href)
    wait_playing_past(page, start)
    assert current_time(page) < start + 1.5
    assert page.get_attribute(f"#cue-{slug}", "aria-current") == "true"
    # The cue comes into view (a smooth scroll, unless the reader prefers reduced motion).
    page.wait_for_function(
        f"""() => {{
            const box = document.querySelector('#cue-{slug}').getBoundingClientRect();
            return box.top >= 0 && box.top < innerHeight - 100;
        }}""",
        timeout=3000,
    )
    assert page.locator("[data-dock]").is_visible()
    assert page.locator("[data-dock-link]").inner_text().strip() == page.get_attribute("[data-track]", "data-title")
    page.evaluate(f"{AUDIO}.pause()")


def test_back_to_the_track_after_pausing_elsewhere_shows_the_paused_moment(page, demo_server):
    open_track(page, demo_server)
    cues = cues_on(page)
    boundary = min(edge for cue in cues for edge in (cue["start"], cue["end"]) if edge > 3)
    page.evaluate(f"window.listeningPlayer.seekTo({boundary - 1}, {{andPlay: true}})")
    wait_playing_past(page, boundary - 1)
    page.click(f"[data-performer] a[href='{PERSON}']")
    page.wait_for_url("**" + PERSON)
    wait_playing_past(page, boundary + 0.3)
    page.click("[data-dock-toggle]")
    # `paused` turns true at once; the button follows on the `pause` event, a task later.
    page.wait_for_function("document.querySelector('[data-dock-toggle]').getAttribute('aria-label') === 'Play'")
    assert page.evaluate(f"{AUDIO}.paused")
    # History restores the page as it was left (before the boundary); the player must bring it up to date.
    page.go_back()
    page.wait_for_url("**" + TRACK)
    page.wait_for_selector("[data-track]")
    page.wait_for_timeout(200)
    snapshot = page.evaluate(SNAPSHOT)
    assert snapshot["paused"] and snapshot["time"] > boundary
    assert_page_follows(snapshot)
    assert page.get_attribute("[data-transport] [data-action=toggle]", "aria-label") == "Play"


def test_another_tracks_page_waits_for_its_play_button(page, demo_server):
    open_track(page, demo_server)
    first_src = page.evaluate(f"{AUDIO}.src")
    page.evaluate(f"{AUDIO}.__identity = 'the one player'")
    page.evaluate("window.listeningPlayer.seekTo(10, {andPlay: true})")
    wait_playing_past(page, 10)

    page.click(f".eyebrow a[href='{STORY}']")
    page.wait_for_url("**" + STORY)
    page.click(f"main a[href='{OTHER_TRACK}']")
    page.wait_for_url("**" + OTHER_TRACK)
    page.wait_for_selector(f"[data-track][data-track-url='{OTHER_TRACK}']")
    other_title = page.get_attribute("[data-track]", "data-title")
    assert page.evaluate(f"{AUDIO}.__identity") == "the one player"
    assert page.evaluate(f"{AUDIO}.src") == first_src, "opening a page must not switch the track"
    assert_advancing(page)
    notice = page.locator("[data-other-track]")
    assert notice.is_visible()
    assert "Press play" in notice.inner_text()
    play = page.locator("[data-transport] [data-action=toggle]")
    assert play.get_attribute("aria-label") == f"Play {other_title}"
    # This page's cues do not follow the other track's clock: they stay as served, at this track's 0:00.
    assert "is-other-track" in page.get_attribute("[data-track]", "class")
    snapshot = page.evaluate(SNAPSHOT)
    assert_page_follows({**snapshot, "time": 0, "paused": True})

    # Shortcuts on this page do not move the other track.
    page.evaluate("document.activeElement && document.activeElement.blur()")
    before = current_time(page)
    for key in ["ArrowRight", "]", "ArrowLeft", "["]:
        page.keyboard.press(key)
    assert page.evaluate(f"{AUDIO}.src") == first_src
    assert before <= current_time(page) < before + 1
    assert not page.evaluate(f"{AUDIO}.paused")

    new_src = page.evaluate("new URL(document.querySelector('[data-track]').dataset.audioSrc, location.href).href")
    assert new_src != first_src
    play.click()
    page.wait_for_function(f"{AUDIO}.src.split('#')[0] === {new_src!r}")
    wait_playing_past(page, 0.2)
    assert current_time(page) < 3, "the new track starts from its beginning"
    assert page.evaluate(f"{AUDIO}.__identity") == "the one player"
    assert not notice.is_visible()
    assert play.get_attribute("aria-label") == "Pause"
    assert page.locator("[data-dock-link]").inner_text().strip() == other_title
    page.wait_for_function(
        f"document.querySelector('[data-dock-link]').getAttribute('href').startsWith({OTHER_TRACK!r})"
    )
    assert_page_follows(page.evaluate(SNAPSHOT))
    page.evaluate(f"{AUDIO}.pause()")


def test_the_dock_button_pauses_the_playing_track_on_another_tracks_page(page, demo_server):
    open_track(page, demo_server)
    first_src = page.evaluate(f"{AUDIO}.src")
    page.evaluate("window.listeningPlayer.seekTo(10, {andPlay: true})")
    wait_playing_past(page, 10)
    page.click(f".eyebrow a[href='{STORY}']")
    page.wait_for_url("**" + STORY)
    page.click(f"main a[href='{OTHER_TRACK}']")
    page.wait_for_selector(f"[data-track][data-track-url='{OTHER_TRACK}']")
    notice = page.locator("[data-other-track]")
    assert notice.is_visible()

    # The dock shows what plays and its button says "Pause": it pauses that, and switches nothing.
    dock_button = page.locator("[data-dock-toggle]")
    assert dock_button.get_attribute("aria-label") == "Pause"
    dock_button.click()
    page.wait_for_function(f"{AUDIO}.paused")
    assert page.evaluate(f"{AUDIO}.src") == first_src
    page.wait_for_function("document.querySelector('[data-dock-toggle]').getAttribute('aria-label') === 'Play'")
    assert not notice.is_visible(), "the notice speaks of a track playing now"
    paused_at = current_time(page)
    dock_button.click()
    wait_playing_past(page, paused_at + 0.2)
    assert page.evaluate(f"{AUDIO}.src") == first_src
    assert notice.is_visible()
    page.evaluate(f"{AUDIO}.pause()")


# ---------------------------------------------------------------------------------------------
# 6. Keyboard shortcuts


def press(page, key):
    page.keyboard.press(key)
    page.wait_for_timeout(50)


def test_keyboard_shortcuts(page, demo_server):
    open_track(page, demo_server)
    starts = sorted({cue["start"] for cue in cues_on(page)})
    assert len(starts) >= 3 and starts[0] == 0
    page.evaluate("document.activeElement && document.activeElement.blur()")

    def at(seconds):
        page.wait_for_function(f"Math.abs({AUDIO}.currentTime - {seconds}) < 0.02", timeout=3000)

    press(page, "]")
    at(starts[1])
    press(page, "L")
    at(starts[2])
    press(page, "[")
    at(starts[1])
    press(page, "J")
    at(starts[0])
    press(page, "ArrowRight")
    at(5)
    press(page, "ArrowRight")
    at(10)
    press(page, "ArrowLeft")
    at(5)
    assert page.evaluate(f"{AUDIO}.paused"), "seeking by keyboard does not start playback"

    press(page, "Space")
    page.wait_for_function(f"!{AUDIO}.paused")
    press(page, "k")
    page.wait_for_function(f"{AUDIO}.paused")
    press(page, "K")
    page.wait_for_function(f"!{AUDIO}.paused")
    press(page, " ")
    page.wait_for_function(f"{AUDIO}.paused")

    # Typing in a text field is typing, not transport control.
    page.evaluate(f"{AUDIO}.currentTime = 5")
    at(5)
    page.evaluate("""() => {
        const input = document.createElement('input');
        input.type = 'text';
        input.id = 'probe';
        input.setAttribute('aria-label', 'probe');
        document.querySelector('main').prepend(input);
    }""")
    page.focus("#probe")
    for key in ["Space", "k", "K", "]", "[", "j", "l", "ArrowRight", "ArrowLeft"]:
        press(page, key)
    assert page.input_value("#probe") == " kK][jl"
    assert page.evaluate(f"{AUDIO}.paused")
    assert abs(current_time(page) - 5) < 0.01

    # The copy fallback field, too.
    page.evaluate("document.querySelector('[data-copy-fallback]').hidden = false")
    page.focus("[data-copy-field]")
    for key in ["Space", "k", "ArrowRight", "]", "l"]:
        press(page, key)
    assert page.evaluate(f"{AUDIO}.paused")
    assert abs(current_time(page) - 5) < 0.01


# ---------------------------------------------------------------------------------------------
# 7. Without JavaScript


def test_track_page_reads_and_plays_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        response = page.goto(demo_server + TRACK + "?t=83")
        assert response.status == 200
        assert page.evaluate("1 + 1") == 2  # Playwright's own evaluate still works with page scripts off
        assert page.evaluate("document.documentElement.classList.contains('no-js')")
        cues = page.locator("[data-cue][data-start]")
        assert cues.count() == 7
        for index in range(cues.count()):
            times = cues.nth(index).locator(".cue-time time").all_inner_texts()
            assert len(times) == 2 and all(re.fullmatch(r"\d+:\d\d", text) for text in times), times
            assert cues.nth(index).locator(".cue-title").inner_text().strip()
        audio = page.locator("audio[data-player][controls]")
        assert audio.count() == 1
        assert audio.is_visible(), "without scripts the browser's own controls play the track"
        src = audio.get_attribute("src")
        assert src and src.endswith("#t=83")
        media = demo_server + src.split("#")[0]
        whole = page.request.get(media)
        assert whole.status == 200
        assert whole.headers["content-type"] == "audio/mpeg"
        part = page.request.get(media, headers={"Range": "bytes=1000-1999"})
        assert part.status == 206
        assert part.headers["content-range"].startswith("bytes 1000-1999/")
        assert part.body() == whole.body()[1000:2000]
        # The server marked the moment: the page reads right before (and without) any script.
        snapshot = page.evaluate(SNAPSHOT.replace("audio.currentTime", "83").replace("audio.paused", "true"))
        assert snapshot["stage"] is not None
        assert_page_follows(snapshot)
        # Controls that need scripts stay out of the way; the browser's player is the player.
        assert page.locator("[data-transport]").is_hidden()
        assert page.locator("[data-dock-toggle]").is_hidden(), "a play button that cannot work is shown"
        assert page.locator("[data-copy-cue]").first.is_hidden()
        # On a phone the dock wraps to two rows; it must not cover the end of the page.
        page.set_viewport_size({"width": 360, "height": 780})
        page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
        footer = page.locator(".site-footer p").last.bounding_box()
        dock = page.locator("[data-dock]").bounding_box()
        assert footer["y"] + footer["height"] <= dock["y"], "the dock hides the end of the page"
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------
# 8. Copy link


def test_copy_link_puts_the_permalink_on_the_clipboard(context, page, demo_server):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_server)
    open_track(page, demo_server)
    slug = cues_on(page)[3]["slug"]
    button = page.locator(f"#cue-{slug} [data-copy-cue]")
    assert button.is_visible()
    button.click()
    expected = demo_server + TRACK + f"cues/{slug}/"
    page.wait_for_function(
        "async (expected) => (await navigator.clipboard.readText()) === expected", arg=expected, timeout=3000
    )
    page.wait_for_selector(".toast.is-visible")
    assert page.locator("[data-copy-fallback]").is_hidden()
    assert page.evaluate(f"{AUDIO}.paused"), "copying a cue's link does not play it"

    # The transport's links: this moment, and the cue sounding now (the newest of the active ones).
    cues = cues_on(page)
    moment = sorted({cue["start"] for cue in cues})[2] + 0.5
    page.evaluate(f"window.listeningPlayer.seekTo({moment})")
    page.click("[data-action=link-moment]")
    page.wait_for_function(
        "async (expected) => (await navigator.clipboard.readText()) === expected",
        arg=f"{demo_server}{TRACK}?t={moment:g}",
        timeout=3000,
    )
    active = [cue for cue in cues if cue["start"] <= moment < cue["end"]]
    newest = max(reversed(active), key=lambda cue: cue["start"])  # the later in the page wins a tie
    page.click("[data-action=link-cue]")
    page.wait_for_function(
        "async (expected) => (await navigator.clipboard.readText()) === expected",
        arg=f"{demo_server}{TRACK}cues/{newest['slug']}/",
        timeout=3000,
    )


def test_copy_link_falls_back_to_a_selected_field(page, demo_server):
    open_track(page, demo_server)
    page.evaluate("""() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('Denied.', 'NotAllowedError'));
    }""")
    slug = cues_on(page)[2]["slug"]
    page.click(f"#cue-{slug} [data-copy-cue]")
    field = page.locator("[data-copy-field]")
    field.wait_for(state="visible")
    expected = demo_server + TRACK + f"cues/{slug}/"
    assert field.input_value() == expected
    selection = page.evaluate("""() => {
        const field = document.querySelector('[data-copy-field]');
        return {focused: document.activeElement === field, start: field.selectionStart, end: field.selectionEnd};
    }""")
    assert selection == {"focused": True, "start": 0, "end": len(expected)}


# ---------------------------------------------------------------------------------------------
# 9. Screenshots


SCROLL_SETTLED = """() => new Promise((resolve) => {
    let last = -1, still = 0;
    const check = () => {
        if (scrollY === last) still += 1;
        else [last, still] = [scrollY, 0];
        if (still > 5) resolve(); else requestAnimationFrame(check);
    };
    check();
})"""


def test_track_page_playing_looks_right_wide_and_on_a_phone(page, demo_server, screenshot):
    for width, height in [(1280, 900), (360, 780)]:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(demo_server + TRACK + "?t=83")
        wait_playing_past(page, 83.3)
        active = [cue for cue in cues_on(page) if cue["current"] == "true"]
        wait_in_view(page, max(reversed(active), key=lambda cue: cue["start"])["slug"])
        page.evaluate("document.fonts.ready")
        page.evaluate(SCROLL_SETTLED)
        screenshot(f"player-{width}")
        layout = page.evaluate("""() => {
            const dock = document.querySelector('[data-dock]').getBoundingClientRect();
            window.scrollTo({top: document.scrollingElement.scrollHeight, behavior: 'instant'});
            const footer = document.querySelector('.site-footer p:last-child').getBoundingClientRect();
            return {overflow: document.scrollingElement.scrollWidth - window.innerWidth, dockTop: dock.top,
                    footerBottom: footer.bottom};
        }""")
        assert layout["overflow"] <= 0, f"the page scrolls sideways at {width} px"
        assert layout["footerBottom"] <= layout["dockTop"], f"the dock hides the end of the page at {width} px"
        page.evaluate(SCROLL_SETTLED)
        screenshot(f"player-{width}-end")
    page.evaluate(f"{AUDIO}.pause()")
