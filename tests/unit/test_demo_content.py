"""Checks on the demo album's content (listening/demo/data/, read by listening.demo.album).

Pure-Python checks of the data (no database). They pin the facts that
CONTENT.md marks as settled (track list, lengths, who plays on what), the timing rules the
player and the audio synthesiser rely on, what the stage shows while a track plays, and the
editorial rules of CONTENT.md, "How cue commentary should read": every cue sourced and written
for the ear, the stand-in named as such, each fact told once, no popular myth repeated as fact.
"""

import re
import sys
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from listening.demo.album import IMAGES_DIR, load_album  # noqa: E402

ALBUM = load_album()
PEOPLE = ALBUM.people
SCENES = ALBUM.scenes
SOUNDTRACK = ALBUM.soundtrack
TRACKS = ALBUM.tracks


# CONTENT.md, "Track list": number, French title, English title, length, session piece, take.
EXPECTED_TRACKS = [
    (1, "Générique", "Opening Titles", "2:45", "Nuit sur les Champs-Élysées", 3),
    (2, "L'Assassinat de Carala", "The Murder of Carala", "2:10", "Assassinat", 3),
    (3, "Sur l'autoroute", "On the Motorway", "2:15", "Séquence voiture", 2),
    (4, "Julien dans l'ascenseur", "Julien in the Elevator", "2:07", "Assassinat", 2),
    (5, "Florence sur les Champs-Élysées", "Florence on the Champs-Élysées", "2:50", "Nuit sur les Champs-Élysées", 4),
    (6, "Dîner au motel", "Dinner at the Motel", "3:58", "Motel", 1),
    (7, "Évasion de Julien", "Julien's Escape", "0:53", "Ascenseur", 1),
    (8, "Visite du vigile", "The Night Watchman's Rounds", "2:00", "Assassinat", 1),
    (9, "Au bar du Petit Bac", "At the Petit Bac Bar", "2:50", "Le petit bac", 2),
    (10, "Chez le photographe du motel", "At the Motel Photographer's", "3:50", "Final", 3),
]

DAVIS, WILEN, URTREGER, MICHELOT, CLARKE = (
    "miles-davis",
    "barney-wilen",
    "rene-urtreger",
    "pierre-michelot",
    "kenny-clarke",
)
QUINTET = {DAVIS, WILEN, URTREGER, MICHELOT, CLARKE}
# CONTENT.md, "Who plays on what".
EXPECTED_PERSONNEL = {
    1: QUINTET,
    3: QUINTET,
    5: QUINTET,
    7: QUINTET,
    9: QUINTET,
    2: QUINTET - {WILEN},
    4: QUINTET - {WILEN},
    10: QUINTET - {WILEN},
    6: {DAVIS, MICHELOT, CLARKE},
    8: {MICHELOT, CLARKE},
}
VOICES = {DAVIS: "trumpet", WILEN: "tenor", URTREGER: "piano", MICHELOT: "bass", CLARKE: "drums"}
LAYERS = {"music", "film", "story"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TIME = re.compile(r"^(\d+):([0-5]\d)(?:\.(\d))?$")
SENTENCE_END = re.compile(r"[.!?\u2026](?=[\s\"'\u201d\u2019)]|$)")
FAST_PIECES = {3, 7}


def seconds(value: str) -> float:
    match = TIME.match(value)
    assert match, f"bad time {value!r}"
    minutes, secs, tenths = match.groups()
    return int(minutes) * 60 + int(secs) + (int(tenths) / 10 if tenths else 0)


def track_ids(track):
    return f"track-{track.number}"


def all_cues():
    for track in TRACKS:
        for cue in track.cues:
            yield track, cue


def music_cues(track):
    return [cue for cue in track.cues if cue.layer == "music"]


def sentence_count(paragraphs) -> int:
    return sum(len(SENTENCE_END.findall(p.strip())) for p in paragraphs)


def all_text():
    """Every reader-facing string, labelled, except the myth claims (which are myths by design)."""
    for i, p in enumerate(SOUNDTRACK.footer):
        yield f"soundtrack footer {i}", p
    for person in PEOPLE:
        for i, p in enumerate(person.biography):
            yield f"person {person.slug} bio {i}", p
    for scene in SCENES:
        for i, p in enumerate(scene.summary):
            yield f"scene {scene.slug} summary {i}", p
        for still in scene.stills:
            yield f"scene {scene.slug} still", still.caption
    for i, p in enumerate(SOUNDTRACK.intro):
        yield f"soundtrack intro {i}", p
    for chapter in SOUNDTRACK.chapters:
        for i, p in enumerate(chapter.paragraphs):
            yield f"chapter {chapter.heading} {i}", p
        if chapter.quote:
            yield f"chapter {chapter.heading} quote", chapter.quote.text
        for i, myth in enumerate(chapter.myths):
            for j, p in enumerate(myth.record):
                yield f"chapter {chapter.heading} myth {i} record {j}", p
    for track in TRACKS:
        for i, p in enumerate(track.intro):
            yield f"track {track.number} intro {i}", p
        for cue in track.cues:
            yield f"track {track.number} cue {cue.slug} title", cue.title
            for i, p in enumerate(cue.commentary):
                yield f"track {track.number} cue {cue.slug} {i}", p


# --------------------------------------------------------------------------- tracks


def test_ten_tracks_in_lp_order_with_sides():
    assert [t.number for t in TRACKS] == list(range(1, 11))
    for track in TRACKS:
        assert track.side == ("A" if track.number <= 5 else "B"), track.number


@pytest.mark.parametrize("expected", EXPECTED_TRACKS, ids=lambda e: f"track-{e[0]}")
def test_titles_lengths_and_takes_match_content_sheet(expected):
    number, title_fr, title_en, length, piece, take = expected
    track = TRACKS[number - 1]
    assert track.title_fr == title_fr
    assert track.title_en == title_en
    assert track.length == length
    assert track.session_piece == piece
    assert track.take == take


def test_lengths_add_up_to_the_lp_length():
    total = sum(seconds(t.length) for t in TRACKS)
    assert total == 25 * 60 + 38


def test_track_slugs_unique_and_well_formed():
    slugs = [t.slug for t in TRACKS]
    assert len(set(slugs)) == len(slugs)
    assert all(SLUG.match(s) for s in slugs), slugs


def test_evasion_carries_the_unedited_take_length():
    assert "1:56" in TRACKS[6].take_note


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_personnel_matches_who_plays_on_what(track):
    assert len(track.personnel) == len(set(track.personnel))
    assert set(track.personnel) == EXPECTED_PERSONNEL[track.number]


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_tempo_suits_the_piece(track):
    bpm = track.tempo_bpm
    if track.number in FAST_PIECES:
        assert 190 <= bpm <= 210
    else:
        assert 60 <= bpm <= 130


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_track_intro_and_scenes(track):
    assert 1 <= len(track.intro) <= 2
    assert all(p.strip() for p in track.intro)
    scene_slugs = {s.slug for s in SCENES}
    assert track.scenes and set(track.scenes) <= scene_slugs


# --------------------------------------------------------------------------- cues


def test_cue_totals():
    assert all(len(t.cues) >= 6 for t in TRACKS)
    assert sum(len(t.cues) for t in TRACKS) >= 60


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_cue_fields_and_slugs(track):
    slugs = [c.slug for c in track.cues]
    assert len(set(slugs)) == len(slugs), "cue slugs must be unique within a track"
    for cue in track.cues:
        assert SLUG.match(cue.slug), cue.slug
        assert cue.layer in LAYERS, cue.slug
        assert cue.title.strip(), cue.slug
        assert TIME.match(cue.start), cue.slug
        assert cue.end is None or TIME.match(cue.end), cue.slug


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_every_cue_cites_a_source_with_a_title_and_an_author_or_publisher(track):
    for cue in track.cues:
        assert cue.sources, f"{cue.slug} cites no source"
        for source in cue.sources:
            assert source.title.strip() and (source.author.strip() or source.publisher.strip()), source.key
            assert source.line.strip() and "\n" not in source.line, source.key
            if source.link:
                assert source.line.endswith(source.link), source.key


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_music_cues_tile_the_track(track):
    length = seconds(track.length)
    starts = [seconds(c.start) for c in music_cues(track)]
    assert starts, "a track needs music cues"
    assert starts[0] == 0
    assert all(b - a >= 8 for a, b in pairwise(starts)), f"music cues too close or out of order: {starts}"
    assert starts[-1] < length
    assert starts[-1] >= length * 2 / 3, "the last music cue should start in the final third"
    assert len(starts) >= 4


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_no_two_cues_of_one_layer_share_a_start(track):
    for layer in LAYERS:
        starts = [c.start for c in track.cues if c.layer == layer]
        assert len({seconds(s) for s in starts}) == len(starts), (layer, starts)


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_cue_ends_are_valid(track):
    length = seconds(track.length)
    for cue in track.cues:
        start = seconds(cue.start)
        assert start < length, cue.slug
        if cue.end is not None:
            assert start < seconds(cue.end) <= length, cue.slug


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_film_or_story_cues_overlap_with_explicit_ends(track):
    others = [c for c in track.cues if c.layer != "music"]
    assert others, "each track needs at least one film or story cue"
    assert all(c.end is not None for c in others)
    # Most music cues run to the next cue.
    music = music_cues(track)
    assert sum(c.end is None for c in music) > len(music) / 2


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_music_performers_come_from_the_personnel(track):
    personnel = set(track.personnel)
    for cue in track.cues:
        performers = cue.performers
        assert len(performers) == len(set(performers)), cue.slug
        assert set(performers) <= personnel, (cue.slug, set(performers) - personnel)
        if cue.layer == "music":
            assert performers, f"music cue {cue.slug} needs performers"


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_the_band_audibly_changes_within_each_track(track):
    sets = [frozenset(c.performers) for c in music_cues(track)]
    assert any(a != b for a, b in pairwise(sets)), "no music cue changes who plays"


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_every_credited_player_is_heard_in_the_demo(track):
    heard = set().union(*(c.performers for c in music_cues(track)))
    assert heard == set(track.personnel)


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_commentary_has_at_least_two_sentences(track):
    for cue in track.cues:
        paragraphs = cue.commentary
        assert isinstance(paragraphs, list) and paragraphs, cue.slug
        assert all(p.strip() for p in paragraphs), cue.slug
        assert sentence_count(paragraphs) >= 2, cue.slug


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_cue_scenes_exist_and_belong_to_the_track(track):
    scene_slugs = {s.slug for s in SCENES}
    for cue in track.cues:
        assert cue.scene in scene_slugs, cue.slug
        assert cue.scene in track.scenes, cue.slug


def test_sentence_counter_counts():
    assert sentence_count(["One sentence only"]) == 0
    assert sentence_count(["One. Two!"]) == 2
    assert sentence_count(["He said \u201cad lib.\u201d Then left."]) == 2


# --------------------------------------------------------------------------- scenes


def test_ten_scenes_in_film_order():
    assert [s.number for s in SCENES] == list(range(1, 11))
    slugs = [s.slug for s in SCENES]
    assert len(set(slugs)) == len(slugs)
    assert all(SLUG.match(s) for s in slugs)


@pytest.mark.parametrize("scene", SCENES, ids=lambda s: s.slug)
def test_scene_fields(scene):
    assert scene.title.strip()
    assert 1 <= len(scene.summary) <= 2 and all(p.strip() for p in scene.summary)
    assert scene.characters
    assert 2 <= len(scene.stills) <= 4, "a scene needs two to four stills"
    for still in scene.stills:
        assert still.caption.strip()
    assert len({still.image for still in scene.stills}) == len(scene.stills)


def test_every_scene_is_used_by_a_cue():
    used = {cue.scene for _, cue in all_cues()}
    assert {s.slug for s in SCENES} <= used


def test_track_scene_mapping_follows_the_content_sheet():
    by_number = {t.number: set(t.scenes) for t in TRACKS}
    assert by_number[1] == {"opening-phone-call"}
    assert "florence-walks-the-night" in by_number[5]
    assert "florence-walks-the-night" in by_number[9]
    assert "the-darkroom" in by_number[10]
    assert SCENES[9].slug == "the-darkroom"


# --------------------------------------------------------------------------- images


def test_every_image_named_in_the_data_exists_and_every_committed_image_is_used():
    named = ALBUM.image_files()
    committed = {path.name for path in IMAGES_DIR.iterdir() if path.is_file()}
    assert named - committed == set(), "named in the data but not in listening/demo/images/"
    assert committed - named == set(), "committed but used by no page: remove it or name it in the data"


def test_each_picture_is_used_once():
    names = [SOUNDTRACK.cover, *(p.portrait for p in PEOPLE), *(s.image for sc in SCENES for s in sc.stills)]
    assert len(names) == len(set(names))


# --------------------------------------------------------------------------- people


def test_people_slugs_unique_and_musicians_first():
    slugs = [p.slug for p in PEOPLE]
    assert len(set(slugs)) == len(slugs)
    assert all(SLUG.match(s) for s in slugs)
    assert slugs[:5] == [DAVIS, WILEN, URTREGER, MICHELOT, CLARKE]
    assert {"louis-malle", "jeanne-moreau"} <= set(slugs)


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p.slug)
def test_person_fields(person):
    assert person.name.strip() and person.role.strip()
    assert person.kind in {"musician", "film", "other"}
    if person.kind == "musician":
        assert person.voice == VOICES[person.slug]
    else:
        assert person.voice is None
    for key in ("born", "died"):
        assert getattr(person, key) == "" or re.fullmatch(r"\d{4}", getattr(person, key)), key
    assert person.born
    assert 2 <= len(person.biography) <= 3 and all(p.strip() for p in person.biography)


def test_every_referenced_person_exists():
    known = {p.slug for p in PEOPLE}
    for scene in SCENES:
        assert set(scene.people) <= known, scene.slug
    for track in TRACKS:
        assert set(track.personnel) <= known
        for cue in track.cues:
            assert set(cue.performers) <= known


# --------------------------------------------------------------------------- soundtrack


def test_soundtrack_header():
    assert SOUNDTRACK.slug == "ascenseur-pour-lechafaud"
    assert SOUNDTRACK.title == "Ascenseur pour l'échafaud"
    assert SOUNDTRACK.label == "Fontana"
    assert SOUNDTRACK.catalogue_number == "660.213 MR"
    assert "4–5 December 1957" in SOUNDTRACK.recorded
    assert "116 bis avenue des Champs-Élysées" in SOUNDTRACK.studio
    assert SOUNDTRACK.intro and all(p.strip() for p in SOUNDTRACK.intro)
    assert len(SOUNDTRACK.sources) >= 5


def test_chapters_well_formed():
    headings = [c.heading for c in SOUNDTRACK.chapters]
    assert len(headings) >= 6 and len(set(headings)) == len(headings)
    for chapter in SOUNDTRACK.chapters:
        assert chapter.paragraphs or chapter.myths, chapter.heading
        quote = chapter.quote
        if quote is not None:
            assert quote.text.strip() and quote.attribution.strip()


def test_myth_and_record_chapter():
    chapters = {c.heading: c for c in SOUNDTRACK.chapters}
    assert "Myth and record" in chapters
    myths = chapters["Myth and record"].myths
    assert len(myths) >= 5
    for myth in myths:
        assert myth.claim.strip() and myth.record and all(p.strip() for p in myth.record)
    # The claims popular articles actually make, each quoted as they make it.
    claims = " ".join(m.claim.lower() for m in myths)
    for topic in (
        "stay cool",
        "almost nothing",
        "no second chances",
        "totally improvised",
        "assistant",
        "only american",
        "1990s",
        "two years",
    ):
        assert topic in claims, topic
    for myth in myths:
        assert "“" in myth.claim and "”" in myth.claim, f"quote the claim as it is made: {myth.claim}"
        assert myth.sources, f"no source beside the claim {myth.claim}"


# --------------------------------------------------------------------------- editorial rules

# Popular claims that must never appear without a correction close by.
FORBIDDEN = [
    "only american",
    "1990s",
    "stay cool",
    "gave us almost nothing",
    "two years",
    "single pass",
    "no second chances",
]
CORRECTION = re.compile(
    r"\b(not|no|wrong|myth|legend|unconfirmed|never|does not|should|rather than|retired)\b|n't",
    re.IGNORECASE,
)


def test_myths_never_stated_as_fact():
    for where, text in all_text():
        lowered = text.lower()
        for phrase in FORBIDDEN:
            for match in re.finditer(re.escape(phrase), lowered):
                window = text[max(0, match.start() - 200) : match.end() + 200]
                assert CORRECTION.search(window), f"{where}: {phrase!r} without a correction"


def test_urtreger_quote_never_put_in_his_mouth():
    for where, text in all_text():
        assert "gave us almost nothing" not in text.lower() or "no source" in text.lower(), where


def test_plain_text_only():
    for where, text in all_text():
        assert "<" not in text and ">" not in text, where
        assert "\n" not in text, where
        assert text.count("*") % 2 == 0, f"{where}: unbalanced italics"
        assert "**" not in text and "_" not in text, where
        assert text == text.strip() and text, where


def test_allowed_quotes_are_attributed():
    attributions = {
        "loneliest trumpet sound": "Johnson",
        "a very gloomy, dark building": "Davis",
        "rushes of the film": "Davis",
        "4 bars of each": "Michelot",
        "until eight in the morning": "Malle",
    }
    own_bio = {"Davis": "person miles-davis ", "Michelot": "person pierre-michelot ", "Malle": "person louis-malle "}
    texts = list(all_text())
    for phrase, who in attributions.items():
        hits = [(w, t) for w, t in texts if phrase in t]
        assert hits, phrase
        for where, text in hits:
            if "quote" in where:
                chapter = next(c for c in SOUNDTRACK.chapters if c.heading in where)
                assert who in chapter.quote.attribution, where
            elif where.startswith(own_bio.get(who, "-")):
                continue  # a person's own biography: "he recalled" is attribution enough
            else:
                idx = text.index(phrase)
                assert who in text[max(0, idx - 250) : idx], f"{where}: {phrase!r} unattributed"


def test_commentary_length_is_substantial():
    words = [sum(len(p.split()) for p in cue.commentary) for _, cue in all_cues()]
    assert min(words) >= 35
    assert 60 <= sum(words) / len(words) <= 100


# --------------------------------------------------------------------------- sources of the story


def test_every_chapter_cites_its_sources_and_the_album_lists_every_source_cited():
    cited = set()
    for chapter in SOUNDTRACK.chapters:
        assert chapter.sources, f"chapter {chapter.heading} cites no source"
        cited |= {source.key for source in chapter.sources}
        for myth in chapter.myths:
            cited |= {source.key for source in myth.sources}
    for person in PEOPLE:
        assert person.sources, person.slug
        cited |= {source.key for source in person.sources}
    for scene in SCENES:
        assert scene.sources, scene.slug
        cited |= {source.key for source in scene.sources}
    for _, cue in all_cues():
        cited |= {source.key for source in cue.sources}
    listed = {source.key for source in SOUNDTRACK.sources}
    assert cited - listed == set(), "cited somewhere but missing from the album's list of sources"
    assert listed - cited == set(), "listed on the album page but cited nowhere"


# --------------------------------------------------------------------------- true to the record


def texts_with(phrase):
    return [where for where, text in all_text() if phrase.lower() in text.lower()]


def test_the_record_says_what_content_md_now_says():
    everything = " ".join(text for _, text in all_text())
    assert "*Frantic*" in everything  # the film's first US title
    assert "24 or 25" in everything  # Malle's age while shooting (born 30 October 1932)
    band = next(c for c in SOUNDTRACK.chapters if c.heading == "The band")
    band_text = " ".join(band.paragraphs)
    assert "disputed" in band_text and "November" in band_text and "20 December" in band_text
    assert "Fresh Sound" in band_text and "Decca" in band_text
    assert "not a long-standing working group" in band_text
    record = " ".join(next(c for c in SOUNDTRACK.chapters if c.heading == "The record").paragraphs)
    assert "many of the session's alternate takes" in record and "L'interrogatoire de Julien" in record


# Claims the sources do not support (CONTENT.md), or that it corrects: none may be made again.
UNSUPPORTED = [
    "all studio takes",
    "all the studio takes",
    "with every take",
    "every take was released",
    "collect the whole session",
    "working group",  # allowed only as "not a long-standing working group"
    "several weeks",
    "twenty-five when",
    "never share a shot",
    "never appear in the same shot",
    "never on screen together",
    "only time the two speak",
    "only time the lovers speak",
    "horst bencker used it",
    "each piece was played in several takes",
    "muted in the guide's audio as on the record",
    "according to the session discography, both",
]


def test_no_unsupported_claim_is_made():
    for phrase in UNSUPPORTED:
        for where in texts_with(phrase):
            text = dict(all_text())[where]
            if phrase == "working group" and "not a long-standing working group" in text:
                continue
            raise AssertionError(f"{where}: {phrase!r} has no source (CONTENT.md)")


# --------------------------------------------------------------------------- written for the ear

# Facts that used to be retold on cue after cue: each now has one home (CONTENT.md counted them).
TOLD_ONCE = [
    "D minor and C7",
    "Jazz Track",
    "added echo",
    "Rappeneau",
    "only American",
    "Grand Prix du Disque",
    "Louis-Delluc",
    "gloomy, dark building",
    "loneliest trumpet sound",
    "flake of skin",
    "fifty minutes",
    "Le Monde du silence",
    "Les Liaisons dangereuses",
    "Modern Jazz Quartet",
]


@pytest.mark.parametrize("phrase", TOLD_ONCE)
def test_each_fact_is_told_once(phrase):
    assert len(texts_with(phrase)) <= 1, f"{phrase!r} is told in {texts_with(phrase)}"


def sentences(paragraphs):
    text = " ".join(paragraphs)
    return [s.strip() for s in re.split(r"(?<=[.!?\u2026])[\u201d\u2019)]?\s+(?=[A-Z*\u201c(])", text) if s.strip()]


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_music_cues_name_the_stand_in_and_say_what_to_listen_for(track):
    for cue in music_cues(track):
        text = " ".join(cue.commentary)
        # The performers of a music cue are who plays in the synthesised audio: the cue says so.
        assert "stand-in" in text, f"{cue.slug}: a change in the demo audio is described without naming the stand-in"
        assert re.search(r"\blisten|\bhear", text, re.IGNORECASE), f"{cue.slug}: nothing to listen for"


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_film_and_story_cues_meet_the_music(track):
    for cue in track.cues:
        if cue.layer != "music":
            text = " ".join(cue.commentary)
            assert re.search(r"\blisten|\bhear|\bmusic\b|\bscore\b", text, re.IGNORECASE), cue.slug


def test_the_stand_in_is_never_passed_off_as_the_record():
    # The old wording made the demo's arrangement sound like the record's: "the guide's quintet".
    for where, text in all_text():
        for phrase in ("the guide's audio", "the guide's arrangement", "guide's quintet", "guide's version"):
            assert phrase not in text.lower(), f"{where}: say “the stand-in”"


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_cues_leave_release_history_to_the_story(track):
    for cue in track.cues:
        text = " ".join(cue.commentary)
        for phrase in ("CL 1268", "660.213", "836 305", "Grammy", "180-gram", "standalone US CD"):
            assert phrase not in text, f"{cue.slug}: {phrase!r} belongs on the album page"


# --------------------------------------------------------------------------- alive on the stage


def stage_stills(track):
    """The still on the stage moment by moment, as the track page chooses it: the newest sounding cue's
    own still, else its scene's first (listening.tracks.models, _stage_still and the stage row)."""
    first_still = {scene.slug: scene.stills[0].image for scene in SCENES}
    length = seconds(track.length)
    ordered = sorted(enumerate(track.cues), key=lambda item: (seconds(item[1].start), item[0]))
    spans = []
    for index, (_, cue) in enumerate(ordered):
        start = seconds(cue.start)
        end = seconds(cue.end) if cue.end else None
        if end is None:
            later = [
                seconds(c.start) for _, c in ordered[index + 1 :] if c.layer == cue.layer and seconds(c.start) > start
            ]
            end = later[0] if later else length
        spans.append((start, end, cue.still or first_still[cue.scene]))
    shown = []
    for tenth in range(int(length * 10)):
        moment = tenth / 10
        sounding = [still for start, end, still in spans if start <= moment < end]
        if sounding and (not shown or shown[-1] != sounding[-1]):
            shown.append(sounding[-1])
    return shown


def test_the_stage_changes_as_the_music_moves():
    changing = [track.number for track in TRACKS if len(set(stage_stills(track))) >= 2]
    assert len(changing) >= 8, f"only tracks {changing} show two or more stills while they play"
    assert len(changing) == len(TRACKS), f"tracks showing one still only: {set(range(1, 11)) - set(changing)}"


@pytest.mark.parametrize("track", TRACKS, ids=track_ids)
def test_a_cue_still_belongs_to_the_cue_scene(track):
    stills = {scene.slug: {still.image for still in scene.stills} for scene in SCENES}
    for cue in track.cues:
        assert cue.still is None or cue.still in stills[cue.scene], cue.slug


def test_every_still_is_shown_by_some_track():
    shown = {still for track in TRACKS for still in stage_stills(track)}
    every = {still.image for scene in SCENES for still in scene.stills}
    assert every - shown == set(), "a scene's still that no track ever puts on the stage"
