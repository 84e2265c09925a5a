"""The listening chart printed to PDF by Chromium: every cue on one or two pages, each QR code opens its cue."""

import io

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from listening.demo.album import load_album

TRACK = next(track for track in load_album().tracks if track.slug == "generique")
TRACK_PATH = f"/ascenseur-pour-lechafaud/{TRACK.slug}/"


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_printed_chart_holds_every_cue_and_codes_that_open_them(page, demo_server, paper):
    page.goto(demo_server + TRACK_PATH + "print/")
    pdf = page.pdf(format=paper, print_background=False)
    reader = PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 2, f"{len(reader.pages)} pages"
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    for cue in TRACK.cues:
        assert " ".join(cue.title.split()) in text, cue.title
    decoded = set()
    document = pypdfium2.PdfDocument(pdf)
    for index in range(len(document)):
        bitmap = document[index].render(scale=200 / 72).to_pil()  # 200 dpi, as a printer would see it
        decoded |= {barcode.text for barcode in zxingcpp.read_barcodes(bitmap)}
    expected = {f"{demo_server}{TRACK_PATH}cues/{cue.slug}/" for cue in TRACK.cues}
    assert decoded == expected


def test_the_chart_is_black_on_white(page, demo_server, screenshot):
    page.goto(demo_server + TRACK_PATH + "print/")
    colours = page.evaluate(
        "() => { const s = getComputedStyle(document.documentElement); return [s.color, s.backgroundColor]; }"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    screenshot("listening-chart-1440")
