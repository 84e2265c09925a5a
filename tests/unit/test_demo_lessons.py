"""The demo's lessons (listening/demo/data/lessons.toml): true to CONTENT.md and playable on their tracks.

Pure-Python checks of the data, as test_demo_content.py makes of the album: the same editorial rules
(no myth as fact, no fact retold away from its home, no unsupported claim), and ranges that fit.
"""

import re

import pytest

from listening.core.timecode import parse_time
from listening.demo.album import load_album
from tests.unit.test_demo_content import CORRECTION, FORBIDDEN, TOLD_ONCE, UNSUPPORTED

ALBUM = load_album()
LESSONS = ALBUM.lessons
TRACKS = {track.slug: track for track in ALBUM.tracks}


def lesson_text():
    """Every reader-facing string of the lessons, labelled (teacher's notes too: teachers read them)."""
    for lesson in LESSONS:
        yield f"{lesson.slug} title", lesson.title
        yield f"{lesson.slug} summary", lesson.summary
        for i, paragraph in enumerate([*lesson.intro, *lesson.teacher_notes]):
            yield f"{lesson.slug} paragraph {i}", paragraph
        for n, step in enumerate(lesson.steps, start=1):
            for i, text in enumerate(
                [step.heading, *step.body, step.prompt, *step.listen_for, step.question, *step.answer]
            ):
                if text:
                    yield f"{lesson.slug} step {n} text {i}", text


def test_two_lessons_one_on_entrances_one_on_the_picture():
    assert [lesson.slug for lesson in LESSONS] == ["who-comes-in-when", "music-against-the-picture"]
    assert {step.kind for step in LESSONS[0].steps} == {"reading", "listening", "guess"}
    assert all(step.ask == "who" for step in LESSONS[0].steps if step.kind == "guess")
    assert "counterpoint" in " ".join(LESSONS[1].intro) and "Malle" in " ".join(LESSONS[1].intro)
    for lesson in LESSONS:
        assert lesson.sources and 10 <= lesson.minutes <= 90 and lesson.teacher_notes


def test_each_lesson_says_its_audio_is_the_stand_in():
    for lesson in LESSONS:
        assert "stand-in" in " ".join(lesson.intro), lesson.slug


def test_who_comes_in_is_asked_of_the_stand_in():
    # A guess's answer is who the cue lists, and a music cue's players are the stand-in's (CONTENT.md).
    for lesson in LESSONS:
        for step in lesson.steps:
            if step.kind == "guess" and step.ask == "who":
                assert "stand-in" in step.prompt, f"{lesson.slug}: {step.cue}"


def test_every_range_fits_its_track_and_every_guess_has_something_to_play():
    for lesson in LESSONS:
        for step in lesson.steps:
            if step.kind == "reading":
                continue
            track = TRACKS[step.track]
            if step.kind == "listening":
                assert parse_time(step.start) < parse_time(step.end) <= parse_time(track.length), step
            else:
                cue = next(cue for cue in track.cues if cue.slug == step.cue)
                assert parse_time(cue.start) > 0, step
                if step.listen_from:
                    assert parse_time(step.listen_from) < parse_time(cue.start), step


def test_lesson_text_is_plain_text():
    for where, text in lesson_text():
        assert "<" not in text and ">" not in text and text.count("*") % 2 == 0, where


def test_no_myth_is_stated_as_fact():
    for where, text in lesson_text():
        for phrase in FORBIDDEN:
            for match in re.finditer(re.escape(phrase), text.lower()):
                assert CORRECTION.search(text[max(0, match.start() - 200) : match.end() + 200]), where


@pytest.mark.parametrize("phrase", TOLD_ONCE)
def test_lessons_point_to_facts_that_have_a_home_rather_than_retell_them(phrase):
    assert not [where for where, text in lesson_text() if phrase.lower() in text.lower()]


def test_no_unsupported_claim_is_made():
    for where, text in lesson_text():
        for phrase in UNSUPPORTED:
            assert phrase not in text.lower(), f"{where}: {phrase!r}"
    # CONTENT.md: whether the Petit Bac is one of Florence's stops is unconfirmed.
    for where, text in lesson_text():
        if "Petit Bac" in text and re.search(r"(Florence's|her) stops?\b", text):
            assert "not confirmed" in text or "unconfirmed" in text, where
