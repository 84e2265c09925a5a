"""Lessons: ordered steps over the guide's tracks, readable with scripts off, private where they must be."""

import html
import re
from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from listening.lessons.blocks import GuessStepBlock, ListeningStepBlock
from listening.lessons.models import LessonPage
from tests.factories import (
    LessonPageFactory,
    LessonsIndexPageFactory,
    guess_step,
    listening_step,
    publish,
    reading_step,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(guide):
    page = LessonPageFactory(
        parent=guide.soundtrack,
        title="Who comes in",
        slug="who-comes-in",
        level="intermediate",
        duration_minutes=25,
        teacher_notes="<p>Play each range twice before the class answers.</p>",
        steps=[
            reading_step("<p>Listen from the bottom up.</p>", heading="Layers"),
            listening_step(
                guide.track,
                "0:10",
                "30s",
                prompt="Count the layers.",
                listen_for=["The bass", "The trumpet"],
                question="When does the trumpet come in?",
                answer="<p>At twenty seconds.</p>",
            ),
            guess_step(guide.track, "saxophone-answers", prompt="One more player is due."),
        ],
    )
    return publish(page)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def step_html(page: str, number: int) -> str:
    end = r"</li>\n(?=<li class=\"lesson-step|\s*</ol>)"
    match = re.search(rf'<li class="lesson-step[^"]*" id="step-{number}".*?{end}', page, re.S)
    assert match, f"step {number} is on the page"
    return match.group(0)


# -- the page with scripts off ----------------------------------------------------------------------


def test_with_scripts_off_a_lesson_reads_as_a_list_of_steps_with_links_that_open_each_range(client, guide, lesson):
    page = get(client, lesson.url)
    assert "Layers" in page and "Listen from the bottom up." in page
    listening = step_html(page, 2)
    # The track page opens at the range (?t=start,end), as the deep links do.
    assert f'href="{guide.track.url}?t=10%2C30"' in listening
    assert "Count the layers." in listening and "The bass" in listening and "The trumpet" in listening
    assert "When does the trumpet come in?" in listening
    assert "<details" in listening and "At twenty seconds." in listening  # the answer, folded
    guess = step_html(page, 3)
    assert f'href="{guide.track.url}?t=30%2C45"' in guess  # from the previous music cue up to the guessed one
    assert "One more player is due." in guess
    # Nothing plays until a step is asked for: no player on the page.
    assert not re.search(r"\sdata-track(?=[\s>])", page)


def test_asking_for_a_step_puts_its_range_in_the_player_contract(client, guide, lesson):
    page = get(client, lesson.url + "?step=2")
    listening = step_html(page, 2)
    assert "data-track" in listening and "data-playing" in listening
    assert 'data-start-at="10"' in listening and 'data-stop-at="30"' in listening
    assert f'data-audio-src="{guide.track.audio.file.url}"' in listening
    # The dock's audio holds the range as a media fragment, for browsers without scripts.
    assert f'src="{guide.track.audio.file.url}#t=10,30"' in page
    assert len(re.findall(r"\sdata-track(?=[\s>])", page)) == 1


def test_a_guess_stops_at_its_cue_and_offers_the_tracks_players(client, guide, lesson):
    guess = step_html(get(client, lesson.url + "?step=3"), 3)
    assert 'data-start-at="30"' in guess and 'data-stop-at="45"' in guess
    choices = dict(re.findall(r'value="([a-z-]+)"( data-correct)?>', guess))
    assert set(choices) == {"lena-marsh", "jules-okafor", "tomas-varga"}
    assert [slug for slug, correct in choices.items() if correct] == ["jules-okafor"]
    assert "Who comes in?" in guess
    reveal = guess[guess.index("data-reveal") :]
    assert "Saxophone answers" in reveal and "The tenor answers her." in reveal
    assert guide.track.cue_url(guide.track.cues.get(slug="saxophone-answers")) in reveal
    # The cue list of the track is not on the page: it would give the answer away.
    assert 'id="cue-saxophone-answers"' not in guess


def test_what_changes_offers_cues_of_the_same_layer(client, guide):
    lesson = publish(
        LessonPageFactory(parent=guide.soundtrack, steps=[guess_step(guide.track, "trumpet-and-bass", kind="what")])
    )
    guess = step_html(get(client, lesson.url), 1)
    offered = re.findall(r'value="([a-z-]+)"( data-correct)?>', guess)
    assert ("trumpet-and-bass", " data-correct") in offered
    assert len(offered) == 4
    assert all(slug not in ("opening-shot", "the-lift-stops", "why-a-lift") for slug, _ in offered)


def test_a_step_number_that_does_not_exist_is_ignored(client, lesson):
    for asked in ("9", "0", "-1", "two", "1"):  # step 1 is a reading step: nothing to play
        assert not re.search(r"\sdata-track(?=[\s>])", get(client, f"{lesson.url}?step={asked}"))


# -- ranges typed by editors ------------------------------------------------------------------------


def block_errors(block, value):
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python(block.get_prep_value(value)))
    return {name: " ".join(error.messages) for name, error in caught.value.block_errors.items()}


@pytest.mark.parametrize(
    ("start", "end", "field", "message"),
    [
        ("1:7x", "1:30", "start", "is not a time"),
        ("0:10", "banana", "end", "is not a time"),
        ("1:75", "2:00", "start", "seconds must be below 60"),
        ("0:30", "0:20", "end", "must end after it starts"),
        ("0:30", "0:30", "end", "must end after it starts"),
        ("0:10", "3:00", "end", "only 2:45 long"),
        ("2:50", "2:55", "start", "only 2:45 long"),
        ("", "0:20", "start", "This field is required"),
    ],
)
def test_a_range_the_parser_cannot_read_or_the_track_cannot_hold_is_refused(guide, start, end, field, message):
    block = ListeningStepBlock()
    value = dict(listening_step(guide.track, start, end)[1], listen_for=["x"])
    errors = block_errors(block, value)
    assert message in errors.get(field, ""), errors


@pytest.mark.parametrize("start,end", [("10", "30"), ("0:10", "0:30.5"), ("0:00:10", "1m"), ("10s", "npt:0:30")])
def test_every_form_the_parser_reads_makes_a_range(guide, start, end):
    block = ListeningStepBlock()
    value = dict(listening_step(guide.track, start, end)[1], listen_for=["x"])
    block.clean(block.to_python(block.get_prep_value(value)))


def test_an_answer_needs_its_question_but_an_empty_answer_needs_nothing(guide):
    block = ListeningStepBlock()
    value = dict(listening_step(guide.track, "0:10", "0:20", answer="<p>At twenty seconds.</p>")[1], listen_for=["x"])
    assert "needs its question" in block_errors(block, value)["question"]
    value["answer"] = RichText("<p></p>")
    block.clean(block.to_python(block.get_prep_value(value)))


@pytest.mark.parametrize(
    ("cue", "kind", "listen_from", "field", "message"),
    [
        ("no-such-cue", "who", "", "cue", "is not a cue of"),
        ("bass-alone", "who", "", "cue", "starts at 0:00"),
        ("trumpet-and-bass", "who", "", "kind", "Nobody comes in"),
        ("trumpet-enters", "who", "0:25", "listen_from", "Start before the cue"),
        ("trumpet-enters", "who", "0:1x", "listen_from", "is not a time"),
    ],
)
def test_a_guess_that_cannot_be_played_or_answered_is_refused(guide, cue, kind, listen_from, field, message):
    errors = block_errors(GuessStepBlock(), guess_step(guide.track, cue, kind, listen_from)[1])
    assert message in errors.get(field, ""), errors


def admin_lesson_data(track, start, end):
    """The admin's form for a new lesson with one listening step, as a browser posts it."""
    listen_for = {"count": 1, "0": {"value": "The bass", "deleted": "", "order": 0, "id": "first"}}
    step = {"track": track.pk, "start": start, "end": end, "prompt": "Listen.", "listen_for": listen_for}
    step.update(question="", answer=rich_text(""))
    fields = {"title": "Typed in the admin", "slug": "typed", "level": "advanced", "duration_minutes": 15}
    fields.update({name: rich_text("") for name in ("intro", "sources", "teacher_notes")})
    return nested_form_data({**fields, "teacher_key": "", "steps": streamfield([("listening", step)])})


def test_the_admin_refuses_a_bad_time_with_the_parsers_message_and_takes_a_good_one(client, guide):
    client.force_login(get_user_model().objects.create_superuser("editor1", "e@example.org", "pw"))
    url = reverse("wagtailadmin_pages:add", args=("lessons", "lessonpage", guide.soundtrack.pk))
    response = client.post(url, {**admin_lesson_data(guide.track, "1:7x", "0:30"), "action-publish": "1"})
    assert response.status_code == 200
    # The message sits in the step's error data (JSON, its quotes escaped).
    assert "1:7x\\u201d is not a time. Use a form such as" in html.unescape(response.content.decode())
    assert not LessonPage.objects.filter(slug="typed").exists()
    response = client.post(url, {**admin_lesson_data(guide.track, "0:10", "3:30"), "action-publish": "1"})
    assert "The track is only 2:45 long" in html.unescape(response.content.decode())
    response = client.post(url, {**admin_lesson_data(guide.track, "10s", "0:30.5"), "action-publish": "1"})
    assert response.status_code == 302
    lesson = LessonPage.objects.get(slug="typed")
    assert lesson.live and lesson.teacher_key
    assert 'data-stop-at="30.5"' in get(client, lesson.url + "?step=1")


# -- privacy -------------------------------------------------------------------------------------------


def test_a_step_on_a_draft_or_restricted_track_shows_nothing_of_it(client, guide):
    other = guide.other_take
    lesson = publish(
        LessonPageFactory(
            parent=guide.soundtrack,
            steps=[listening_step(other, "0:05", "0:20"), guess_step(other, "fade", listen_from="1:00")],
        )
    )
    for hide in ("draft", "restricted"):
        if hide == "draft":
            other.unpublish()
        else:
            publish(other)
            PageViewRestriction.objects.create(page=other, restriction_type="password", password="secret")
        for suffix in ("", "?step=1", "?step=2", "embed/", "print/"):
            url = lesson.url + suffix
            page = get(client, url)
            assert other.url not in page and "Opening Titles (alternate take)" not in page, (hide, url)
            assert "Fade" not in page and not re.search(r"\sdata-track(?=[\s>])", page), (hide, url)
            assert "not available" in page, (hide, url)


def test_a_guess_whose_cue_changed_since_it_was_written_shows_no_unanswerable_question(client, guide, lesson):
    # The saxophonist was the one coming in; an editor later credits him on the cue before.
    cue = guide.track.cues.get(slug="trumpet-enters")
    cue.performers.add(guide.saxophonist)
    cue.save()  # modelcluster keeps the choice in memory until then
    guess = step_html(get(client, lesson.url + "?step=3"), 3)
    assert "not available" in guess and "data-guess" not in guess and "data-track" not in guess


def test_draft_lessons_are_not_listed_or_served(client, guide, lesson):
    draft = LessonPageFactory(parent=guide.soundtrack, title="Unfinished lesson", live=False)
    page = get(client, guide.soundtrack.url)
    assert "Who comes in" in page and "Unfinished lesson" not in page
    assert client.get(draft.url if draft.url else f"{guide.soundtrack.url}{draft.slug}/").status_code == 404


# -- teacher's notes --------------------------------------------------------------------------------


def test_teacher_notes_are_never_shown_to_students(client, lesson):
    for url in (lesson.url, lesson.url + "?step=2", lesson.url + "embed/", lesson.url + "print/"):
        page = get(client, url)
        assert "Play each range twice" not in page, url
        assert lesson.teacher_key not in page, url


def test_the_teacher_link_shows_the_notes_and_is_never_cached(client, lesson):
    lesson.refresh_from_db()
    assert len(lesson.teacher_key) >= 20
    response = client.get(lesson.url + f"teacher/{lesson.teacher_key}/")
    assert response.status_code == 200
    assert "Play each range twice" in response.content.decode()
    teacher_step = lesson.url + f"teacher/{lesson.teacher_key}/?step=2"
    assert f'href="{teacher_step}#step-2"' in response.content.decode()  # Listen keeps the notes on screen
    assert 'data-stop-at="30"' in get(client, teacher_step) and "Play each range twice" in get(client, teacher_step)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert client.get(lesson.url + "teacher/not-the-key/").status_code == 404
    assert client.get(lesson.url + f"teacher/{lesson.teacher_key[:-1]}/").status_code == 404


def test_a_new_teacher_key_retires_the_old_link(client, lesson):
    old = lesson.teacher_key
    lesson.teacher_key = ""
    lesson = publish(lesson)
    assert lesson.teacher_key and lesson.teacher_key != old
    assert client.get(lesson.url + f"teacher/{old}/").status_code == 404
    assert client.get(lesson.url + f"teacher/{lesson.teacher_key}/").status_code == 200


def test_a_copied_lesson_gets_a_teacher_link_of_its_own(guide, lesson):
    copy = lesson.copy(update_attrs={"slug": "who-comes-in-again", "title": "Again"})
    assert copy.teacher_key and copy.teacher_key != lesson.teacher_key


def test_editors_see_the_notes_and_the_teacher_link(client, lesson):
    editor = get_user_model().objects.create_superuser("teacher", "t@example.org", "pw")
    client.force_login(editor)
    page = get(client, lesson.url)
    assert "Play each range twice" in page
    assert html.escape(f"http://testserver{lesson.url}teacher/{lesson.teacher_key}/") in page


# -- lists ----------------------------------------------------------------------------------------------


def test_the_soundtrack_and_a_lessons_index_list_lessons_with_level_and_duration(client, guide, lesson):
    page = get(client, guide.soundtrack.url)
    assert "Who comes in" in page and "Intermediate" in page and "about 25 min" in page
    index = publish(LessonsIndexPageFactory(parent=guide.home, title="Lessons", slug="lessons"))
    publish(LessonPageFactory(parent=index, title="Listening for the bass", level="advanced", duration_minutes=40))
    page = get(client, index.url)
    assert "Listening for the bass" in page and "Advanced" in page and "about 40 min" in page


# -- embed, oEmbed, print ----------------------------------------------------------------------------


def frame_ancestors(response):
    match = re.search(r"frame-ancestors ([^;]+)", response.get("Content-Security-Policy", ""))
    return match.group(1).strip() if match else None


def test_only_the_lesson_embed_may_be_framed(client, lesson, settings):
    embed = client.get(lesson.url + "embed/?step=2")
    assert embed.status_code == 200 and "X-Frame-Options" not in embed
    assert frame_ancestors(embed) == "*"
    page = embed.content.decode()
    assert 'data-start-at="10"' in page and "Open in the listening guide" in page
    assert f'href="{lesson.url}embed/?step=2#step-2"' in page  # a step's Listen stays inside the frame
    for url in (lesson.url, lesson.url + "print/", lesson.url + f"teacher/{lesson.teacher_key}/"):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY" and frame_ancestors(response) == "'none'", url
    settings.LISTENING_EMBED_FRAME_ANCESTORS = ["https://lms.example.edu"]
    assert frame_ancestors(client.get(lesson.url + "embed/")) == "https://lms.example.edu"


def test_oembed_answers_for_a_lesson_and_its_page_announces_it(client, lesson):
    page = get(client, lesson.url)
    discovery = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page)
    assert discovery
    response = client.get(html.unescape(discovery.group(1)))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    for field in ("version", "type", "html", "width", "height"):
        assert field in data
    assert data["version"] == "1.0" and data["type"] == "rich" and data["title"] == "Who comes in"
    src = re.search(r'<iframe src="([^"]+)"', data["html"]).group(1)
    assert urlsplit(src).path == lesson.url + "embed/"
    assert client.get(urlsplit(src).path).status_code == 200
    assert data["thumbnail_url"].startswith("http://testserver/") and data["thumbnail_width"] > 0
    small = client.get("/oembed/?" + urlencode({"url": f"http://testserver{lesson.url}", "maxwidth": 400})).json()
    assert small["width"] == 400 and 'width="400"' in small["html"]


def test_oembed_refuses_a_lesson_readers_may_not_see(client, lesson):
    url = "/oembed/?" + urlencode({"url": f"http://testserver{lesson.url}"})
    lesson.unpublish()
    assert client.get(url).status_code == 404


def test_the_print_view_has_steps_ranges_prompts_and_a_code_per_cue(client, guide, lesson):
    page = get(client, lesson.url + "print/")
    assert "Who comes in" in page and "Count the layers." in page and "0:10–0:30" in page
    assert "When does the trumpet come in?" in page and "At twenty seconds." not in page  # no answers on paper
    codes = re.findall(r'data-qr-url="([^"]+)"', page)
    assert f"http://testserver{guide.track.url}?t=10%2C30" in [html.unescape(code) for code in codes]
    cue_urls = {f"http://testserver{guide.track.cue_url(cue)}" for cue in guide.track.cues.all()}
    printed = {code for code in codes if "/cues/" in code}
    # The cues heard in 0:10–0:30 (bass alone, the opening shot, the trumpet's entry) and in the guess's 0:30–0:45.
    assert {url.rsplit("/", 2)[-2] for url in printed} == {"bass-alone", "opening-shot", "trumpet-enters"}
    assert printed <= cue_urls
    assert "Saxophone answers" not in page  # the guess's answer
    assert "Jules Okafor" in page  # among the choices


def test_a_lesson_can_only_be_placed_under_a_soundtrack_or_a_lessons_index(guide):
    assert LessonPage.can_create_at(guide.soundtrack)
    assert not LessonPage.can_create_at(guide.track)
    assert not LessonPage.can_create_at(guide.home)


def test_the_steps_keep_their_ids_for_progress_kept_in_the_browser(client, lesson):
    ids = [block.id for block in lesson.steps]
    assert all(ids) and len(set(ids)) == 3
    page = get(client, lesson.url)
    for block_id in ids:
        assert f'data-step="{block_id}"' in page
    assert isinstance(lesson.steps, StreamValue)


def test_lessons_have_a_description_and_link_preview(client, lesson, guide):
    index = publish(LessonsIndexPageFactory(parent=guide.home, title="Lessons", slug="lessons-index"))
    for page in (lesson, index):
        body = get(client, page.url)
        assert body.count('rel="canonical"') == 1, page.title
        description = re.search(r'<meta name="description" content="([^"]*)"', body)
        assert description and len(description.group(1)) >= 20, page.title
        assert f'<meta property="og:url" content="http://testserver{page.url}">' in body
    assert "intermediate listening lesson" in get(client, lesson.url)


def test_lessons_are_found_without_accents_and_their_teacher_notes_never(client, lesson):
    lesson.intro = "<p>Entrées of the quintet, one by one.</p>"
    lesson.teacher_notes = "<p>Mention the zeugma only in class.</p>"
    lesson = publish(lesson)
    get_search_backend().add(lesson)
    assert lesson.url in get(client, "/search/?q=entrees")
    assert lesson.url not in get(client, "/search/?q=zeugma")
