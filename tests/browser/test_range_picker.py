"""The lesson editor's range picker: a listening step's range picked by dragging on its track's chart."""

import re
from urllib.parse import urljoin

import pytest

from listening.core.timecode import parse_time
from tests.browser.test_stamping import log_in

pytestmark = pytest.mark.browser

LESSON = "/ascenseur-pour-lechafaud/who-comes-in-when/"
STEP = ".listening-step-block"


def field(step, name):
    return step.locator(f'[data-contentpath="{name}"] input').first


def open_lesson_editor(page, base):
    page.goto(base + LESSON)
    edit = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first
    page.goto(urljoin(base + "/", edit.get_attribute("href")))
    page.wait_for_load_state("networkidle")  # Wagtail's controllers are connected


def test_dragging_on_the_chart_fills_the_steps_range_and_a_draft_keeps_it(page, demo_server, screenshot):
    page.set_viewport_size({"width": 1440, "height": 1000})
    log_in(page, demo_server)
    open_lesson_editor(page, demo_server)
    edit_url = page.url
    step = page.locator(STEP).first
    typed = (field(step, "start").input_value(), field(step, "end").input_value())

    step.get_by_role("button", name="Pick the range on the chart").click()
    chart = step.locator(".range-picker [data-chart]")
    chart.wait_for()
    # The recording is there to listen to, and the range already typed is drawn.
    assert step.locator(".range-picker audio").get_attribute("src")
    duration = float(chart.get_attribute("data-duration"))
    selection = chart.locator("[data-chart-selection]")
    assert selection.is_visible()
    left = float(re.search(r"left: ([\d.]+)%", selection.get_attribute("style"))[1])
    assert left == pytest.approx(100 * parse_time(typed[0]) / 1000 / duration, abs=0.5)

    # Drag across the waveform from a quarter to a half of the track.
    plot = chart.locator(".chart-row--wave .chart-plot").bounding_box()
    y = plot["y"] + plot["height"] / 2
    page.mouse.move(plot["x"] + plot["width"] * 0.25, y)
    page.mouse.down()
    page.mouse.move(plot["x"] + plot["width"] * 0.4, y, steps=5)
    page.mouse.move(plot["x"] + plot["width"] * 0.5, y, steps=5)
    page.mouse.up()

    start, end = field(step, "start").input_value(), field(step, "end").input_value()
    assert (start, end) != typed
    assert re.fullmatch(r"\d+:\d\d\.\d", start) and re.fullmatch(r"\d+:\d\d\.\d", end)  # the shared format
    assert parse_time(start) / 1000 == pytest.approx(duration * 0.25, abs=duration * 0.01)
    assert parse_time(end) / 1000 == pytest.approx(duration * 0.5, abs=duration * 0.01)
    assert step.locator(".range-picker-status").inner_text() == f"Range set: {start} to {end}."
    step.locator(".range-picker").scroll_into_view_if_needed()
    screenshot("range-picker-1440")

    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")
    assert "could not be" not in page.locator(".messages").inner_text()
    # The lesson's latest revision, as the editor opens it again, holds the picked range.
    page.goto(edit_url)
    page.wait_for_load_state("networkidle")
    step = page.locator(STEP).first
    assert (field(step, "start").input_value(), field(step, "end").input_value()) == (start, end)


def test_a_step_added_after_the_page_loaded_gets_a_picker_and_a_guess_step_one_for_its_start(page, demo_server):
    log_in(page, demo_server)
    open_lesson_editor(page, demo_server)
    pickers = page.get_by_role("button", name="Pick the range on the chart")
    before = pickers.count()
    assert before == page.locator(STEP).count() >= 1
    guess = page.locator(".guess-step-block").first
    assert guess.get_by_role("button", name="Pick where to start on the chart").count() == 1

    page.locator("[data-contentpath='steps'] button[title='Insert a block']").last.click()
    page.get_by_role("option", name="Listening step").click()
    page.wait_for_function(
        f"document.querySelectorAll('.listening-step-block [data-range-picker]').length === {before + 1}"
    )
    added = page.locator(STEP).nth(before)
    # No track chosen yet: the picker says what it needs rather than opening an empty chart.
    added.get_by_role("button", name="Pick the range on the chart").click()
    assert added.locator(".range-picker-status").inner_text() == "Choose a track first: its chart opens here."


def test_from_the_keyboard_enter_on_a_cue_mark_then_shift_enter_on_another_picks_the_range_between(page, demo_server):
    log_in(page, demo_server)
    open_lesson_editor(page, demo_server)
    step = page.locator(STEP).first
    step.get_by_role("button", name="Pick the range on the chart").click()
    marks = step.locator(".range-picker [data-chart] [data-mark-for]")
    marks.first.wait_for()
    first, second = marks.nth(1), marks.nth(2)
    first.focus()
    page.keyboard.press("Enter")
    second.focus()
    page.keyboard.press("Shift+Enter")
    expected = sorted(float(mark.get_attribute("data-seek-to")) for mark in (first, second))
    picked = [parse_time(field(step, name).input_value()) / 1000 for name in ("start", "end")]
    assert picked == pytest.approx(expected, abs=0.05)
    assert "/admin/pages/" in page.url  # the marks' reader links were not followed


def test_a_guess_steps_start_is_picked_by_dragging_too(page, demo_server):
    log_in(page, demo_server)
    open_lesson_editor(page, demo_server)
    step = page.locator(".guess-step-block").first
    step.get_by_role("button", name="Pick where to start on the chart").click()
    chart = step.locator(".range-picker [data-chart]")
    chart.wait_for()
    duration = float(chart.get_attribute("data-duration"))
    plot = chart.locator(".chart-row--wave .chart-plot").bounding_box()
    y = plot["y"] + plot["height"] / 2
    page.mouse.move(plot["x"] + plot["width"] * 0.2, y)
    page.mouse.down()
    page.mouse.move(plot["x"] + plot["width"] * 0.3, y, steps=5)
    page.mouse.up()
    picked = parse_time(field(step, "listen_from").input_value()) / 1000
    assert picked == pytest.approx(duration * 0.2, abs=duration * 0.01)
