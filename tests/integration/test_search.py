import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from listening.site.search import MAX_RESULTS
from tests.factories import CueFactory, PersonPageFactory, ScenePageFactory, publish

# Every search runs over the guide: a soundtrack, its people, scenes and commented tracks.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("guide")]


def results_of(client, query, **headers):
    response = client.get("/search/", {"q": query}, headers=headers)
    assert response.status_code == 200
    html = response.content.decode()
    return html.split('<div id="search-results"', 1)[1] if '<div id="search-results"' in html else html


def result_links(html):
    """The result titles' links, in the order shown."""
    return re.findall(r'class="result-title" href="([^"]+)"', html)


def test_search_finds_pages_and_moments(client, guide):
    response = client.get("/search/", {"q": "Varga"})
    html = response.content.decode()
    assert f'href="{guide.bassist.url}"' in html
    # Cues whose commentary names him, each opening its track at that moment.
    for slug in ("bass-alone", "last-bars"):
        assert f"#cue-{slug}" in html
    shown = len(result_links(html))
    assert f"{shown} results for “Varga”" in html


@pytest.mark.parametrize("query", ["generique", "GENERIQUE", "Générique", "générique", "GÉNÉRIQUE"])
def test_accents_and_case_do_not_matter(client, guide, query):
    assert guide.track.url in result_links(results_of(client, query))


@pytest.mark.parametrize("query", ["echafaud", "ÉCHAFAUD", "l'echafaud", "Echafaud"])
def test_moments_are_found_without_their_accents(client, guide, query):
    CueFactory(
        track=guide.track,
        slug="gallows",
        title="Towards the gallows",
        start_ms=130_000,
        commentary="<p>The title of the film: <i>Ascenseur pour l’échafaud</i>.</p>",
    )
    html = results_of(client, query)
    assert "#cue-gallows" in html
    assert "<mark>échafaud</mark>" in html


def test_a_query_with_accents_finds_text_without_them(client, guide):
    CueFactory(track=guide.track, slug="cafe", title="At the cafe", start_ms=130_000, commentary="<p>A cafe scene.</p>")
    assert "#cue-cafe" in results_of(client, "café")


def test_snippets_mark_the_matched_words(client, guide):
    html = results_of(client, "walks")
    # The cue's commentary “Tomas Varga walks the bass alone.”, the match marked, the rest plain.
    assert "Tomas Varga <mark>walks</mark> the bass alone." in html


def test_a_word_marks_the_words_it_begins(client, guide):
    assert "<mark>Trumpet</mark> enters" in results_of(client, "trump")


def test_hostile_text_is_shown_as_text_in_snippets_and_titles(client, guide):
    CueFactory(
        track=guide.track,
        slug="hostile",
        title='Zanzibar <img src=x onerror=alert(1)> "quoted"',
        start_ms=130_000,
        commentary='<p>Zanzibar &lt;script&gt;alert(1)&lt;/script&gt; &amp; "Zanzibar" &lt;/mark&gt; ends.</p>',
    )
    html = results_of(client, 'Zanzibar "<mark>')
    assert "#cue-hostile" in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "<mark>Zanzibar</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;<mark>Zanzibar</mark>&quot;" in html
    assert "&lt;/<mark>mark</mark>&gt; ends." in html  # the query asked for “mark” too
    assert "<mark>Zanzibar</mark> &lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;" in html
    # Every <mark> opened is closed: a quote or bracket in the text never breaks the markup.
    assert html.count("<mark>") == html.count("</mark>") > 0


@pytest.mark.parametrize(
    "query", ['"', '""', '"Varga', "Varga\"'><script>alert(1)</script>", "' OR '1'='1", "AND OR NOT", "*", "(Varga"]
)
def test_queries_full_of_quotes_never_break_the_page(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    # The query goes back into the box as an attribute value, escaped.
    value = re.search(r'<input id="search-input"[^>]*\bvalue="([^"]*)"', html)
    assert value, "the search box lost its value attribute"
    assert "<" not in value.group(1)


def test_a_query_of_quoted_words_still_finds_them(client, guide):
    assert guide.bassist.url in result_links(results_of(client, '"Tomas" "Varga"'))


def test_moments_have_a_play_button_that_opens_the_track_at_the_cue(client, guide):
    html = results_of(client, "saxophone answers")
    cue = guide.track.cues.get(slug="saxophone-answers")
    play = re.search(r'<a class="moment-play" href="([^"]+)" aria-label="([^"]+)"', html)
    assert play, "no play button"
    assert play.group(1) == cue.permalink_url
    assert play.group(2) == "Play “Saxophone answers”, 0:45 in Générique"
    # The permalink opens the track at that cue, with its range.
    page = client.get(play.group(1)).content.decode()
    assert 'data-start-at="45"' in page
    assert 'id="cue-saxophone-answers"' in page


def test_people_rank_first_for_their_own_names(client, guide):
    # A scene and many cues also say “Varga”, some more often than his own page does.
    scene = ScenePageFactory(
        parent=guide.scenes,
        title="Varga at the bar",
        slug="varga-at-the-bar",
        summary="<p>Varga, Varga, Varga: everyone at the bar talks of Tomas Varga.</p>",
    )
    publish(scene)
    for query in ("Varga", "tomas varga", "TOMÁS", "varg"):
        links = result_links(results_of(client, query))
        assert links[0] == guide.bassist.url, (query, links)
    # A name that is not a person's still ranks the page it names above mere mentions.
    links = result_links(results_of(client, "walks"))
    assert links, "nothing found"


def test_a_persons_name_ranks_them_above_pages_that_mention_them_more(client, guide):
    other = publish(
        PersonPageFactory(
            parent=guide.people,
            title="Rita Solberg",
            slug="rita-solberg",
            biography="<p>Played beside Lena Marsh; Lena Marsh hired her; Marsh, Marsh, Marsh.</p>",
        )
    )
    links = result_links(results_of(client, "Lena Marsh"))
    assert links[0] == guide.trumpeter.url
    assert other.url in links


def test_an_empty_search_offers_people_tracks_and_moments(client, guide):
    html = results_of(client, "")
    assert "Nothing matches" not in html
    for person in (guide.trumpeter, guide.saxophonist, guide.bassist, guide.director):
        assert f'href="{person.url}"' in html
    # Musicians before film people.
    assert html.index(guide.bassist.url) < html.index(guide.director.url)
    assert f'href="{guide.track.url}"' in html and f'href="{guide.other_take.url}"' in html
    assert '<a class="moment-play"' in html
    assert guide.track.cues.get(slug="trumpet-enters").permalink_url in html


def test_suggestions_come_back_when_the_box_is_emptied_as_you_type(client, guide):
    html = client.get("/search/", {"q": ""}, headers={"HX-Request": "true", "HX-Target": "search-results"})
    html = html.content.decode()
    assert html.lstrip().startswith('<div id="search-results"')
    assert guide.bassist.url in html


def test_suggestions_show_only_what_readers_may_see(client, guide):
    guide.other_take.unpublish()
    guide.director.unpublish()
    html = results_of(client, "")
    assert guide.other_take.url not in html
    assert guide.director.url not in html


def test_moments_of_hidden_tracks_are_not_found(client, guide):
    PageViewRestriction.objects.create(page=guide.track, restriction_type=PageViewRestriction.LOGIN)
    html = results_of(client, "Varga")
    assert "#cue-bass-alone" not in html and "#cue-last-bars" not in html
    assert guide.track.url not in html
    assert guide.bassist.url in result_links(html)
    # The other take's cues are still found.
    assert "#cue-faster" in results_of(client, "faster")


def test_draft_pages_are_not_found(client, guide):
    guide.bassist.unpublish()
    assert guide.bassist.url not in results_of(client, "Varga")


def test_search_is_a_plain_page_without_scripts(client):
    html = client.get("/search/", {"q": "lift"}).content.decode()
    assert '<form class="search-form" action="/search/" method="get"' in html
    assert "Trapped in the <mark>lift</mark>" in html
    assert "<html" in html


def test_as_you_type_requests_get_only_the_results(client):
    response = client.get("/search/", {"q": "lift"}, headers={"HX-Request": "true", "HX-Target": "search-results"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="search-results"')
    assert "<html" not in html and "<form" not in html
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize("query", ["", "   ", "zzzzqqq", "<script>alert(1)</script>", "a" * 5000, "%00", "' OR 1=1 --"])
def test_odd_queries_answer_calmly(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html


def test_markup_in_commentary_is_not_searched(client):
    # Commentary is stored as HTML; its tags are not words.
    html = results_of(client, "p")
    assert "#cue-" not in html
    assert "#cue-" not in results_of(client, "data-block-key")


def test_search_only_offers_get(client):
    assert client.post("/search/", {"q": "lift"}).status_code == 405


def test_search_uses_the_full_text_engine_of_the_database():
    """Wagtail's database backend picks the engine's own full-text search: FTS5 on SQLite,
    tsvector and tsquery on PostgreSQL (never the slow LIKE fallback)."""
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    expected = {"sqlite": "SQLiteSearchBackend", "postgresql": "PostgresSearchBackend"}[connection.vendor]
    assert type(get_search_backend()).__name__ == expected


def test_a_title_with_an_apostrophe_is_named_by_its_words(client, guide):
    guide.soundtrack.title = "Nuit de l’échafaud"
    publish(guide.soundtrack)
    ScenePageFactory(parent=guide.scenes, title="Night", slug="night", summary="<p>échafaud échafaud échafaud</p>")
    links = result_links(results_of(client, "echafaud"))
    assert links[0] == guide.soundtrack.url


def test_results_say_what_kind_of_page_they_are(client, guide):
    html = results_of(client, "Varga")
    assert '<span class="result-kind">Person</span>' in html


def test_more_matching_pages_cost_no_more_queries(client, guide):
    """Results are loaded as their own page types in one query per type, not one per result."""

    def queries_for(query):
        client.get("/search/", {"q": query})  # a first view fills caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/search/", {"q": query}).status_code == 200
        return len(queries)

    people = guide.bassist.get_parent()
    for index in range(2):
        publish(PersonPageFactory(parent=people, title=f"Oboist Ferrand {index}", slug=f"oboist-few-{index}"))
    few = queries_for("oboist")
    for index in range(2, 12):
        publish(PersonPageFactory(parent=people, title=f"Oboist Ferrand {index}", slug=f"oboist-few-{index}"))
    assert len(result_links(results_of(client, "oboist"))) == 12
    assert queries_for("oboist") == few


def test_a_half_typed_name_finds_the_person_among_many_pages_that_mention_the_word(client, guide):
    """More pages match a prefix than are shown: the ones whose titles it begins still come first."""
    for index in range(MAX_RESULTS + 5):
        publish(
            ScenePageFactory(
                parent=guide.scenes,
                title=f"Interior {index}",
                slug=f"interior-{index}",
                summary="<p>A vargueño cabinet stands by the wall.</p>",
            )
        )
    late = publish(PersonPageFactory(parent=guide.people, title="Vargo Linde", slug="vargo-linde"))
    links = result_links(results_of(client, "varg", **{"HX-Request": "true"}))
    assert set(links[:2]) == {guide.bassist.url, late.url}, links
