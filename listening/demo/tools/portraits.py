"""Drawn portrait cards for the demo's people, in the same noir manner as the stills.

Each card shows a figure in silhouette under one hard light, with what the person is known for in
this story: the trumpet pointed at the floor, the tenor's bell, the keyboard, the scroll of the bass,
the cymbal, the clapperboard, the shop-window light, the lift gate, the film camera, the typewriter.
They are drawings of roles, not likenesses: no photograph was traced.

    SUBJECTS                                            # the kinds of card that can be drawn
    draw_portrait(subject, *, seed, size=(600, 750))   -> PIL.Image.Image (mode "L")

The frame is 8 × 10 units, scaled to cover the requested size and centred (as for the stills).
Same arguments, same pixels.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
from PIL import Image

from listening.demo.tools.stills import _F32, _bezier, _Canvas, _capsule, _chaikin, _head, _Layer, _rot, _sag, _smooth

__all__ = ["SUBJECTS", "draw_portrait"]


# ---------------------------------------------------------------------------
# shared pieces
# ---------------------------------------------------------------------------


def _backdrop(cv: _Canvas, lx: float, ly: float, spread: float = 2.6, amount: float = 0.45) -> None:
    """A dark studio wall with one soft pool of light on it, centred at (lx, ly)."""
    X, Y = cv.X, cv.Y
    cv.img[:] = 0.02 + 0.04 * _smooth(10, 0, Y)
    cv.img += (amount * np.exp(-(((X - lx) / spread) ** 2) - (((Y - ly) / (spread * 0.95)) ** 2))).astype(_F32)
    cv.img += (0.03 * cv.noise(4, 5)).astype(_F32)


def _shoulders(L: _Layer, x, y, w, facing=0, v=None, a=1.0):
    """A jacketed torso from (x, y) (the base of the neck) down out of frame; w is half the shoulder width.
    facing -1/+1 turns it towards profile (narrower, one shoulder forward)."""
    k = 1.0 - 0.35 * abs(facing)
    side = [(0.34, -0.12), (0.62, 0.1), (0.9, 0.42), (1.0, 0.9), (1.05, 3.0)]
    right = [(x + px * w * k + facing * 0.1 * w, y + py * w) for px, py in side]
    left = [(x - px * w * k + facing * 0.1 * w, y + py * w) for px, py in reversed(side)]
    L.poly(_chaikin(right + left, 3), v, a)


def _rim(cv: _Canvas, m: np.ndarray, dx: float, dy: float, amount: float, blur: float = 0.015) -> None:
    cv.light(cv.rim(m, dx, dy), amount, blur=blur)


def _finish(cv: _Canvas) -> Image.Image:
    return cv.finish(bloom=0.2, bloom_wide=0.12, grain=0.045, vignette=0.55, dust=False)


# ---------------------------------------------------------------------------
# the musicians
# ---------------------------------------------------------------------------


def _trumpet(cv: _Canvas):
    """Head bowed in profile, the horn pointed down at the floor, lit from behind on the right."""
    _backdrop(cv, 3.6, 4.2, 2.6, 0.5)
    fig = cv.layer()
    horn = cv.layer()
    hx, hy, s = 4.75 + cv.j(0.08), 3.3, 2.2
    head = cv.layer()
    _head(head, hx, hy, s, facing=-1, hair="man")
    head_pts = head  # drawn separately so the head can be tilted forward below
    _shoulders(fig, hx + 0.15, hy + 0.74 * s, 1.9, facing=-1)
    # the trumpet: from the lips down and forward to a bell near the bottom left
    mouth = (hx - 0.55 * s, hy + 0.28 * s)
    bell = (1.5, 7.9)
    dx, dy = bell[0] - mouth[0], bell[1] - mouth[1]
    ln = math.hypot(dx, dy)
    ux, uy = dx / ln, dy / ln
    nx, ny = -uy, ux

    def H(t, off):
        return (mouth[0] + ux * ln * t + nx * off, mouth[1] + uy * ln * t + ny * off)

    horn.line([H(0.0, 0.0), H(0.8, 0.0)], 0.13)
    horn.line([H(0.28, 0.3), H(0.8, 0.3)], 0.12)
    horn.line([H(0.28, 0.3), H(0.18, 0.4), H(0.18, 0.08), H(0.28, 0.0)], 0.1, caps=False)
    for k in range(3):
        t = 0.42 + 0.085 * k
        horn.line([H(t, -0.1), H(t, 0.55)], 0.2, caps=False)
        horn.ellipse(*H(t, -0.2), 0.1, 0.07)
    fl = 0.9
    horn.poly([H(0.74, -0.07), H(0.74, 0.37), H(0.9, 0.42), H(1.0, 0.15 + fl), H(1.0, 0.15 - fl), H(0.9, -0.12)])
    # hands on the valves
    fig.poly(_capsule((hx - 0.6, hy + 1.9 * s), 0.32, H(0.5, 0.5), 0.22))
    fig.poly(_capsule((hx + 0.1, hy + 2.0 * s), 0.3, H(0.52, -0.12), 0.2))
    hornm = cv.comp(horn, 0.05)
    m = cv.comp(fig, 0.02)
    hm = cv.comp(head_pts, 0.02)
    m = np.maximum(m, hm)
    _rim(cv, m, 0.05, 0.02, 0.55)
    _rim(cv, hornm, 0.0, 0.03, 0.45, blur=0.008)
    brass = cv.layer()
    brass.line([H(0.02, 0.04), H(0.78, 0.04)], 0.035)
    brass.ellipse(*H(1.0, 0.15), 0.1, fl)
    cv.light(brass, 0.35)
    cv.glow(*H(0.97, 0.5), 0.1, 0.8)


def _tenor(cv: _Canvas):
    """Young, in profile facing right, the saxophone slanting across him, its bell turned up."""
    _backdrop(cv, 4.6, 4.6, 2.7, 0.48)
    fig = cv.layer()
    hx, hy, s = 3.25 + cv.j(0.08), 3.0, 2.0
    _head(fig, hx, hy, s, facing=1, hair="man")
    _shoulders(fig, hx - 0.1, hy + 0.74 * s, 1.8, facing=1)
    fm = cv.comp(fig, 0.02)
    _rim(cv, fm, -0.05, 0.02, 0.5)
    # the saxophone: crook from the lips, body down across the chest, the bow, the bell up and out
    sax = cv.layer()
    path = [
        (hx + 0.58 * s, hy + 0.3 * s),
        (5.0, 4.2),
        (5.35, 4.75),
        (5.3, 5.6),
        (5.05, 7.0),
        (4.95, 8.0),
        (5.25, 8.55),
        (5.85, 8.5),
        (6.25, 8.0),
        (6.45, 7.3),
    ]
    widths = [0.07, 0.1, 0.15, 0.22, 0.28, 0.33, 0.36, 0.38, 0.4]
    for (p0, p1), w in zip(itertools.pairwise(path), widths, strict=False):
        sax.poly(_capsule(p0, w, p1, w * 1.08))
    sax.poly(_chaikin([(6.0, 7.6), (6.9, 7.3), (7.35, 6.45), (7.2, 6.3), (6.1, 6.75)], 1))
    sm = cv.comp(sax, 0.07)
    gleam = cv.layer()
    gleam.line([(5.15, 5.0), (4.9, 7.0), (4.88, 7.9)], 0.05)
    gleam.line([(6.1, 6.75), (7.2, 6.32)], 0.06)
    cv.light(gleam, 0.45, blur=0.01)
    cv.img += (cv.rim(sm, -0.04, 0.0) * 0.5).astype(_F32)
    keys = cv.layer()
    for k in range(6):
        keys.ellipse(5.2 - 0.04 * k, 5.6 + k * 0.38, 0.09, 0.07)
    cv.light(keys, 0.35)
    hands = cv.layer()
    hands.poly(_capsule((4.0, 6.2), 0.3, (5.0, 5.7), 0.18))
    hands.poly(_capsule((4.2, 7.4), 0.3, (5.0, 7.2), 0.18))
    cv.comp(hands, 0.02)


def _piano(cv: _Canvas):
    """Seated in profile facing right, hands on the keys, the raised lid behind."""
    _backdrop(cv, 4.8, 2.6, 2.8, 0.42)
    X, Y = cv.X, cv.Y
    lid = cv.layer()
    lid.poly([(3.2, 6.2), (8.6, 1.4), (8.6, 2.1), (3.8, 6.3)])
    lm = cv.comp(lid, 0.03)
    cv.img += (cv.rim(lm, 0.0, 0.03) * 0.4).astype(_F32)
    case = cv.layer()
    case.rect(3.6, 6.2, 8.6, 7.2)
    cv.comp(case, 0.03)
    # the keyboard across the bottom, its keys catching the light
    keys = cv.layer()
    keys.poly([(2.4, 7.2), (8.6, 7.2), (8.6, 7.75), (2.1, 7.8)])
    cv.comp(keys, 0.78 + 0.12 * _smooth(2, 8, X))
    blacks = cv.layer()
    for k in range(22):
        x = 2.35 + k * 0.29
        if k % 7 in (2, 6):
            continue
        blacks.rect(x, 7.2, x + 0.13, 7.5)
    cv.comp(blacks, 0.03)
    slip = cv.layer()
    slip.rect(2.0, 7.8, 8.6, 10.5)
    cv.comp(slip, 0.025)
    fig = cv.layer()
    hx, hy, s = 2.6 + cv.j(0.08), 4.25, 1.9
    _head(fig, hx, hy, s, facing=1, hair="man")
    fig.poly(
        _chaikin(
            [(hx - 1.5, 10.5), (hx - 1.7, 6.5), (hx - 1.0, 5.8), (hx + 0.6, 5.8), (hx + 1.2, 6.6), (hx + 1.3, 10.5)], 2
        )
    )
    fig.poly(_capsule((hx + 0.6, 6.1), 0.32, (hx + 2.2, 7.1), 0.2))
    fig.poly(_capsule((hx + 2.2, 7.1), 0.2, (hx + 3.1, 7.25), 0.14))
    fm = cv.comp(fig, 0.02)
    _rim(cv, fm, -0.05, -0.02, 0.45)
    cv.img += (0.05 * np.exp(-(((Y - 7.4) / 0.4) ** 2)) * _smooth(2, 8, X)).astype(_F32)


def _bass(cv: _Canvas):
    """Behind the double bass: the scroll and neck beside his head, his hand high on the strings."""
    _backdrop(cv, 3.4, 3.4, 2.6, 0.45)
    fig = cv.layer()
    hx, hy, s = 3.0 + cv.j(0.08), 3.4, 2.0
    _head(fig, hx, hy, s, facing=1, hair="man")
    _shoulders(fig, hx - 0.1, hy + 0.74 * s, 1.9, facing=1)
    fm = cv.comp(fig, 0.02)
    _rim(cv, fm, -0.05, 0.02, 0.45)
    # the bass: neck and scroll rising past his face, the upper bouts at the bottom of the card
    b = cv.layer()
    nx0, tilt = 5.7, -6
    neck = [(nx0 - 0.16, 0.9), (nx0 + 0.16, 0.9), (nx0 + 0.22, 7.0), (nx0 - 0.22, 7.0)]
    b.poly(_rot(neck, nx0, 7.0, tilt))
    sc = _rot([(nx0, 0.55)], nx0, 7.0, tilt)[0]
    b.ellipse(sc[0], sc[1], 0.3, 0.42)
    b.poly(_rot([(nx0 - 0.22, 0.8), (nx0 + 0.22, 0.8), (nx0 + 0.2, 1.7), (nx0 - 0.2, 1.7)], nx0, 7.0, tilt))
    for k in range(4):  # tuning pegs
        py = 0.95 + k * 0.2
        b.line(_rot([(nx0 - 0.4, py), (nx0 + 0.4, py)], nx0, 7.0, tilt), 0.06)
    body = [
        (-0.5, 5.6),
        (-1.6, 6.1),
        (-2.0, 7.2),
        (-1.6, 8.4),
        (-2.4, 10.6),
        (2.4, 10.6),
        (1.6, 8.4),
        (2.0, 7.2),
        (1.6, 6.1),
        (0.5, 5.6),
    ]
    b.poly(_rot([(nx0 + px, py) for px, py in _chaikin(body, 2)], nx0, 7.0, tilt))
    bm = cv.comp(b, 0.045)
    cv.img += (np.clip(bm - cv.blur(bm, 0.03), 0, 1) * 0.8).astype(_F32)
    strings = cv.layer()
    for k in range(4):
        x = nx0 - 0.09 + 0.06 * k
        strings.line(_rot([(x, 1.6), (x + 0.02 * (k - 1.5), 10.5)], nx0, 7.0, tilt), 0.015)
    cv.light(strings, 0.55)
    cv.glow(sc[0] + 0.1, sc[1] - 0.15, 0.08, 0.9)  # the scroll catches the light
    ff = cv.layer()
    for s_ in (-1, 1):
        ff.line(
            _rot(_bezier((nx0 + s_ * 0.8, 8.3), (nx0 + s_ * 1.2, 9.1), (nx0 + s_ * 0.8, 9.9), 12), nx0, 7.0, tilt), 0.08
        )
    cv.comp(ff, 0.01)
    hand = cv.layer()
    hp = _rot([(nx0 - 0.1, 3.6)], nx0, 7.0, tilt)[0]
    hand.poly(_capsule((hx + 0.9, hy + 2.9), 0.3, hp, 0.2))
    hand.ellipse(hp[0] + 0.05, hp[1], 0.26, 0.3)
    cv.comp(hand, 0.02)


def _drums(cv: _Canvas):
    """Behind the kit, facing us: a cymbal in the foreground catching the light, sticks raised."""
    _backdrop(cv, 4.0, 3.0, 2.8, 0.38)
    X, Y = cv.X, cv.Y
    fig = cv.layer()
    hx, hy = 4.3 + cv.j(0.08), 3.3
    fig.ellipse(hx, hy, 0.95, 1.18)
    fig.ellipse(hx, hy - 0.55, 1.0, 0.75)  # short hair, close cropped
    fig.ellipse(hx - 0.95, hy + 0.1, 0.16, 0.3)
    fig.ellipse(hx + 0.95, hy + 0.1, 0.16, 0.3)
    fig.rect(hx - 0.45, hy + 0.9, hx + 0.45, hy + 1.7)
    _shoulders(fig, hx, hy + 1.6, 2.1, facing=0)
    fig.poly(_capsule((hx - 1.9, hy + 2.4), 0.36, (hx - 2.6, hy + 3.4), 0.26))
    fig.poly(_capsule((hx + 1.9, hy + 2.4), 0.36, (hx + 2.3, hy + 3.6), 0.26))
    fm = cv.comp(fig, 0.02)
    _rim(cv, fm, 0.0, 0.05, 0.35)
    _rim(cv, fm, 0.04, 0.0, 0.2)
    sticks = cv.layer()
    sticks.line([(hx - 2.6, hy + 3.4), (hx - 1.2, hy + 0.9)], 0.08)
    sticks.line([(hx + 2.3, hy + 3.6), (hx + 3.3, hy + 1.7)], 0.08)
    cv.light(sticks, 0.5)
    # the ride cymbal, large and near, tilted, lit along its edge
    cym = cv.layer()
    cx_, cy_ = 2.3, 6.6
    cym.poly(
        _rot(
            [(cx_ + 2.6 * math.cos(t), cy_ + 0.55 * math.sin(t)) for t in np.linspace(0, 2 * math.pi, 60)], cx_, cy_, -9
        )
    )
    cm = cv.comp(cym, 0.06)
    grooves = np.sin(np.sqrt(((X - cx_) / 2.6) ** 2 + ((Y - cy_) / 0.55) ** 2) * 60.0) * 0.5 + 0.5
    cv.img += (cm * (0.05 + 0.12 * grooves) * _smooth(0.0, 4.5, X)).astype(_F32)
    cv.img += (cv.rim(cm, 0.0, 0.04) * 0.8).astype(_F32)
    cv.glow(cx_ + 1.7, cy_ - 0.35, 0.12, 1.0)
    stand = cv.layer()
    stand.line([(cx_, cy_), (cx_ + 0.1, 10.5)], 0.1)
    cv.comp(stand, 0.04)
    snare = cv.layer()
    snare.rect(4.4, 8.5, 8.6, 10.5)
    snare.ellipse(6.5, 8.5, 2.1, 0.4)
    cv.comp(snare, 0.03)
    rim = cv.layer()
    rim.ellipse(6.5, 8.5, 2.1, 0.4)
    inner = cv.layer()
    inner.ellipse(6.5, 8.52, 1.98, 0.33)
    cv.img += (np.clip(cv.arr(rim.a) - cv.arr(inner.a), 0, 1) * 0.5).astype(_F32)
    for k in range(5):
        lug = cv.layer()
        lug.rect(4.7 + k * 0.85, 8.95, 4.82 + k * 0.85, 9.5)
        cv.light(lug, 0.2)


# ---------------------------------------------------------------------------
# the film people and the writer
# ---------------------------------------------------------------------------


def _director(cv: _Canvas):
    """A young man in profile with a clapperboard held up, as at the start of a take."""
    _backdrop(cv, 5.0, 3.0, 2.6, 0.45)
    fig = cv.layer()
    hx, hy, s = 3.3 + cv.j(0.08), 3.2, 2.0
    _head(fig, hx, hy, s, facing=1, hair="man")
    _shoulders(fig, hx - 0.1, hy + 0.74 * s, 1.9, facing=1)
    fm = cv.comp(fig, 0.02)
    _rim(cv, fm, -0.05, 0.0, 0.5)
    # shirt collar and tie
    col = cv.layer()
    col.poly([(hx + 0.25, hy + 2.35), (hx + 0.75, hy + 2.5), (hx + 0.5, hy + 2.9)])
    cv.comp(col, 0.55)
    # the clapperboard, held out in front of him at chest height
    cb = cv.layer()
    bx, by, bw, bh = 4.9, 5.4, 2.8, 2.0
    board = [(bx, by), (bx + bw, by), (bx + bw, by + bh), (bx, by + bh)]
    cb.poly(_rot(board, bx, by, 4))
    cv.comp(cb, 0.06)
    slate = cv.layer()
    slate.poly(
        _rot(
            [
                (bx + 0.15, by + 0.2),
                (bx + bw - 0.15, by + 0.2),
                (bx + bw - 0.15, by + bh - 0.15),
                (bx + 0.15, by + bh - 0.15),
            ],
            bx,
            by,
            4,
        )
    )
    cv.comp(slate, 0.03)
    chalk = cv.layer()
    for k in range(3):
        chalk.line(
            _rot([(bx + 0.35, by + 0.65 + k * 0.45), (bx + bw - 0.5 - 0.4 * k, by + 0.65 + k * 0.45)], bx, by, 4), 0.05
        )
    cv.comp(chalk, 0.55, blur=0.005)
    arm = [(bx - 0.05, by - 0.05), (bx + bw, by - 0.05), (bx + bw, by - 0.5), (bx - 0.05, by - 0.5)]
    stick = _rot(_rot(arm, bx, by, 4), bx, by - 0.05, -24)  # the clapper, raised
    st = cv.layer()
    st.poly(stick)
    cv.comp(st, 0.85)
    stripes = cv.layer()
    for k in range(5):
        x0 = bx + 0.1 + k * 0.56
        stripes.poly(
            _rot(
                _rot(
                    [(x0, by - 0.05), (x0 + 0.28, by - 0.05), (x0 + 0.45, by - 0.5), (x0 + 0.17, by - 0.5)], bx, by, 4
                ),
                bx,
                by - 0.05,
                -24,
            )
        )
    cv.comp(stripes, 0.03)
    hand = cv.layer()
    hand.poly(_capsule((hx + 0.4, hy + 3.3), 0.32, (bx + 0.2, by + 1.1), 0.22))
    cv.comp(hand, 0.02)


def _actress(cv: _Canvas):
    """A woman in profile, collar up, her face against a lit shop window on the street at night."""
    X, Y = cv.X, cv.Y
    cv.img[:] = 0.02
    win = cv.layer()
    win.rect(3.2, 0.8, 8.6, 7.4)
    cv.comp(win, 0.5 + 0.38 * _smooth(7.4, 1.0, Y) + 0.05 * cv.noise(6, 8))
    disp = cv.layer(values=True)  # dresses on stands behind the glass, out of focus
    for k, (dx, dy) in enumerate(((5.9, 3.0), (7.6, 2.7))):
        disp.ellipse(dx, dy, 0.25, 0.3, 0.28)
        disp.poly(
            _chaikin(
                [(dx - 0.3, dy + 0.4), (dx + 0.3, dy + 0.4), (dx + 0.6 + 0.1 * k, dy + 3.4), (dx - 0.6, dy + 3.4)], 2
            ),
            0.32,
        )
    cv.comp(disp, blur=0.12)
    frame = cv.layer()
    frame.rect(3.0, 0.6, 3.2, 7.6)
    frame.rect(3.0, 7.4, 8.6, 7.7)
    frame.rect(6.75, 0.8, 6.85, 7.4)
    cv.comp(frame, 0.03)
    fig = cv.layer()
    hx, hy, s = 3.1 + cv.j(0.08), 3.7, 2.0
    _head(fig, hx, hy, s, facing=1, hair="woman")
    coat = [
        (-0.55, 0.45),
        (-0.9, 0.9),
        (-1.35, 1.35),
        (-1.6, 2.4),
        (-1.7, 4.2),
        (1.7, 4.2),
        (1.5, 2.4),
        (1.05, 1.35),
        (0.55, 1.0),
        (0.42, 0.62),
        (0.15, 0.85),
    ]
    fig.poly([(hx + px * s * 0.95, hy + py * s) for px, py in _chaikin(coat, 3)])
    fm = cv.comp(fig, 0.015)
    _rim(cv, fm, 0.05, 0.0, 0.45, blur=0.012)
    cv.glow(hx + 0.05 * s, hy + 0.6 * s, 0.05, 0.9)  # an earring
    # the pavement: the window's light thrown down in front of her
    cv.img += (0.1 * np.exp(-(((X - 6.0) / 2.0) ** 2) - (((Y - 9.2) / 1.0) ** 2))).astype(_F32)


def _actor(cv: _Canvas):
    """A man in a suit and tie, facing us, behind the diagonal bars of a lift gate, a lighter in his hand."""
    _backdrop(cv, 4.0, 3.4, 2.2, 0.22)
    X, Y = cv.X, cv.Y
    fig = cv.layer()
    hx, hy = 4.0 + cv.j(0.08), 3.6
    fig.ellipse(hx, hy, 0.9, 1.15)
    fig.poly(
        _chaikin(
            [
                (hx - 0.95, hy - 0.2),
                (hx - 0.9, hy - 1.0),
                (hx, hy - 1.35),
                (hx + 0.9, hy - 1.0),
                (hx + 0.95, hy - 0.2),
                (hx + 0.6, hy - 0.6),
                (hx - 0.5, hy - 0.75),
            ],
            2,
        )
    )
    fig.ellipse(hx - 0.9, hy + 0.1, 0.15, 0.28)
    fig.ellipse(hx + 0.9, hy + 0.1, 0.15, 0.28)
    fig.rect(hx - 0.42, hy + 0.9, hx + 0.42, hy + 1.6)
    _shoulders(fig, hx, hy + 1.55, 2.15, facing=0)
    fm = cv.comp(fig, 0.025)
    # the lighter's flame below his chin lights the face from beneath
    fx, fy = hx + 0.55, hy + 2.35
    under = np.exp(-(((X - fx) / 1.2) ** 2) - (((Y - fy + 0.6) / 1.3) ** 2))
    cv.img += (fm * under * 0.45).astype(_F32)
    cv.img += (cv.rim(fm, 0.0, -0.04) * under * 1.0).astype(_F32)
    shirt = cv.layer()
    shirt.poly([(hx - 0.55, hy + 1.7), (hx + 0.55, hy + 1.7), (hx, hy + 3.2)])
    cv.comp(shirt, 0.5)
    tie = cv.layer()
    tie.poly(
        [(hx - 0.14, hy + 1.75), (hx + 0.14, hy + 1.75), (hx + 0.22, hy + 3.2), (hx, hy + 3.45), (hx - 0.22, hy + 3.2)]
    )
    cv.comp(tie, 0.03)
    lap = cv.layer()
    lap.line([(hx - 0.6, hy + 1.7), (hx - 0.15, hy + 3.5), (hx - 0.3, hy + 5.5)], 0.05)
    lap.line([(hx + 0.6, hy + 1.7), (hx + 0.15, hy + 3.5), (hx + 0.3, hy + 5.5)], 0.05)
    cv.light(lap, 0.08)
    hand = cv.layer()
    hand.ellipse(fx, fy + 0.35, 0.32, 0.28)
    cv.comp(hand, 0.1)
    cv.glow(fx, fy - 0.05, 0.07, 1.6, ry=0.16)
    cv.glow(fx, fy - 0.05, 0.6, 0.25)
    # the gate in front: a lattice of diagonals, black, with a glint where the flame catches it
    gate = cv.layer()
    for k in range(-6, 10):
        x0 = k * 1.3
        gate.line([(x0, -0.5), (x0 + 6.0, 10.5)], 0.12, caps=False)
        gate.line([(x0 + 6.0, -0.5), (x0, 10.5)], 0.12, caps=False)
    for k in range(5):
        gate.line([(k * 2.0 + 0.2, -0.5), (k * 2.0 + 0.2, 10.5)], 0.16, caps=False)
    gm = cv.comp(gate, 0.01)
    cv.img += (cv.rim(gm, 0.0, -0.03) * np.exp(-(((X - fx) / 2.0) ** 2) - (((Y - fy) / 2.0) ** 2)) * 0.6).astype(_F32)


def _camera(cv: _Canvas):
    """A cinematographer with his eye to the eyepiece of a film camera, its two magazines like ears."""
    _backdrop(cv, 3.0, 3.0, 2.6, 0.45)
    fig = cv.layer()
    hx, hy, s = 5.7 + cv.j(0.08), 3.9, 1.9
    _head(fig, hx, hy, s, facing=-1, hair="man")
    _shoulders(fig, hx + 0.15, hy + 0.74 * s, 1.9, facing=-1)
    fm = cv.comp(fig, 0.02)
    _rim(cv, fm, 0.05, 0.02, 0.45)
    cam = cv.layer()
    bx, by = 1.2, 3.9
    cam.poly(_chaikin([(bx, by), (bx + 3.4, by - 0.1), (bx + 3.5, by + 1.7), (bx + 0.1, by + 1.8)], 1))
    cam.ellipse(bx + 0.9, by - 0.85, 0.95, 0.95)  # the two film magazines
    cam.ellipse(bx + 2.5, by - 0.85, 0.95, 0.95)
    cam.rect(bx + 0.5, by - 0.3, bx + 2.9, by + 0.1)
    cam.poly([(bx - 0.1, by + 0.4), (bx - 1.2, by + 0.1), (bx - 1.2, by + 1.6), (bx - 0.1, by + 1.3)])  # matte box
    cam.rect(bx + 3.4, by + 0.5, hx - 0.62 * s, by + 0.75)  # eyepiece, to his eye
    cam.rect(bx + 1.3, by + 1.8, bx + 2.3, by + 2.3)  # tripod head
    cam.line([(bx + 1.8, by + 2.3), (bx + 0.2, 10.5)], 0.16)
    cam.line([(bx + 1.8, by + 2.3), (bx + 3.4, 10.5)], 0.16)
    cam.line([(bx + 1.8, by + 2.3), (bx + 1.9, 10.5)], 0.16)
    cam.line([(bx + 2.3, by + 2.1), (hx - 0.5, by + 3.2)], 0.09)  # the pan handle
    cmm = cv.comp(cam, 0.03)
    cv.img += (cv.rim(cmm, 0.0, 0.04) * 0.55 + cv.rim(cmm, -0.04, 0.0) * 0.3).astype(_F32)
    lens = cv.layer()
    lens.ellipse(bx - 0.75, by + 0.85, 0.3, 0.45)
    cv.comp(lens, 0.2)
    cv.glow(bx - 0.8, by + 0.75, 0.06, 1.0)
    hand = cv.layer()
    hand.poly(_capsule((hx - 0.3, hy + 3.2), 0.3, (hx - 0.6, by + 3.2), 0.22))
    cv.comp(hand, 0.02)


def _writer(cv: _Canvas):
    """Long-faced, in profile, at a typewriter with a sheet in it, a cigarette's smoke rising."""
    _backdrop(cv, 4.8, 3.4, 2.6, 0.38)
    X, Y = cv.X, cv.Y
    fig = cv.layer()
    hx, hy, s = 2.7 + cv.j(0.08), 3.85, 2.1
    _head(fig, hx, hy, s, facing=1, hair="man")
    fig.poly(
        _chaikin(
            [(hx - 1.6, 10.5), (hx - 1.8, 7.0), (hx - 1.0, 6.0), (hx + 0.6, 6.0), (hx + 1.3, 6.8), (hx + 1.2, 10.5)], 2
        )
    )
    fig.poly(_capsule((hx + 0.9, 6.6), 0.3, (hx + 2.3, 7.4), 0.2))
    fm = cv.comp(fig, 0.02)
    _rim(cv, fm, -0.05, 0.0, 0.45)
    # the typewriter, the sheet standing up from the platen, bright in the lamp
    tw = cv.layer()
    tx, ty = 4.6, 7.0
    tw.poly(_chaikin([(tx - 0.2, ty + 1.6), (tx + 0.2, ty), (tx + 3.4, ty), (tx + 3.8, ty + 1.6)], 1))
    tw.rect(tx - 0.3, ty - 0.35, tx + 3.9, ty + 0.05)  # the carriage and platen
    tw.ellipse(tx - 0.35, ty - 0.15, 0.2, 0.22)
    tw.ellipse(tx + 3.95, ty - 0.15, 0.2, 0.22)
    cv.comp(tw, 0.03)
    keys = cv.layer()
    for r in range(3):
        for k in range(9):
            keys.ellipse(tx + 0.35 + k * 0.36 + r * 0.1, ty + 0.55 + r * 0.32, 0.1, 0.07)
    cv.comp(keys, 0.35)
    paper = cv.layer()
    paper.poly([(tx + 0.35, ty - 0.3), (tx + 3.3, ty - 0.3), (tx + 3.15, ty - 3.2), (tx + 0.5, ty - 3.3)])
    cv.comp(paper, 0.82 + 0.1 * _smooth(ty, ty - 3.3, Y))
    lines_ = cv.layer()
    for k in range(9):
        y = ty - 3.0 + k * 0.27
        lines_.line([(tx + 0.75, y), (tx + 2.9 - (0.6 if k % 3 == 2 else 0.0), y)], 0.03)
    cv.comp(lines_, 0.35)
    cig = cv.layer()
    cx_, cy_ = hx + 0.55 * s, hy + 0.32 * s
    cig.line([(cx_, cy_), (cx_ + 0.5, cy_ + 0.1)], 0.06)
    cv.comp(cig, 0.7)
    cv.glow(cx_ + 0.5, cy_ + 0.1, 0.04, 1.0)
    t = np.clip((cy_ - Y) / 3.0, 0, 1)
    smoke = np.exp(-(((X - cx_ - 0.55 - 0.3 * np.sin(Y * 3.0) * t) / (0.04 + 0.3 * t)) ** 2)) * (cy_ > Y) * (1 - t)
    cv.img += (0.18 * smoke * np.clip(0.7 + 0.5 * cv.noise(10, 12), 0, None)).astype(_F32)


_DRAW = {
    "trumpet": _trumpet,
    "tenor": _tenor,
    "piano": _piano,
    "bass": _bass,
    "drums": _drums,
    "director": _director,
    "actress": _actress,
    "actor": _actor,
    "camera": _camera,
    "writer": _writer,
}

SUBJECTS: tuple[str, ...] = tuple(_DRAW)


def draw_portrait(subject: str, *, seed: int, size: tuple[int, int] = (600, 750)) -> Image.Image:
    """A portrait card of the given subject (one of SUBJECTS): mode "L", exactly ``size``, deterministic.

    Raises ValueError for an unknown subject.
    """
    try:
        fn = _DRAW[subject]
    except (KeyError, TypeError):
        raise ValueError(f"unknown portrait subject {subject!r}; known subjects: {', '.join(SUBJECTS)}") from None
    cv = _Canvas(size, seed, frame=(8.0, 10.0))
    fn(cv)
    return _finish(cv)


_ = (_sag,)  # kept importable for new subjects
