import pytest

# Every search runs over the guide: a soundtrack, its people, scenes and commented tracks.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("guide")]


def test_search_finds_pages_and_cues(client, guide):
    response = client.get("/search/", {"q": "Varga"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{guide.bassist.url}"' in html
    # Cues whose commentary names him, each opening its track at that moment.
    for slug in ("bass-alone", "last-bars"):
        assert f"#cue-{slug}" in html
    results = html.split('<div id="search-results"', 1)[1]
    shown = results.count('<li><a href="')
    assert f"{shown} results for “Varga”" in html


def test_search_is_a_plain_page_without_scripts(client):
    html = client.get("/search/", {"q": "lift"}).content.decode()
    assert '<form class="search-form" action="/search/" method="get"' in html
    assert "Trapped in the lift" in html
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


def test_short_words_do_not_match_markup(client):
    html = client.get("/search/", {"q": "p"}).content.decode()
    assert "#cue-" not in html


def test_search_only_offers_get(client):
    assert client.post("/search/", {"q": "lift"}).status_code == 405


def test_search_uses_the_full_text_engine_of_the_database():
    """Wagtail's database backend picks the engine's own full-text search: FTS5 on SQLite,
    tsvector and tsquery on PostgreSQL (never the slow LIKE fallback)."""
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    expected = {"sqlite": "SQLiteSearchBackend", "postgresql": "PostgresSearchBackend"}[connection.vendor]
    assert type(get_search_backend()).__name__ == expected
