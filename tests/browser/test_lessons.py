"""A lesson in a real browser: a step plays its range and stops, a guess pauses, takes an answer, reveals its cue."""

import io

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from listening.core.timecode import parse_time
from listening.demo.album import load_album
from tests.browser.test_accessibility import serious_violations

pytestmark = pytest.mark.browser

LESSON = "/ascenseur-pour-lechafaud/who-comes-in-when/"
AUDIO = "document.querySelector('audio[data-player]')"


def start_step(page, number):
    """Press a step's Listen link, and press play if the browser held the start back."""
    page.locator(f"#step-{number} [data-listen]").click()
    page.wait_for_function(f"document.querySelector('#step-{number}[data-playing] [data-lesson-player]') !== null")
    page.wait_for_function(f"{AUDIO}.readyState >= 1 && {AUDIO}.getAttribute('src')", timeout=8000)
    if page.evaluate(f"{AUDIO}.paused"):
        page.locator(f"#step-{number} [data-action=toggle]").click()
    page.wait_for_function(f"!{AUDIO}.paused", timeout=8000)


def test_a_lessons_first_listening_step_plays_its_range_and_stops_at_its_end(page, demo_server):
    page.goto(demo_server + LESSON, wait_until="networkidle")
    assert page.locator("#step-2 .step-kind").text_content() == "Listen"  # step 1 is a reading
    start_step(page, 2)
    assert "/generique/" not in page.url and "step=2" in page.url  # the lesson stays on screen
    assert "generique" in page.evaluate(f"{AUDIO}.getAttribute('src')")
    assert page.evaluate(f"{AUDIO}.currentTime") < 3  # the range starts at 0:00
    # The answer waits for the range to be heard.
    assert page.locator("#step-2 [data-answer]").is_hidden()
    # Skip to just before the range's end (0:52): the player stops there by itself.
    page.evaluate(f"{AUDIO}.currentTime = 50")
    page.wait_for_function(f"{AUDIO}.paused", timeout=8000)
    assert 51.6 <= page.evaluate(f"{AUDIO}.currentTime") <= 52.4
    assert page.locator("#step-2[data-done]").count() == 1
    assert page.locator("#step-2 [data-answer]").is_visible()


def test_a_guess_pauses_at_its_cue_takes_an_answer_and_reveals_the_cue(page, demo_server, screenshot):
    page.goto(demo_server + LESSON, wait_until="networkidle")
    page.evaluate("localStorage.clear()")
    page.reload(wait_until="networkidle")
    guess = page.locator("#step-3")
    assert guess.locator("[data-guess-choices]").is_hidden()
    assert guess.locator("[data-reveal]").is_hidden()
    start_step(page, 3)
    page.evaluate(f"{AUDIO}.currentTime = 13.5")
    page.wait_for_function(f"{AUDIO}.paused", timeout=8000)
    # Stopped at the boundary: the piano's entry at 0:16.
    assert 15.6 <= page.evaluate(f"{AUDIO}.currentTime") <= 16.4
    assert guess.locator("[data-guess-choices]").is_visible()
    assert "The music stopped" in guess.locator("[data-verdict]").inner_text()
    assert guess.locator("[data-reveal]").is_hidden()
    guess.get_by_label("René Urtreger").check()
    guess.locator("[data-guess-check]").click()
    assert guess.locator("[data-verdict]").inner_text() == "Right: René Urtreger."
    # Checked in the page: no request, so the player still rests at the boundary.
    assert page.evaluate(f"{AUDIO}.paused") and 15.6 <= page.evaluate(f"{AUDIO}.currentTime") <= 16.4
    reveal = guess.locator("[data-reveal]")
    assert reveal.is_visible() and reveal.get_attribute("open") is not None
    assert "The piano comes in" in reveal.inner_text()
    assert guess.locator(".guess-choice.is-right").inner_text().startswith("René Urtreger")
    page.locator("#step-3").scroll_into_view_if_needed()
    screenshot("lesson-guess-revealed")
    found = serious_violations(page)
    assert not found, f"axe on a revealed guess:\n{found}"
    # Progress stays in this browser: a fresh visit shows the answer given.
    page.goto(demo_server + LESSON, wait_until="networkidle")
    assert page.locator("#step-3[data-done]").count() == 1
    assert page.locator("#step-3 [data-verdict]").inner_text() == "Right: René Urtreger."
    assert page.locator("#step-3 [data-reveal]").is_visible()


def test_a_wrong_guess_is_marked_and_start_again_forgets_everything(page, demo_server):
    page.goto(demo_server + LESSON, wait_until="networkidle")
    page.evaluate("localStorage.clear()")
    page.reload(wait_until="networkidle")
    guess = page.locator("#step-5")  # Sur l'autoroute: the tenor joins
    guess.locator("[data-guess-now]").click()
    guess.locator("[data-guess-check]").click()
    assert guess.locator("[data-verdict]").inner_text() == "Choose an answer first."
    guess.get_by_label("Kenny Clarke").check()
    guess.locator("[data-guess-check]").click()
    assert guess.locator("[data-verdict]").inner_text() == "Not this time: Barney Wilen."
    assert guess.locator(".guess-choice.is-wrong").inner_text().startswith("Kenny Clarke")
    assert "The tenor joins" in guess.locator("[data-reveal]").inner_text()
    page.reload(wait_until="networkidle")
    assert guess.locator("[data-verdict]").inner_text() == "Not this time: Barney Wilen."  # kept
    reset = page.locator(".lesson-head [data-reset]")
    assert "kept in this browser" in page.locator(".lesson-head [data-progress]").inner_text()
    reset.click()
    assert guess.locator("[data-reveal]").is_hidden() and guess.locator("[data-verdict]").inner_text() == ""
    assert guess.get_by_label("Kenny Clarke").is_enabled() and not guess.get_by_label("Kenny Clarke").is_checked()
    assert reset.is_hidden()
    page.reload(wait_until="networkidle")
    assert guess.locator("[data-reveal]").is_hidden()


def test_without_scripts_every_step_reads_in_full_with_links_to_its_range(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(demo_server + LESSON)
        assert page.locator("[data-step]").count() == 8
        assert page.locator("#step-3 [data-guess-choices]").is_visible()  # the question, always there
        page.locator("#step-3 [data-reveal] summary").click()  # and the answer, folded
        assert "The piano comes in" in page.locator("#step-3 [data-reveal]").inner_text()
        link = page.locator("#step-2 .step-open")
        assert link.get_attribute("href").endswith("/generique/?t=0%2C52")
        link.click()
        page.wait_for_url("**/generique/?t=0%2C52")
        assert page.locator("[data-cue][aria-current=true]").count() >= 1
    finally:
        context.close()


def test_the_printed_lesson_holds_its_steps_and_codes_that_open_each_range(page, demo_server):
    lesson = next(lesson for lesson in load_album().lessons if lesson.slug == "who-comes-in-when")
    page.goto(demo_server + LESSON + "print/")
    pdf = page.pdf(format="A4", print_background=False)
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    for step in lesson.steps:
        assert " ".join((step.heading or step.prompt).split()) in text, step
    assert "René Urtreger" in text  # a guess's choices, to circle
    assert "The piano comes in" not in text  # and not its answer
    decoded = set()
    document = pypdfium2.PdfDocument(pdf)
    for index in range(len(document)):
        bitmap = document[index].render(scale=200 / 72).to_pil()
        decoded |= {barcode.text for barcode in zxingcpp.read_barcodes(bitmap)}
    seconds = lambda time: parse_time(time) // 1000  # noqa: E731 - the data's times are whole seconds
    track_url = f"{demo_server}/ascenseur-pour-lechafaud/{{}}/?t={{}}%2C{{}}"
    ranges = {
        track_url.format(step.track, seconds(step.start), seconds(step.end))
        for step in lesson.steps
        if step.kind == "listening"
    }
    assert ranges <= decoded
    assert any("/generique/cues/trumpet-enters/" in code for code in decoded)  # the cues heard in a range
