"""Drawn black-and-white film stills for the demo listening guide.

The images of Louis Malle's *Ascenseur pour l'échafaud* (1958) are under
copyright, so the demo ships stills that are *drawn* here with Pillow and
numpy instead: night-time Paris in the manner of Henri Decaë's photography —
deep blacks, hard pools of light, halation round the lamps, film grain and a
slight vignette.

Public interface (used by the drawing tool, listening.demo.tools.draw)::

    LOOKS                                   # names of the scenes that can be drawn
    draw_still(look, *, seed, size=(1280, 720))   -> PIL.Image.Image (mode "L")

The portrait cards (listening.demo.tools.portraits) are drawn with the same
canvas, figures and print.

Everything is deterministic: all randomness comes from
``numpy.random.default_rng(seed)``, so the same arguments always give the same
pixels.

Drawing model
-------------
Scenes are composed in a *virtual frame* of 16 × 9 units (portraits: 8 × 10)
that is scaled to cover the requested size and centred (like pan-and-scan),
so one unit is the same number of pixels horizontally and vertically and
circles stay round at any size.  Shapes are drawn with ``ImageDraw`` onto 2×
supersampled layers (anti-aliasing), composited into a float luminance buffer,
light is added with numpy gradients and Gaussian glows, and a final "print"
pass adds halation, a film tone curve, vignette, grain and the odd speck of
dust.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

__all__ = ["LOOKS", "draw_still"]

_F32 = np.float32


# ---------------------------------------------------------------------------
# small maths helpers
# ---------------------------------------------------------------------------


def _smooth(e0: float, e1: float, x):
    """Hermite smoothstep from e0 to e1 (works for e0 > e1 too)."""
    t = np.clip((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def _bezier(p0, p1, p2, n: int = 24):
    """Points on a quadratic Bézier curve."""
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        out.append((a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]))
    return out


def _sag(p0, p1, sag: float, n: int = 24):
    """A hanging line (parabolic sag) from p0 to p1."""
    out = []
    for i in range(n + 1):
        t = i / n
        out.append((p0[0] + (p1[0] - p0[0]) * t, p0[1] + (p1[1] - p0[1]) * t + 4 * sag * t * (1 - t)))
    return out


def _rot(pts, cx, cy, deg):
    """Rotate points about (cx, cy) by deg (clockwise on screen)."""
    a = math.radians(deg)
    ca, sa = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]


def _chaikin(pts, n: int = 3, closed: bool = True):
    """Round off a polygon by Chaikin corner cutting (organic silhouettes)."""
    pts = list(pts)
    for _ in range(n):
        out = []
        m = len(pts) if closed else len(pts) - 1
        if not closed:
            out.append(pts[0])
        for i in range(m):
            (x0, y0), (x1, y1) = pts[i], pts[(i + 1) % len(pts)]
            out.append((0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1))
            out.append((0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1))
        if not closed:
            out.append(pts[-1])
        pts = out
    return pts


def _capsule(p0, r0, p1, r1, n: int = 10):
    """Outline of a tapered limb: the hull of two circles."""
    (x0, y0), (x1, y1) = p0, p1
    a = math.atan2(y1 - y0, x1 - x0)
    out = []
    for k in range(n + 1):
        t = a + math.pi / 2 + math.pi * k / n
        out.append((x0 + r0 * math.cos(t), y0 + r0 * math.sin(t)))
    for k in range(n + 1):
        t = a - math.pi / 2 + math.pi * k / n
        out.append((x1 + r1 * math.cos(t), y1 + r1 * math.sin(t)))
    return out


def _box1d(a: np.ndarray, r: int, axis: int, causal: bool = False) -> np.ndarray:
    """Fast box blur of a 2-D array along one axis (motion blur, streaks)."""
    r = int(r)
    if r < 1:
        return a
    n = a.shape[axis]
    c = np.cumsum(a, axis=axis, dtype=np.float64)
    zero_shape = list(a.shape)
    zero_shape[axis] = 1
    c = np.concatenate([np.zeros(zero_shape), c], axis=axis)
    idx = np.arange(n)
    if causal:  # mean of the r pixels *before* (and at) each pixel
        lo, hi = np.clip(idx - r + 1, 0, n), idx + 1
    else:
        lo, hi = np.clip(idx - r, 0, n), np.clip(idx + r + 1, 0, n)
    out = (np.take(c, hi, axis=axis) - np.take(c, lo, axis=axis)) / (2 * r + 1 if not causal else r)
    return out.astype(_F32)


class _Quad:
    """Projective map from the unit square (u, v) onto a quadrilateral.

    Corners are given as (u, v) = (0, 0), (1, 0), (1, 1), (0, 1), i.e.
    top-left, top-right, bottom-right, bottom-left of a plane in perspective.
    """

    def __init__(self, p00, p10, p11, p01):
        rows, rhs = [], []
        for (u, v), (x, y) in zip(((0, 0), (1, 0), (1, 1), (0, 1)), (p00, p10, p11, p01), strict=True):
            rows.append([u, v, 1, 0, 0, 0, -u * x, -v * x])
            rhs.append(x)
            rows.append([0, 0, 0, u, v, 1, -u * y, -v * y])
            rhs.append(y)
        h = np.linalg.solve(np.array(rows, float), np.array(rhs, float))
        self.h = np.append(h, 1.0).reshape(3, 3)

    def __call__(self, u: float, v: float):
        x, y, w = self.h @ (u, v, 1.0)
        return (x / w, y / w)

    def quad(self, u0, v0, u1, v1):
        return [self(u0, v0), self(u1, v0), self(u1, v1), self(u0, v1)]

    def scale(self, u: float, v: float) -> float:
        """Approximate local size of one unit of v (for line widths)."""
        a, b = self(u, v - 0.01), self(u, v + 0.01)
        return math.hypot(b[0] - a[0], b[1] - a[1]) / 0.02


# ---------------------------------------------------------------------------
# canvas and layers
# ---------------------------------------------------------------------------


class _Layer:
    """Shapes in virtual units on a supersampled coverage (and value) image.

    ``a`` is coverage; ``v`` (when ``values``) is the premultiplied grey value
    so one layer can hold shapes of different tones.
    """

    def __init__(self, cv: _Canvas, values: bool = False):
        self.cv = cv
        size = (cv.W * cv.ss, cv.H * cv.ss)
        self.a = Image.new("L", size, 0)
        self.da = ImageDraw.Draw(self.a)
        self.v = Image.new("L", size, 0) if values else None
        self.dv = ImageDraw.Draw(self.v) if values else None

    # coordinate conversion -------------------------------------------------
    def _p(self, pts):
        cv = self.cv
        k = cv.u * cv.ss
        ox, oy = cv.ox * cv.ss, cv.oy * cv.ss
        return [(ox + x * k, oy + y * k) for x, y in pts]

    def _fill(self, v, a):
        fa = int(round(255 * min(max(a, 0.0), 1.0)))
        fv = int(round(255 * min(max((v or 0.0) * a, 0.0), 1.0)))
        return fa, fv

    # primitives --------------------------------------------------------------
    def poly(self, pts, v=None, a=1.0):
        fa, fv = self._fill(v, a)
        p = self._p(pts)
        self.da.polygon(p, fill=fa)
        if self.dv is not None:
            self.dv.polygon(p, fill=fv)
        return self

    def rect(self, x0, y0, x1, y1, v=None, a=1.0):
        return self.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], v, a)

    def ellipse(self, cx, cy, rx, ry=None, v=None, a=1.0):
        ry = rx if ry is None else ry
        fa, fv = self._fill(v, a)
        (x0, y0), (x1, y1) = self._p([(cx - rx, cy - ry), (cx + rx, cy + ry)])
        if x1 - x0 < 0.5 or y1 - y0 < 0.5:
            return self
        self.da.ellipse([x0, y0, x1, y1], fill=fa)
        if self.dv is not None:
            self.dv.ellipse([x0, y0, x1, y1], fill=fv)
        return self

    def line(self, pts, w, v=None, a=1.0, caps=True):
        fa, fv = self._fill(v, a)
        p = self._p(pts)
        wp = max(1, int(round(w * self.cv.u * self.cv.ss)))
        self.da.line(p, fill=fa, width=wp, joint="curve")
        if self.dv is not None:
            self.dv.line(p, fill=fv, width=wp, joint="curve")
        if caps and wp > 2:
            for x, y in (pts[0], pts[-1]):
                self.ellipse(x, y, w / 2, w / 2, v, a)
        return self

    def text(self, xy, s, font, v=None, a=1.0, anchor="mm"):
        fa, fv = self._fill(v, a)
        (p,) = self._p([xy])
        self.da.text(p, s, fill=fa, font=font, anchor=anchor)
        if self.dv is not None:
            self.dv.text(p, s, fill=fv, font=font, anchor=anchor)
        return self


class _Canvas:
    """A float luminance buffer with a virtual, aspect-preserving frame."""

    def __init__(self, size, seed: int, frame=(16.0, 9.0)):
        W, H = int(size[0]), int(size[1])
        if W < 1 or H < 1:
            raise ValueError(f"size must be positive, got {size!r}")
        self.W, self.H = W, H
        self.VW, self.VH = frame
        self.u = max(W / self.VW, H / self.VH)  # pixels per virtual unit
        self.ox = (W - self.VW * self.u) / 2.0
        self.oy = (H - self.VH * self.u) / 2.0
        self.ss = 2 if W * H <= 2_400_000 else 1
        self.rng = np.random.default_rng(seed)
        self.img = np.zeros((H, W), _F32)
        self.X = ((np.arange(W, dtype=_F32) + 0.5 - self.ox) / self.u)[None, :]
        self.Y = ((np.arange(H, dtype=_F32) + 0.5 - self.oy) / self.u)[:, None]

    # random helpers ------------------------------------------------------------
    def j(self, s: float = 1.0) -> float:
        """A small random jitter in [-s, s]."""
        return float(self.rng.uniform(-s, s))

    # layers ------------------------------------------------------------------
    def layer(self, values: bool = False) -> _Layer:
        return _Layer(self, values)

    def arr(self, im: Image.Image, blur: float = 0.0) -> np.ndarray:
        if self.ss > 1:
            im = im.reduce(self.ss)
        if blur > 0:
            im = im.filter(ImageFilter.GaussianBlur(blur * self.u))
        return np.asarray(im, dtype=_F32) * (1.0 / 255.0)

    def blur(self, a: np.ndarray, r: float, scale: float = 1.0) -> np.ndarray:
        """Gaussian blur of a float array (0..scale) with radius r in units."""
        q = np.clip(a * (255.0 / scale), 0, 255).astype(np.uint8)
        im = Image.fromarray(q, "L").filter(ImageFilter.GaussianBlur(max(r * self.u, 0.1)))
        return np.asarray(im, dtype=_F32) * (scale / 255.0)

    def comp(self, layer: _Layer, v=None, blur: float = 0.0, opacity: float = 1.0):
        """Paint a layer over the image; ``v`` is a grey value (scalar/array)
        or None to use the layer's own values.  Returns the coverage."""
        a = self.arr(layer.a, blur)
        if opacity != 1.0:
            a = a * opacity
        if v is None:
            pv = self.arr(layer.v, blur)
            if opacity != 1.0:
                pv = pv * opacity
            self.img *= 1.0 - a
            self.img += pv
        else:
            self.img += (v - self.img) * a
        return a

    def light(self, layer_or_arr, amount, blur: float = 0.0):
        """Add light (additive) through a layer's coverage or an array."""
        if isinstance(layer_or_arr, _Layer):
            a = self.arr(layer_or_arr.a, blur)
        else:
            a = self.blur(layer_or_arr, blur) if blur else layer_or_arr
        self.img += a * amount
        return a

    # procedural light --------------------------------------------------------
    def window(self, x0, y0, x1, y1):
        """Pixel slices and coordinate grids covering a virtual-unit box."""
        c0 = int(max(0, math.floor(self.ox + x0 * self.u)))
        c1 = int(min(self.W, math.ceil(self.ox + x1 * self.u)))
        r0 = int(max(0, math.floor(self.oy + y0 * self.u)))
        r1 = int(min(self.H, math.ceil(self.oy + y1 * self.u)))
        if c1 <= c0 or r1 <= r0:
            return None
        return (slice(r0, r1), slice(c0, c1), self.X[:, c0:c1], self.Y[r0:r1, :])

    def glow(self, cx, cy, r, amount, ry=None, power=2.0):
        """Add a soft (Gaussian-like) blob of light."""
        ry = r if ry is None else ry
        w = self.window(cx - 3.5 * r, cy - 3.5 * ry, cx + 3.5 * r, cy + 3.5 * ry)
        if w is None:
            return
        sr, sc, X, Y = w
        d2 = ((X - cx) / r) ** 2 + ((Y - cy) / ry) ** 2
        if power == 2.0:
            self.img[sr, sc] += amount * np.exp(-d2)
        else:
            self.img[sr, sc] += amount * np.exp(-(d2 ** (power / 2)))

    def noise(self, nx: int, ny: int) -> np.ndarray:
        """Smooth value noise (about -1..1) with nx × ny cells over the image."""
        small = self.rng.standard_normal((ny + 3, nx + 3)).astype(_F32)
        im = Image.fromarray(small, "F").resize((self.W, self.H), Image.BICUBIC, box=(1, 1, nx + 2, ny + 2))
        return np.asarray(im, dtype=_F32)

    def noise1d(self, n: int, t: np.ndarray) -> np.ndarray:
        """Smooth 1-D noise sampled at t in [0, 1]."""
        pts = self.rng.standard_normal(n + 1).astype(_F32)
        return np.interp(t, np.linspace(0, 1, n + 1), pts).astype(_F32)

    def rim(self, m: np.ndarray, dx: float, dy: float) -> np.ndarray:
        """Edge of mask m on the side facing direction (-dx, -dy): the part of m
        whose neighbour towards the light is empty (dx, dy in units)."""
        sx = int(round(dx * self.u))
        sy = int(round(dy * self.u))
        s = m
        if sx:
            s = np.roll(s, sx, axis=1)
        if sy:
            s = np.roll(s, sy, axis=0)
        return m * np.clip(1.0 - s, 0.0, 1.0)

    # the print -----------------------------------------------------------------
    def finish(
        self, *, bloom=0.35, bloom_wide=0.22, thresh=0.72, grain=0.05, vignette=0.45, lift=0.012, gamma=1.0, dust=True
    ) -> Image.Image:
        img = self.img
        rng = self.rng
        # halation: the brightest parts spill light (two radii)
        hl = np.clip((img - thresh) / (1.0 - thresh + 1e-6), 0.0, 2.0)
        if bloom or bloom_wide:
            hli = Image.fromarray(np.clip(hl * 127.5, 0, 255).astype(np.uint8), "L")
            if bloom:
                b = hli.filter(ImageFilter.GaussianBlur(0.012 * self.H))
                img += np.asarray(b, dtype=_F32) * (bloom * 2.0 / 255.0)
            if bloom_wide:
                b = hli.filter(ImageFilter.GaussianBlur(0.06 * self.H))
                img += np.asarray(b, dtype=_F32) * (bloom_wide * 2.0 / 255.0)
        # film shoulder: highlights roll off instead of clipping
        img = np.maximum(img, 0.0)
        knee = 0.78
        over = img > knee
        img[over] = knee + (1.0 - knee) * (1.0 - np.exp(-(img[over] - knee) / (1.0 - knee)))
        if gamma != 1.0:
            img **= gamma
        # vignette (on the output frame, not the virtual one)
        xs = np.linspace(-1.0, 1.0, self.W, dtype=_F32)[None, :]
        ys = np.linspace(-1.0, 1.0, self.H, dtype=_F32)[:, None]
        r2 = (xs * xs + ys * ys) * 0.5
        img *= 1.0 - vignette * r2**1.3
        # overall exposure flicker
        img *= 1.0 + rng.uniform(-0.025, 0.025)
        # grain: coarse clumps + fine grain, strongest in the mid-tones
        h2, w2 = self.H // 2 + 2, self.W // 2 + 2
        coarse = Image.fromarray(rng.standard_normal((h2, w2), dtype=_F32), "F").resize(
            (self.W, self.H), Image.BILINEAR, box=(0.5, 0.5, w2 - 1.5, h2 - 1.5)
        )
        g = np.asarray(coarse, dtype=_F32) * 1.15
        g += rng.standard_normal((self.H, self.W), dtype=_F32) * 0.55
        amp = grain * (0.3 + 2.8 * np.clip(img, 0, 1) * (1.0 - np.clip(img, 0, 1)))
        img += g * amp
        if dust:
            self._dust(img)
        img = lift + (1.0 - lift) * img
        out = np.clip(img * 255.0 + 0.5, 0, 255).astype(np.uint8)
        return Image.fromarray(out, "L")

    def _dust(self, img):
        rng = self.rng
        for _ in range(int(rng.integers(1, 5))):
            x = rng.uniform(0, self.VW) if self.VW else 0
            y = rng.uniform(0, self.VH)
            r = rng.uniform(0.008, 0.03)
            sign = 1.0 if rng.random() < 0.6 else -1.0
            w = self.window(x - 4 * r, y - 4 * r, x + 4 * r, y + 4 * r)
            if w is None:
                continue
            sr, sc, X, Y = w
            img[sr, sc] += sign * 0.5 * np.exp(-(((X - x) / r) ** 2 + ((Y - y) / (r * rng.uniform(0.5, 2))) ** 2))
        if rng.random() < 0.25:  # a faint vertical scratch
            col = rng.uniform(0.1, 0.9) * self.W
            rows = np.arange(self.H)
            cols = np.clip((col + 2.0 * np.sin(rows / self.H * rng.uniform(2, 6))).astype(int), 0, self.W - 1)
            seg = (rows > rng.uniform(0, 0.4) * self.H) & (rows < rng.uniform(0.6, 1.0) * self.H)
            img[rows[seg], cols[seg]] += 0.045


# ---------------------------------------------------------------------------
# figures (silhouettes)
# ---------------------------------------------------------------------------

# A face in profile looking to the left, in "head units" (crown to chin ≈ 1),
# origin near the ear.
_PROFILE = [
    (-0.02, -0.56),
    (-0.22, -0.53),
    (-0.36, -0.44),
    (-0.43, -0.30),
    (-0.45, -0.18),
    (-0.48, -0.10),
    (-0.46, -0.05),
    (-0.47, 0.00),
    (-0.53, 0.08),
    (-0.59, 0.14),
    (-0.58, 0.17),
    (-0.50, 0.19),
    (-0.49, 0.22),
    (-0.53, 0.25),
    (-0.50, 0.28),
    (-0.52, 0.31),
    (-0.48, 0.35),
    (-0.46, 0.38),
    (-0.48, 0.43),
    (-0.44, 0.48),
    (-0.30, 0.52),
    (-0.14, 0.48),
    (0.10, 0.36),
    (0.30, 0.20),
    (0.30, -0.30),
]


def _head(L: _Layer, x, y, s, facing=-1, hair="woman", v=None, a=1.0):
    """Profile head. facing=-1 looks left, +1 looks right. (x, y) ≈ ear."""

    def M(px, py):  # local head units → virtual (mirrored when facing right)
        return (x + (px if facing < 0 else -px) * s, y + py * s)

    L.poly([M(px, py) for px, py in _PROFILE], v, a)
    cx, cy = M(0.02, -0.08)
    L.ellipse(cx, cy, 0.47 * s, 0.49 * s, v, a)
    if hair == "woman":  # neck: slender
        L.poly(
            [
                M(px, py)
                for px, py in _chaikin(
                    [
                        (-0.30, 0.44),
                        (-0.05, 0.46),
                        (0.22, 0.22),
                        (0.26, 0.7),
                        (0.30, 1.08),
                        (-0.20, 1.08),
                        (-0.22, 0.7),
                    ],
                    2,
                )
            ],
            v,
            a,
        )
    else:
        L.poly([M(-0.32, 0.42), M(0.05, 0.40), M(0.30, 0.20), M(0.36, 1.05), M(-0.28, 1.05)], v, a)
    if hair == "woman":  # 1950s: volume on top, drawn back, a short flip at the nape
        pts = [
            (-0.40, -0.34),
            (-0.36, -0.58),
            (-0.12, -0.74),
            (0.20, -0.74),
            (0.48, -0.58),
            (0.62, -0.30),
            (0.62, 0.02),
            (0.52, 0.22),
            (0.38, 0.30),
            (0.28, 0.20),
            (0.22, 0.0),
            (0.05, -0.22),
            (-0.20, -0.36),
        ]
        L.poly([M(px, py) for px, py in _chaikin(pts, 3)], v, a)
    elif hair == "man":
        pts = [
            (-0.42, -0.30),
            (-0.36, -0.56),
            (-0.05, -0.66),
            (0.30, -0.60),
            (0.52, -0.36),
            (0.55, 0.0),
            (0.42, 0.22),
            (0.25, 0.10),
            (0.05, -0.25),
        ]
        L.poly([M(px, py) for px, py in _chaikin(pts, 3)], v, a)
    elif hair == "cap":  # peaked watchman's cap
        L.poly(
            [M(-0.40, -0.42), M(-0.36, -0.70), M(0.46, -0.74), M(0.52, -0.40), M(0.40, -0.22), M(-0.30, -0.30)], v, a
        )
        L.poly([M(-0.34, -0.40), M(-0.74, -0.30), M(-0.70, -0.25), M(-0.30, -0.30)], v, a)
    elif hair == "hat":  # fedora
        L.poly([M(-0.34, -0.40), M(-0.28, -0.78), M(0.40, -0.80), M(0.46, -0.40)], v, a)
        L.poly([M(-0.72, -0.36), M(0.72, -0.44), M(0.70, -0.36), M(-0.70, -0.28)], v, a)


def _walker(L: _Layer, x, yf, h, facing=1, phase=0.0, v=None, a=1.0, coat=True):
    """A woman in a belted coat, walking; yf is the feet line, h her height."""
    f = facing

    def P(px, py):  # body units: px across (+ = facing side), py up from the feet
        return (x + px * h * f, yf - py * h)

    # head with a small hat, hair at the nape
    L.ellipse(*P(0.01, 0.925), 0.052 * h, 0.062 * h, v, a)
    L.ellipse(*P(-0.02, 0.9), 0.05 * h, 0.05 * h, v, a)
    L.poly([P(*p) for p in _chaikin([(-0.07, 0.955), (-0.05, 1.0), (0.05, 1.0), (0.08, 0.96)], 2)], v, a)
    L.poly([P(-0.025, 0.87), P(0.03, 0.87), P(0.035, 0.80), P(-0.03, 0.80)], v, a)
    # coat: rounded shoulders, belted, flaring to just below the knee
    coat_pts = [
        (-0.03, 0.835),
        (-0.10, 0.82),
        (-0.125, 0.77),
        (-0.11, 0.62),
        (-0.085, 0.55),
        (-0.12, 0.40),
        (-0.15, 0.29),
        (0.15, 0.29),
        (0.12, 0.42),
        (0.085, 0.55),
        (0.11, 0.65),
        (0.115, 0.77),
        (0.09, 0.82),
        (0.03, 0.835),
    ]
    L.poly([P(*p) for p in _chaikin(coat_pts, 2)], v, a)
    # legs in stride (slender, with heels)
    st = 0.16 + 0.06 * phase
    L.poly(_capsule(P(0.03, 0.31), 0.03 * h, P(st, 0.02), 0.016 * h), v, a)
    L.poly(_capsule(P(-0.03, 0.31), 0.03 * h, P(-st * 0.8, 0.03), 0.016 * h), v, a)
    L.poly([P(st - 0.02, 0.03), P(st + 0.06, 0.0), P(st - 0.02, 0.0)], v, a)
    L.poly([P(-st * 0.8 - 0.03, 0.04), P(-st * 0.8 + 0.04, 0.0), P(-st * 0.8 - 0.03, 0.0)], v, a)
    # arms: one swinging forward, one holding a handbag
    L.poly(_capsule(P(0.07, 0.78), 0.03 * h, P(0.15, 0.52), 0.02 * h), v, a)
    L.poly(_capsule(P(-0.07, 0.78), 0.03 * h, P(-0.12, 0.53), 0.02 * h), v, a)
    L.poly([P(*p) for p in _chaikin([(-0.17, 0.53), (-0.07, 0.53), (-0.08, 0.44), (-0.16, 0.44)], 1)], v, a)


# ---------------------------------------------------------------------------
# the looks
# ---------------------------------------------------------------------------


def _phone_call(cv: _Canvas):
    X, Y = cv.X, cv.Y
    # dark interior: side wall on the left (window), back wall facing us
    corner = 4.3 + cv.j(0.15)
    cv.img[:] = 0.045 + 0.05 * np.exp(-(((X - corner) / 5.0) ** 2)) * _smooth(9.0, 2.0, Y)
    side = cv.layer()
    side.poly([(-0.2, -0.8), (corner, 1.2), (corner, 7.6), (-0.2, 10.2)])
    cv.comp(side, 0.02)

    # window on the side wall, in perspective, with venetian blinds
    q = _Quad((0.55, 0.35), (3.6, 1.75), (3.6, 6.2), (0.55, 8.0))
    glass = cv.layer()
    glass.poly(q.quad(0, 0, 1, 1))
    sky = 0.62 + 0.33 * _smooth(7.5, 1.0, Y) + 0.05 * cv.noise(6, 4)
    cv.comp(glass, sky)
    slats = cv.layer()
    n = 17
    for i in range(n):
        slats.poly(q.quad(0, (i + 0.12) / n, 1, (i + 0.84) / n))
    cv.comp(slats, 0.14 + 0.12 * _smooth(0.5, 4.0, X))
    frame = cv.layer()
    for pts in (
        q.quad(0, 0, 1, 0.012),
        q.quad(0, 0.988, 1, 1),
        q.quad(0, 0, 0.02, 1),
        q.quad(0.98, 0, 1, 1),
        q.quad(0.49, 0, 0.51, 1),
    ):
        frame.poly(pts)
    frame.line([q(0.8, 0), q(0.8, 1)], 0.02)  # blind cord
    cv.comp(frame, 0.02)
    sill = cv.layer()
    sill.poly([q(-0.05, 1.0), q(1.02, 1.0), (3.75, 6.35), (0.2, 8.35)])
    cv.comp(sill, 0.16)

    # the stripes of light thrown across the back wall (and over her)
    d = X - corner
    top = 0.7 + 0.26 * d
    bot = 6.0 + 0.50 * d
    t = (Y - top) / (bot - top)
    bands = 0.5 + 0.5 * np.cos(2 * np.pi * t * n)
    soft = 0.16 + 0.02 * d
    stripes = _smooth(0.35 - soft, 0.35 + soft, bands)
    region = _smooth(0.0, 0.03, t) * _smooth(1.0, 0.97, t) * _smooth(0.0, 0.4, d)
    stripes = (stripes * region * np.exp(-np.clip(d, 0, None) / 16.0)).astype(_F32)
    cv.img += 0.62 * stripes

    # small side table and a 1950s telephone (handset lifted, cradle empty)
    ty = 6.85
    tab = cv.layer()
    tab.poly([(4.9, ty), (9.0, ty - 0.1), (9.35, ty + 0.25), (4.6, ty + 0.33)])
    cv.comp(tab, 0.06 + 0.6 * stripes)
    under = cv.layer()
    under.poly([(4.6, ty + 0.33), (9.35, ty + 0.25), (9.33, ty + 0.55), (4.62, ty + 0.63)])
    for lx_ in (4.85, 9.1):
        under.line([(lx_, ty + 0.5), (lx_ + 0.05, 9.6)], 0.1)
    cv.comp(under, 0.02)
    edge = cv.layer()
    edge.line([(4.6, ty + 0.33), (9.35, ty + 0.25)], 0.035)
    cv.light(edge, 0.3)
    px = 6.4 + cv.j(0.15)
    base_y = ty + 0.12
    ph = cv.layer()
    ph.poly(
        _chaikin(
            [
                (px - 0.78, base_y),
                (px - 0.62, base_y - 0.5),
                (px - 0.3, base_y - 0.74),
                (px + 0.36, base_y - 0.76),
                (px + 0.66, base_y - 0.5),
                (px + 0.82, base_y),
            ],
            2,
        )
    )
    for cx_ in (px - 0.3, px + 0.38):
        ph.poly(_capsule((cx_, base_y - 0.7), 0.06, (cx_ + 0.02, base_y - 0.98), 0.05))
    pm = cv.comp(ph, 0.03 + 0.35 * stripes)
    cv.img += (cv.rim(pm, 0.03, 0.03) * 0.5).astype(_F32)
    dial = cv.layer()
    dial.ellipse(px + 0.02, base_y - 0.36, 0.26, 0.2)
    cv.comp(dial, 0.42 + 0.4 * stripes)
    holes = cv.layer()
    for k in range(10):
        ang = math.radians(200 + k * 28)
        holes.ellipse(px + 0.02 + 0.17 * math.cos(ang), base_y - 0.36 + 0.13 * math.sin(ang), 0.035, 0.03)
    holes.ellipse(px + 0.02, base_y - 0.36, 0.07, 0.055)
    cv.comp(holes, 0.05)

    # the woman: head and shoulders in profile, facing the window, receiver at her ear
    s = 1.45
    ex, ey = 10.9 + cv.j(0.15), 2.75 + cv.j(0.1)
    W = cv.layer()
    _head(W, ex, ey, s, facing=-1, hair="woman")

    def M(px_, py_):
        return (ex + px_ * s, ey + py_ * s)

    body = [
        (-0.22, 0.92),
        (-0.55, 1.05),
        (-0.80, 1.30),
        (-0.88, 1.9),
        (-0.78, 2.7),
        (-0.80, 3.4),
        (-0.95, 4.8),
        (1.25, 4.8),
        (1.10, 3.4),
        (1.02, 2.6),
        (1.12, 1.7),
        (1.0, 1.22),
        (0.6, 1.0),
        (0.28, 0.9),
    ]
    W.poly([M(*p) for p in _chaikin(body, 3)])
    # raised arm: shoulder → elbow (out towards the window) → hand at the jaw
    W.poly(_capsule(M(-0.45, 1.3), 0.17 * s, M(-1.3, 2.45), 0.11 * s))
    W.poly(_capsule(M(-1.3, 2.45), 0.10 * s, M(-0.58, 0.76), 0.07 * s))
    W.poly([M(*p) for p in _chaikin([(-0.62, 0.7), (-0.52, 0.42), (-0.30, 0.30), (-0.22, 0.45), (-0.40, 0.78)], 2)])
    # the handset: ear-piece over the ear, mouth-piece under the chin
    W.line([M(-0.02, 0.02), M(-0.28, 0.32), M(-0.55, 0.52)], 0.12 * s)
    W.ellipse(*M(0.0, -0.01), 0.16 * s, 0.12 * s)
    W.ellipse(*M(-0.58, 0.56), 0.17 * s, 0.12 * s)
    m = cv.comp(W, 0.012 + 0.06 * stripes)
    # rim light on the window side of the profile and arm
    rim = cv.rim(m, 0.05, 0.0) * _smooth(6.5, 4.5, Y)
    cv.light(rim, 0.6, blur=0.012)
    cv.glow(*M(-0.05, 0.6), 0.025, 0.5)  # an earring catching the light

    # the curly cord, from the mouth-piece down to the phone
    c0 = M(-0.66, 0.66)
    c1 = (px + 0.8, base_y - 0.3)
    base = _bezier(c0, (c0[0] - 2.2, c1[1] + 1.6), c1, 400)
    cord = []
    for i, (bx, by) in enumerate(base):
        ph_ = i * 0.55
        cord.append((bx + 0.055 * math.sin(ph_), by + 0.03 * math.cos(ph_)))
    cl = cv.layer()
    cl.line(cord, 0.036, caps=False)
    cv.comp(cl, 0.02 + 0.12 * stripes)
    return {"vignette": 0.5, "bloom": 0.3}


def _office_rope(cv: _Canvas):
    X, Y = cv.X, cv.Y
    rng = cv.rng
    # night sky, glowing faintly from the city below, a little cloud
    cv.img[:] = 0.02 + 0.17 * _smooth(1.0, 10.0, Y) ** 2.0 + 0.03 * cv.noise(5, 3) * _smooth(0, 6, Y)
    # the tower seen from the foot of it: verticals converge upwards
    q = _Quad((7.7 + cv.j(0.1), -0.7), (17.4, -1.9), (19.6, 10.6), (4.3, 9.9))
    fl, bays = 15, 8
    left_edge = ((5.6, -0.4), (0.2, 10.4))
    vp_left = (-30.0, 2.0)
    body = cv.layer()
    body.poly(q.quad(0, 0, 1, 1))
    body.poly([left_edge[0], q(0, 0), q(0, 1), left_edge[1]])
    cv.comp(body, 0.03)
    # side face: darker, its floors running off to a vanishing point on the left
    side = cv.layer(values=True)
    for f in range(fl):
        v0, v1 = f / fl, (f + 1) / fl
        vs = v0 + 0.22 / fl
        c0, c1, cs = q(0, v0), q(0, v1), q(0, vs)
        l0 = _intersect(c0, vp_left, *left_edge)
        l1 = _intersect(c1, vp_left, *left_edge)
        ls = _intersect(cs, vp_left, *left_edge)
        low = v1
        side.poly([l0, c0, cs, ls], 0.05 + 0.12 * low**2)
        for b in range(3):
            t0, t1 = b / 3 + 0.06, (b + 1) / 3 - 0.06

            def lerp(p, r, t):
                return (p[0] + (r[0] - p[0]) * t, p[1] + (r[1] - p[1]) * t)

            side.poly(
                [lerp(cs, ls, t0), lerp(cs, ls, t1), lerp(c1, l1, t1), lerp(c1, l1, t0)],
                0.02 + 0.03 * low + float(rng.uniform(0, 0.02)),
            )
    cv.comp(side)
    # main face: spandrels, ledges, mullions, glass
    spand = cv.layer(values=True)
    glass = cv.layer(values=True)
    lit_f = 9 + int(rng.integers(0, 2))
    lit_b = 2 + int(rng.integers(0, 2))
    for f in range(fl):
        v0 = f / fl
        vs = v0 + 0.24 / fl
        v1 = (f + 1) / fl
        low = v1  # lower floors catch more of the street light
        spand.poly(q.quad(0, v0, 1, vs), 0.09 + 0.22 * low**2.5)
        spand.poly(q.quad(0, vs - 0.035 / fl, 1, vs), 0.25 + 0.5 * low**2.5)  # ledge lip
        for b in range(bays):
            u0 = b / bays + 0.035 / bays
            u1 = (b + 1) / bays - 0.035 / bays
            if f == lit_f and b == lit_b:
                continue
            val = 0.02 + 0.03 * low + float(rng.uniform(0, 0.03))
            if rng.random() < 0.15:
                val += 0.06  # blinds down, catching the street light
            glass.poly(q.quad(u0, vs + 0.01 / fl, u1, v1), val)
    cv.comp(glass)
    cv.comp(spand)
    mull = cv.layer()
    for b in range(bays + 1):
        u = b / bays
        mull.line([q(u, 0), q(u, 1)], 0.035 * q.scale(u, 0.6) / 10.5, caps=False)
    cv.comp(mull, 0.13 + 0.12 * _smooth(2, 9, Y))
    # the sky reflected in the curtain wall: a soft diagonal sheen
    band = (X - 9.0) * 0.55 + (Y - 2.0)
    sheen = 0.05 * np.exp(-(((band - 1.0) / 1.3) ** 2)) * (cv.img < 0.12)
    cv.img += sheen.astype(_F32)
    corner = cv.layer()
    corner.line([q(0, 0), q(0, 1)], 0.04)
    cv.light(corner, 0.2)
    # the one lit window (Julien's office) with its blind and a desk lamp
    u0 = lit_b / bays + 0.035 / bays
    u1 = (lit_b + 1) / bays - 0.035 / bays
    vs = lit_f / fl + 0.25 / fl
    v1 = (lit_f + 1) / fl
    lw = cv.layer()
    lw.poly(q.quad(u0, vs, u1, v1))
    cv.comp(lw, 0.96)
    inner = cv.layer()
    for k in range(5):  # venetian blind, half lowered
        a0 = vs + (k * 0.075) / fl
        inner.poly(q.quad(u0, a0, u1, a0 + 0.045 / fl))
    inner.poly(q.quad(u0 + 0.56 / bays, vs + 0.55 / fl, u0 + 0.6 / bays, v1 - 0.12 / fl))  # lamp stem
    inner.poly(q.quad(u0 + 0.47 / bays, vs + 0.47 / fl, u0 + 0.7 / bays, vs + 0.58 / fl))  # lamp shade
    inner.poly(q.quad(u0, v1 - 0.14 / fl, u1, v1))  # desk
    cv.comp(inner, 0.45)
    cx, cy = q((u0 + u1) / 2, (vs + v1) / 2)
    cv.glow(cx, cy, 0.9, 0.22)
    cv.glow(cx, cy + 0.9, 1.6, 0.07, ry=1.2)
    # the rope: hooked over the ledge two floors up, hanging past the lit window
    ur = u1 + 0.28 / bays
    top = q(ur, (lit_f - 1) / fl + 0.22 / fl)
    bottom = q(ur + 0.03 / bays, (lit_f + 1) / fl + 0.7 / fl)
    pts = _bezier(top, ((top[0] + bottom[0]) / 2 + 0.15, (top[1] + bottom[1]) / 2), bottom, 40)
    rope = cv.layer()
    rope.line(pts, 0.055)
    rv = cv.comp(rope, 0.6)
    cv.img += (cv.rim(rv, -0.02, 0) * 0.3).astype(_F32)
    hook = cv.layer()
    hx, hy = top
    hook.line([(hx - 0.1, hy - 0.1), (hx - 0.07, hy + 0.01), (hx, hy + 0.03)], 0.04)
    hook.line([(hx + 0.1, hy - 0.12), (hx + 0.07, hy + 0.01), (hx, hy + 0.03)], 0.04)
    cv.comp(hook, 0.45)
    # a Paris lamp-post in the bottom left corner, close to camera
    lx, ly = 1.6 + cv.j(0.2), 6.6
    post = cv.layer()
    post.line([(lx, ly + 0.4), (lx + 0.12, 9.8)], 0.16)
    post.poly([(lx - 0.32, ly - 0.15), (lx + 0.32, ly - 0.15), (lx + 0.18, ly + 0.45), (lx - 0.18, ly + 0.45)])
    post.poly([(lx - 0.36, ly - 0.15), (lx, ly - 0.5), (lx + 0.36, ly - 0.15)])
    cv.comp(post, 0.015)
    cv.glow(lx, ly + 0.1, 0.18, 1.3, ry=0.24)
    cv.glow(lx, ly + 0.1, 1.0, 0.2)
    return {"vignette": 0.5}


def _lift_cage(cv: _Canvas):
    X, Y = cv.X, cv.Y
    cv.img[:] = 0.01
    # one hard bulb above, to the left of the camera
    lx, ly = 0.8 + cv.j(0.4), -1.6
    dist = np.sqrt((X - lx) ** 2 + (Y - ly) ** 2)
    light = np.exp(-dist / 3.8).astype(_F32)
    # the gate plane in perspective, its left end nearest to us
    q = _Quad((-0.2, -1.0), (11.4, 1.1), (11.4, 7.7), (-0.2, 10.2))
    # --- beyond the gate: the shaft ---
    # the sill of the landing above, a slit of light under its door
    sl = cv.layer()
    sl.poly([(-0.5, 1.35), (12.0, 1.9), (12.0, 2.25), (-0.5, 1.8)])
    cv.comp(sl, 0.05)
    slit = cv.layer()
    slit.poly([(-0.5, 1.22), (12.0, 1.8), (12.0, 1.86), (-0.5, 1.3)])
    cv.light(slit, 0.85)
    cv.glow(5.0, 1.55, 3.0, 0.06, ry=0.5)
    # brick-lined shaft wall, barely there
    bricks = (np.sin(Y * 2 * np.pi / 0.32) > 0.92) | (
        np.sin((X + 0.4 * (np.floor(Y / 0.32) % 2)) * 2 * np.pi / 0.8) > 0.97
    )
    cv.img += (0.025 * bricks * _smooth(1.9, 3.0, Y) * (light * 3)).astype(_F32)
    # the hoisting cables and a guide rail, catching a little of the bulb
    far = cv.layer()
    cx = 6.9 + cv.j(0.3)
    for k in range(3):
        far.line([(cx + 0.22 * k, -0.5), (cx + 0.3 + 0.22 * k, 9.5)], 0.09)
    far.rect(9.6, -0.5, 9.85, 9.5)
    m_far = cv.comp(far, 0.035)
    twist = 0.5 + 0.5 * np.sin((Y * 10.0 - X * 4.0) * 2.2)
    cv.img += (cv.rim(m_far, 0.03, 0.0) * (0.3 + 0.5 * twist) * (0.25 + 2.5 * light)).astype(_F32)

    # --- the scissor gate ---
    N, rows = 8, 6
    lat = cv.layer()
    riv = []
    for i in range(N + 1):
        u = i / N
        w = 0.13 * q.scale(u, 0.5) / 9.0
        lat.line([q(u, -0.02), q(u, 1.02)], w, caps=False)
    for i in range(N):
        u0, u1 = i / N, (i + 1) / N
        w = 0.085 * q.scale(u0, 0.5) / 9.0
        for k in range(-1, rows + 1):
            v0, v1 = k / rows, (k + 1) / rows
            lat.line([q(u0, v0), q(u1, v1)], w, caps=False)
            lat.line([q(u0, v1), q(u1, v0)], w, caps=False)
            riv.append((q((u0 + u1) / 2, (v0 + v1) / 2), w))
            riv.append((q(u0, v0), w))
    for v in (0.0, 1.0):
        lat.line([q(-0.02, v), q(1.02, v)], 0.2 * q.scale(0.5, v) / 9.0)
    m = cv.arr(lat.a)
    # the lattice's shadow, thrown large and soft onto the shaft wall
    small = Image.fromarray((m * 255).astype(np.uint8), "L")
    A = small.size
    shadow = small.transform(
        A, Image.AFFINE, (0.72, 0.0, 0.04 * A[0], 0.0, 0.72, 0.12 * A[1]), resample=Image.BILINEAR
    ).filter(ImageFilter.GaussianBlur(0.04 * cv.u))
    sh = np.asarray(shadow, dtype=_F32) / 255.0
    cv.img += ((1.0 - sh) * 0.10 * _smooth(11.4, 9.5, X) * _smooth(2.0, 3.0, Y) * (0.3 + 2.0 * light)).astype(_F32)
    cv.img *= 1.0 - m
    cv.img += m * (0.03 + 1.15 * light)
    cv.img += (cv.rim(m, 0.035, 0.035) * 1.4 * light + cv.rim(m, -0.03, 0.0) * 0.06).astype(_F32)
    rv = cv.layer()
    for (px, py), w in riv:
        rv.ellipse(px - w * 0.15, py - w * 0.15, w * 0.45, w * 0.45)
    cv.img += (cv.arr(rv.a) * 1.2 * light).astype(_F32)

    # the cage's side wall on the right with its button plate
    wall = cv.layer()
    wall.poly([(11.45, 1.1), (17.0, -1.2), (17.0, 10.2), (11.45, 7.7)])
    cv.comp(wall, 0.015 + 0.05 * _smooth(16.5, 11.5, X) * _smooth(9, 3, Y))
    edge = cv.layer()
    edge.line([(11.5, 1.1), (11.5, 7.7)], 0.07)
    cv.comp(edge, 0.25)
    plate = cv.layer()
    plate.poly([(12.9, 3.1), (14.1, 2.8), (14.1, 6.55), (12.9, 6.3)])
    cv.comp(plate, 0.26 + 0.1 * _smooth(6.5, 3.0, Y))
    btn = cv.layer()
    ring = cv.layer()
    for r in range(5):
        for c in range(2):
            x = 13.25 + c * 0.5
            y = 3.65 + r * 0.58 - c * 0.1
            btn.ellipse(x, y, 0.14, 0.15)
            ring.ellipse(x - 0.04, y - 0.04, 0.06, 0.06)
    cv.comp(btn, 0.04)
    cv.light(ring, 0.5)
    cv.glow(13.75, 5.87, 0.09, 1.0)  # the one lit button: stuck between floors
    cv.glow(13.75, 5.87, 0.4, 0.12)
    return {"vignette": 0.55, "bloom": 0.3}


def _car_side(L: _Layer, x0, yg, s, v=None, a=1.0, people=True):
    """A 1950s American convertible from the side, facing right, hood down.
    x0 is the rear bumper, yg the ground line, s the scale (car ≈ 10·s long)."""

    def P(px, py):
        return (x0 + px * s, yg - py * s)

    pts = [
        (0.05, 0.55),
        (-0.08, 0.85),
        (-0.04, 1.3),
        (0.05, 1.82),
        (0.22, 1.98),
        (1.8, 1.93),
        (2.7, 1.9),
        (2.9, 1.92),
        (3.1, 2.18),
        (3.5, 2.26),
        (3.95, 2.2),
        (4.2, 1.9),
        (6.2, 1.88),
        (9.0, 1.8),
        (9.6, 1.72),
        (9.95, 1.5),
        (10.1, 1.1),
        (10.15, 0.8),
        (10.05, 0.55),
        (9.0, 0.5),
    ]
    body = [P(*p) for p in pts]
    for k in range(15):
        ang = math.pi * k / 14
        body.append(P(8.15 + 0.86 * math.cos(ang), 0.72 + 0.86 * math.sin(ang)))
    body += [P(7.29, 0.5), P(3.16, 0.5)]
    for k in range(15):
        ang = math.pi * k / 14
        body.append(P(2.3 + 0.86 * math.cos(ang), 0.72 + 0.86 * math.sin(ang)))
    body += [P(1.44, 0.5)]
    L.poly(body, v, a)
    # windscreen frame, seat back, steering wheel
    L.line([P(6.15, 1.86), P(5.55, 2.78)], 0.07 * s, v, a)
    L.line([P(5.55, 2.78), P(5.3, 2.76)], 0.05 * s, v, a)
    L.line([P(6.1, 1.86), P(5.7, 2.7)], 0.03 * s, v, a)
    L.poly([P(4.3, 1.88), P(4.45, 2.45), P(4.75, 2.5), P(4.8, 1.88)], v, a)
    L.line([P(5.5, 2.05), P(5.65, 2.4)], 0.06 * s, v, a)
    if people:  # the two young joy-riders
        _head(L, *P(4.95, 2.85), 0.5 * s, facing=1, hair="man", v=v, a=a)
        L.poly([P(4.55, 2.3), P(4.7, 2.55), P(5.3, 2.55), P(5.45, 2.3)], v, a)
        _head(L, *P(4.2, 2.7), 0.46 * s, facing=1, hair="woman", v=v, a=a)
        L.poly([P(3.85, 2.2), P(3.95, 2.4), P(4.45, 2.42), P(4.6, 2.2)], v, a)


def _stolen_car(cv: _Canvas):
    X, Y = cv.X, cv.Y
    rng = cv.rng
    kerb = 4.95
    yg = 7.55
    cv.img[:] = 0.015 + 0.03 * _smooth(0.0, kerb, Y)
    # the far side of the street: a terrace of stone buildings
    bl = cv.layer(values=True)
    x = -0.5
    tops = []
    while x < 16.5:
        w = float(rng.uniform(2.4, 4.0))
        top = float(rng.uniform(-0.5, 0.6))
        bl.rect(x, top, x + w, kerb, 0.055 + float(rng.uniform(0, 0.025)))
        tops.append((x, w, top))
        x += w
    cv.comp(bl, blur=0.02)
    fac = cv.layer(values=True)
    for x, w, top in tops:
        for row in range(3):
            yy = top + 0.55 + row * 1.05
            if yy + 0.7 > 3.3:
                break
            nx = max(2, int(w / 0.8))
            for c in range(nx):
                wx = x + (c + 0.3) * w / nx
                val = 0.02 if rng.random() < 0.8 else float(rng.uniform(0.3, 0.6))
                fac.rect(wx, yy, wx + 0.3, yy + 0.62, val)
                fac.rect(wx - 0.06, yy + 0.66, wx + 0.36, yy + 0.7, 0.1)  # balcony rail
        fac.rect(x, 3.28, x + w, 3.36, 0.12)  # cornice over the shop fronts
    cv.comp(fac, blur=0.03)
    # a café, lit, right behind the car's cockpit: the heads will read against it
    cafe = cv.layer()
    cx0 = 4.6 + cv.j(0.3)
    cafe.rect(cx0, 3.55, cx0 + 5.4, kerb - 0.15)
    cv.comp(cafe, 0.62 + 0.25 * _smooth(kerb, 3.6, Y), blur=0.02)
    mull = cv.layer()
    for k in range(5):
        mull.rect(cx0 + k * 1.35 - 0.03, 3.55, cx0 + k * 1.35 + 0.03, kerb - 0.15)
    mull.rect(cx0, 4.15, cx0 + 5.4, 4.2)
    for k in range(4):  # customers and chairs inside, out of focus
        px = cx0 + 0.6 + k * 1.3 + cv.j(0.2)
        mull.ellipse(px, 4.25, 0.13, 0.16)
        mull.rect(px - 0.2, 4.4, px + 0.2, kerb - 0.15)
    cv.comp(mull, 0.12, blur=0.045)
    awn = cv.layer()
    awn.poly([(cx0 - 0.3, 3.1), (cx0 + 5.7, 3.1), (cx0 + 6.0, 3.55), (cx0 - 0.6, 3.55)])
    cv.comp(awn, 0.06)
    stripes = cv.layer()
    for k in range(14):
        xa = cx0 - 0.3 + k * 0.43
        stripes.poly([(xa, 3.1), (xa + 0.2, 3.1), (xa + 0.2 + 0.02 * (k - 7), 3.55), (xa + 0.02 * (k - 7), 3.55)])
    cv.comp(stripes, 0.14)
    # Paris street lamps on the far pavement
    lamps = [(1.6 + cv.j(0.3), 2.2), (13.9 + cv.j(0.3), 2.3)]
    post = cv.layer()
    for lx, ly in lamps:
        post.line([(lx, ly + 0.2), (lx, kerb)], 0.08)
        post.poly([(lx - 0.22, ly - 0.1), (lx + 0.22, ly - 0.1), (lx + 0.12, ly + 0.25), (lx - 0.12, ly + 0.25)])
        post.poly([(lx - 0.25, ly - 0.1), (lx, ly - 0.35), (lx + 0.25, ly - 0.1)])
    cv.comp(post, 0.02)
    for lx, ly in lamps:
        cv.glow(lx, ly + 0.07, 0.12, 1.4, ry=0.16)
        cv.glow(lx, ly + 0.07, 0.9, 0.16)
    pav = cv.layer()
    pav.rect(-0.5, kerb - 0.12, 16.5, kerb)
    cv.comp(pav, 0.1)
    # the wet road mirrors the far side of the street
    cv.img[int(max(0, cv.oy + kerb * cv.u)) :] = 0.025
    _reflect(cv, kerb, 0.55, blur=0.06, fall=1.8, ripple=0.35)
    for lx, _ly in lamps:  # long broken trails of the lamps
        w = cv.window(lx - 0.5, kerb, lx + 0.5, 9.5)
        if w:
            sr, sc, Xw, Yw = w
            brk = 0.6 + 0.4 * np.sin(Yw * 23.0 + lx) * np.sin(Yw * 7.0)
            cv.img[sr, sc] += 0.4 * np.exp(-(((Xw - lx) / 0.1) ** 2)) * brk * np.exp(-(Yw - kerb) / 3.0)

    # the car: dark lacquer, a sheen along the shoulder, chrome
    s = 1.28
    x0 = 0.8 + cv.j(0.2)
    car = cv.layer()
    _car_side(car, x0, yg, s)
    m = cv.arr(car.a)

    def H(h):  # a height on the car → y
        return yg - h * s

    sheen = (
        0.04
        + 0.30 * np.exp(-(((Y - H(1.62)) / (0.12 * s)) ** 2))
        + 0.10 * _smooth(H(0.6), H(1.4), Y) * _smooth(H(1.95), H(1.75), Y)
    )
    sheen = sheen * (0.6 + 0.4 * _smooth(x0, x0 + 10 * s, X))
    cv.img = cv.img * (1 - m) + m * sheen.astype(_F32)
    cv.img += (cv.rim(m, 0.0, 0.035) * 0.7).astype(_F32)  # the top edge catching the lamps
    for lx, _ in lamps:  # lamp glints on the flank
        cv.glow(lx + 0.5, H(1.62), 0.5, 0.35, ry=0.06)
    ch = cv.layer()
    ch.line(
        [(x0 + 9.4 * s, H(1.42)), (x0 + 4.0 * s, H(1.42)), (x0 + 2.9 * s, H(1.22)), (x0 + 0.4 * s, H(1.22))], 0.045 * s
    )
    ch.poly(
        [(x0 + 9.7 * s, H(0.62)), (x0 + 10.2 * s, H(0.65)), (x0 + 10.22 * s, H(0.88)), (x0 + 9.8 * s, H(0.9))]
    )  # bumpers
    ch.poly([(x0 - 0.12 * s, H(0.7)), (x0 + 0.4 * s, H(0.66)), (x0 + 0.4 * s, H(0.9)), (x0 - 0.1 * s, H(0.92))])
    ch.line([(x0 + 6.2 * s, H(1.9)), (x0 + 5.6 * s, H(2.77))], 0.02 * s)  # windscreen frame glint
    cv.light(ch, 0.55)
    whl = cv.layer(values=True)
    for wx in (2.3, 8.15):
        cx, cy = x0 + wx * s, H(0.72)
        whl.ellipse(cx, cy, 0.72 * s, 0.72 * s, 0.02)
        whl.ellipse(cx, cy, 0.52 * s, 0.52 * s, 0.3)
        whl.ellipse(cx, cy, 0.40 * s, 0.40 * s, 0.03)
        whl.ellipse(cx, cy, 0.32 * s, 0.32 * s, 0.22)
        whl.ellipse(cx - 0.05 * s, cy - 0.05 * s, 0.16 * s, 0.16 * s, 0.3)
    wm = cv.comp(whl)
    for wx in (2.3, 8.15):
        cv.glow(x0 + wx * s - 0.12 * s, H(0.72) - 0.14 * s, 0.06, 0.8)  # hub-cap glint
    # headlight, its bloom and beam down the road; tail lamp
    hx, hy = x0 + 10.05 * s, H(1.3)
    ang = np.arctan2(Y - hy, X - hx)
    beam = np.exp(-(((ang - 0.1) / 0.12) ** 2)) * (hx < X) * np.exp(-np.clip(X - hx, 0, None) / 6.0)
    cv.img += (0.14 * beam).astype(_F32)
    cv.glow(hx, hy, 0.13, 2.2)
    cv.glow(hx, hy, 0.6, 0.35)
    cv.glow(x0 + 0.05 * s, H(1.6), 0.07, 1.0, ry=0.12)
    # the car in the wet road
    cv.glow(hx + 1.6, yg + 0.3, 1.6, 0.18, ry=0.22)
    _reflect(cv, yg, 0.75, mask=np.clip(m + wm, 0, 1), blur=0.04, fall=1.1, ripple=0.3)
    cv.glow(hx, yg + (yg - hy), 0.1, 0.6, ry=0.4)
    return {"vignette": 0.5, "bloom": 0.35}


def _shop_windows(cv: _Canvas):
    X, Y = cv.X, cv.Y
    rng = cv.rng
    f = 7.0
    vx, vy = 4.6 + cv.j(0.2), 4.5
    eye = 1.6

    def P(xw, yw, z):
        return (vx + f * xw / z, vy + f * (eye - yw) / z)

    cv.img[:] = 0.02 + 0.07 * _smooth(0.0, vy, Y) ** 2 * (vy > Y)
    # the Arc de Triomphe, floodlit, at the top of the avenue
    arc = cv.layer()
    ax, ay, aw = vx - 1.55, vy + 0.02, 0.62
    arc.rect(ax - aw, ay - 1.0, ax + aw, ay)
    arc.rect(ax - aw - 0.05, ay - 0.86, ax + aw + 0.05, ay - 0.78)
    cv.comp(arc, 0.42 + 0.12 * _smooth(ay, ay - 1.0, Y), blur=0.012)
    hole = cv.layer()
    hole.rect(ax - 0.17, ay - 0.52, ax + 0.17, ay)
    hole.ellipse(ax, ay - 0.52, 0.17, 0.15)
    cv.comp(hole, 0.06, blur=0.012)
    cv.glow(ax, ay - 0.5, 1.5, 0.06)
    # the avenue and the pavement, both wet
    ground = cv.layer()
    ground.poly([(-1, vy), (17, vy), (17, 10), (-1, 10)])
    cv.comp(ground, 0.03)
    xk = -1.3
    # traffic far up the avenue
    for _ in range(9):
        z = float(rng.uniform(20, 160))
        xw = float(rng.uniform(-15, -3))
        p = P(xw, 0.7, z)
        d = 0.7 * f / z
        amp = float(rng.uniform(0.4, 0.9)) * min(1.0, 30.0 / z)
        for sgn in (-1, 1):
            cv.glow(p[0] + sgn * d, p[1], 0.02 + 0.3 / z, amp)
    # the facade: dark stone lit from below, windows mostly dark
    face = cv.layer()
    face.poly([P(4.0, 0.0, 1.0), P(4.0, 0.0, 500), P(4.0, 24.0, 500), P(4.0, 24.0, 1.0)])
    cv.comp(face, 0.035 + 0.09 * _smooth(0.0, vy + 1, Y) * _smooth(16, 6, X))
    upper = cv.layer(values=True)
    z = 1.2
    while z < 180:
        for lev in range(4):
            y0 = 5.0 + lev * 3.3
            val = 0.01 if rng.random() < 0.8 else float(rng.uniform(0.18, 0.4))
            upper.poly(
                [P(4.0, y0, z + 1.0), P(4.0, y0, z + 2.3), P(4.0, y0 + 2.1, z + 2.3), P(4.0, y0 + 2.1, z + 1.0)], val
            )
            upper.poly(
                [
                    P(3.8, y0 - 0.1, z + 0.8),
                    P(3.8, y0 - 0.1, z + 2.5),
                    P(3.8, y0 - 0.25, z + 2.5),
                    P(3.8, y0 - 0.25, z + 0.8),
                ],
                0.1,
            )  # balcony
        z += 3.5
    cv.comp(upper, blur=0.01)
    # shop fronts: bright windows, blurred displays, signs, light thrown on the pavement
    shops = cv.layer(values=True)
    inside = cv.layer()
    signs = cv.layer()
    pools = cv.layer()
    refl = cv.layer(values=True)
    z = 5.5 + cv.j(0.5)
    while z < 200:
        w = float(rng.uniform(4.0, 6.5))
        z0, z1 = z + 0.8, z + 0.8 + w
        if rng.random() < 0.85:
            lum = float(rng.uniform(0.75, 1.0))
            shops.poly([P(4.0, 0.35, z0), P(4.0, 0.35, z1), P(4.0, 3.1, z1), P(4.0, 3.1, z0)], lum)
            pools.poly([P(4.0, 0.0, z0), P(4.0, 0.0, z1), P(1.2, 0.0, z1 + 1.2), P(1.2, 0.0, z0 - 0.4)])
            refl.poly([P(4.0, -0.35, z0), P(4.0, -0.35, z1), P(4.0, -2.4, z1), P(4.0, -2.4, z0)], lum)
            for _ in range(int(rng.integers(2, 5))):  # displays and dresses, out of focus
                zm = z0 + float(rng.uniform(0.1, 0.9)) * w
                px, py = P(3.7, 0.35, zm)
                hh = float(rng.uniform(1.1, 1.9)) * f / zm
                inside.ellipse(px, py - hh * 0.9, hh * 0.07, hh * 0.09)
                inside.poly(
                    _chaikin(
                        [
                            (px - hh * 0.1, py - hh * 0.8),
                            (px + hh * 0.1, py - hh * 0.8),
                            (px + hh * 0.16, py - hh * 0.2),
                            (px - hh * 0.16, py - hh * 0.2),
                        ],
                        2,
                    )
                )
            inside.line([P(4.0, 0.35, z0), P(4.0, 0.35, z1)], 0.2 * f / z0, caps=False)  # sill
            if rng.random() < 0.6:
                signs.poly([P(4.0, 3.4, z0 + 0.4), P(4.0, 3.4, z1 - 0.4), P(4.0, 3.8, z1 - 0.4), P(4.0, 3.8, z0 + 0.4)])
        z = z1 + float(rng.uniform(0.6, 1.4))
    cv.comp(shops)
    cv.comp(inside, 0.3, blur=0.035)
    cv.comp(signs, 0.95)
    cv.light(pools, 0.16, blur=0.2)
    r = cv.arr(refl.v, blur=0.04)
    r = _box1d(r, max(1, int(0.25 * cv.u)), axis=0, causal=True)
    rip = 0.88 + 0.12 * np.sin(Y * 70.0 + 5.0 * cv.noise(20, 10))
    cv.img += (0.5 * r * rip).astype(_F32)
    # the kerb
    kerb = cv.layer()
    kerb.line([P(xk, 0.0, 1.0), P(xk, 0.0, 300)], 0.03)
    cv.light(kerb, 0.2)
    # plane trees and lamp-posts along the kerb
    trees = cv.layer()
    z = 8.0 + cv.j(1.0)
    tz = []
    while z < 170:
        tx, ty = P(xk - 0.7, 0.0, z)
        sc = f / z
        trees.line([(tx, ty), (tx + 0.05 * sc, ty - 3.6 * sc)], 0.32 * sc)
        for _ in range(6):
            trees.ellipse(
                tx + float(rng.uniform(-2.0, 2.0)) * sc,
                ty - float(rng.uniform(4.5, 7.5)) * sc,
                float(rng.uniform(1.0, 2.0)) * sc,
                float(rng.uniform(0.8, 1.4)) * sc,
            )
        tz.append(z)
        z += 9.0
    tm = cv.comp(trees, 0.02, blur=0.01)
    cv.img += (cv.rim(tm, -0.03, 0.0) * 0.06).astype(_F32)
    lamps = cv.layer()
    lz = [z + 4.5 for z in tz]
    for z in lz:
        bx, by = P(xk - 0.3, 0.0, z)
        sc = f / z
        lamps.line([(bx, by), (bx, by - 4.2 * sc)], 0.12 * sc)
        lamps.line([(bx - 0.6 * sc, by - 3.9 * sc), (bx + 0.6 * sc, by - 3.9 * sc)], 0.08 * sc)
    cv.comp(lamps, 0.02)
    for z in lz:
        bx, by = P(xk - 0.3, 0.0, z)
        sc = f / z
        fade = min(1.0, 40.0 / z)
        for d_ in (-0.6, 0.6):
            cv.glow(bx + d_ * sc, by - 4.15 * sc, 0.03 + 0.12 * sc, 1.1 * fade)
        cv.glow(bx, by - 4.1 * sc, 0.9 * sc + 0.05, 0.12 * fade)
        w_ = cv.window(bx - 0.3, by, bx + 0.3, 9.6)
        if w_:
            sr, sc_, Xw, Yw = w_
            cv.img[sr, sc_] += (
                0.18
                * np.exp(-(((Xw - bx) / (0.05 + 0.06 * sc)) ** 2))
                * np.exp(-(Yw - by) / (0.3 + 2.5 * sc))
                * (0.7 + 0.3 * np.sin(Yw * 40.0))
            )
    # the lone walker (Florence) and her reflection
    zf = 10.5 + cv.j(0.5)
    wx, wy = P(2.5, 0.0, zf)
    hh = 1.68 * f / zf
    fig = cv.layer()
    _walker(fig, wx, wy, hh, facing=-1, phase=float(rng.uniform(0, 1)))
    cv.comp(fig, 0.012)
    fr = cv.arr(fig.a.transpose(Image.FLIP_TOP_BOTTOM))
    ax_ = int(round(cv.oy + wy * cv.u))
    sh = 2 * ax_ - cv.H
    fr = np.roll(fr, sh, axis=0)
    if sh > 0:
        fr[:sh] = 0
    fr = _box1d(fr, max(1, int(0.03 * cv.u)), axis=0)
    cv.img *= (1.0 - 0.6 * fr * (wy < Y)).astype(_F32)
    return {"vignette": 0.5, "bloom": 0.4, "bloom_wide": 0.25}


def _bar(cv: _Canvas):
    X, Y = cv.X, cv.Y
    rng = cv.rng
    cv.img[:] = 0.03
    # the back bar recedes to the right; its mirror is lit from behind the bottles
    q = _Quad((0.3, 0.35), (12.8, 1.25), (12.8, 4.95), (0.3, 5.35))
    mir = cv.layer()
    mir.poly(q.quad(0, 0, 1, 1))
    zones = sum(np.exp(-(((X - zx) / 2.2) ** 2) - (((Y - 2.8) / 2.4) ** 2)) for zx in (2.3, 6.7, 10.8))
    lum = 0.30 + 0.55 * zones + 0.04 * cv.noise(8, 5)
    cv.comp(mir, lum)
    frame = cv.layer()
    for u in (0.0, 0.34, 0.67, 1.0):
        frame.poly(q.quad(u - 0.006, -0.03, u + 0.006, 1.0))
    frame.poly(q.quad(-0.01, -0.06, 1.01, 0.0))
    cv.comp(frame, 0.02)
    # shelves and bottles (some dark, some glowing glass)
    shelves = (0.42, 0.76, 1.0)
    bot = cv.layer(values=True)
    hil = cv.layer()
    for sv in shelves:
        u = 0.012
        while u < 0.98:
            bx, by = q(u, sv)
            sc = q.scale(u, 0.5) / q.scale(0.0, 0.5)
            kind = int(rng.integers(0, 4))
            h = float(rng.uniform(0.9, 1.4)) * sc * (0.8 if sv == 1.0 else 1.0)
            w = float(rng.uniform(0.26, 0.36)) * sc
            val = 0.02 if rng.random() < 0.6 else float(rng.uniform(0.12, 0.3))
            _bottle(bot, bx + w * 0.7, by, h, w, kind, val)
            hil.line([(bx + w * 0.45, by - h * 0.08), (bx + w * 0.45, by - h * 0.55)], 0.022 * sc)
            u += (w * (1.6 if kind in (1, 3) else 1.15) + float(rng.uniform(0.02, 0.3)) * sc) / 12.5
    cv.comp(bot, blur=0.008)
    cv.light(hil, 0.22, blur=0.01)
    sh = cv.layer()
    for sv in shelves[:2]:
        sh.poly(q.quad(0, sv, 1, sv + 0.014))
    cv.comp(sh, 0.9)
    # pendant lamp hanging into the frame on the right, its cone onto the counter
    lx = 14.3 + cv.j(0.15)
    cv.glow(lx, 1.6, 1.8, 0.08)  # its halo on the wall behind
    lamp = cv.layer()
    lamp.line([(lx, -0.5), (lx, 1.35)], 0.035)
    lamp.poly(_chaikin([(lx - 0.25, 1.25), (lx + 0.25, 1.25), (lx + 1.0, 2.5), (lx - 1.0, 2.5)], 1))
    lm = cv.comp(lamp, 0.03 + 0.12 * _smooth(1.2, 2.5, Y) * np.exp(-(((X - lx + 0.3) / 0.5) ** 2)))
    cv.img += (cv.rim(lm, 0.03, 0.0) * 0.35 + cv.rim(lm, -0.03, 0.0) * 0.2).astype(_F32)
    spread = 1.0 + 0.45 * np.clip(Y - 2.5, 0, None)
    cone = np.clip(1.0 - np.abs(X - lx) / spread, 0, 1) ** 0.7 * (Y > 2.5)
    cv.img += (0.09 * cone * np.exp(-np.clip(Y - 2.5, 0, None) / 2.5) * (0.85 + 0.15 * cv.noise(10, 6))).astype(_F32)
    cv.glow(lx, 2.52, 0.95, 1.0, ry=0.1)
    cv.glow(lx, 2.4, 0.7, 0.3)
    # the zinc counter, converging on the same vanishing point as the back bar
    vpx, vpy = 48.0, 3.7

    def edge(y0):  # a line from (-0.5, y0) to the vanishing point
        return lambda x: y0 + (vpy - y0) * (x + 0.5) / (vpx + 0.5)

    back, front = edge(5.95), edge(7.25)
    ctr = cv.layer()
    ctr.poly([(-0.5, back(-0.5)), (16.5, back(16.5)), (16.5, front(16.5)), (-0.5, front(-0.5))])
    zinc = 0.16 + 0.55 * np.exp(-(((X - lx) / 1.6) ** 2)) + 0.12 * _smooth(0, 12, X)
    cv.comp(ctr, zinc)
    lip = cv.layer()
    lip.line([(-0.5, front(-0.5)), (16.5, front(16.5))], 0.09)
    cv.comp(lip, 0.45 + 0.5 * np.exp(-(((X - lx) / 2.2) ** 2)))
    panel = cv.layer()
    panel.poly([(-0.5, front(-0.5) + 0.05), (16.5, front(16.5) + 0.05), (16.5, 10), (-0.5, 10)])
    cv.comp(panel, 0.035 + 0.12 * np.exp(-(((X - lx) / 2.0) ** 2)) * _smooth(9.0, 6.0, Y))
    grooves = cv.layer()
    for k in range(14):
        gx = -0.5 + k * 1.3
        grooves.line([(gx, front(gx) + 0.15), (gx, 10)], 0.03)
    cv.comp(grooves, 0.015)
    rail = cv.layer()
    rail.line([(-0.5, edge(9.3)(-0.5)), (16.5, edge(9.3)(16.5))], 0.1)
    cv.comp(rail, 0.3 + 0.3 * np.exp(-(((X - lx) / 2.5) ** 2)))
    # on the counter: a glass in the lamp light, and a hat left behind
    gx = lx - 1.3
    gy = (back(gx) + front(gx)) / 2
    gl = cv.layer()
    gl.poly([(gx - 0.17, gy - 0.6), (gx + 0.17, gy - 0.6), (gx + 0.13, gy), (gx - 0.13, gy)])
    cv.comp(gl, 0.2)
    hi = cv.layer()
    hi.line([(gx - 0.1, gy - 0.55), (gx - 0.08, gy - 0.06)], 0.03)
    hi.line([(gx - 0.14, gy - 0.3), (gx + 0.14, gy - 0.3)], 0.02)
    cv.light(hi, 0.55)
    cv.glow(gx - 0.09, gy - 0.5, 0.04, 0.8)
    hx = 9.2
    hy = (back(hx) + front(hx)) / 2 + 0.1
    hat = cv.layer()
    hat.ellipse(hx, hy, 0.72, 0.14)
    hat.poly(
        _chaikin([(hx - 0.42, hy), (hx - 0.36, hy - 0.46), (hx, hy - 0.36), (hx + 0.38, hy - 0.5), (hx + 0.44, hy)], 1)
    )
    hm = cv.comp(hat, 0.03)
    cv.img += (cv.rim(hm, 0.0, 0.03) * 0.3 + cv.rim(hm, -0.03, 0) * 0.2).astype(_F32)
    # a bar stool in the foreground
    sx = 3.0 + cv.j(0.2)
    st = cv.layer()
    st.ellipse(sx, 7.55, 1.0, 0.24)
    st.rect(sx - 1.0, 7.55, sx + 1.0, 7.85)
    st.ellipse(sx, 7.85, 1.0, 0.24)
    st.poly([(sx - 0.1, 8.0), (sx + 0.1, 8.0), (sx + 0.14, 10), (sx - 0.14, 10)])
    st.ellipse(sx, 9.05, 0.62, 0.11)
    sm_ = cv.comp(st, 0.015)
    top = cv.layer()
    top.ellipse(sx, 7.54, 1.0, 0.24)
    cv.img += (cv.rim(cv.arr(top.a), 0.0, 0.035) * 0.55 + cv.rim(sm_, 0.035, 0.0) * 0.15).astype(_F32)
    ring = cv.layer()
    ring.line(_sag((sx - 0.62, 9.05), (sx + 0.62, 9.05), -0.1, 16), 0.03)
    cv.light(ring, 0.2)
    return {"vignette": 0.5, "bloom": 0.3}


def _motorway(cv: _Canvas):
    X, Y = cv.X, cv.Y
    rng = cv.rng
    f = 9.0
    hc = 1.25
    vx, hz = 8.2 + cv.j(0.2), 3.85 + cv.j(0.1)
    # sky and horizon
    clouds = np.clip(cv.noise(7, 3) * 0.6 + 0.2, 0, 1)
    cv.img[:] = (
        0.02
        + 0.15 * _smooth(0.0, hz, Y) ** 2
        + 0.05 * np.exp(-(((X - vx) / 3.0) ** 2) - ((Y - hz) / 0.6) ** 2)
        + 0.06 * clouds * _smooth(hz, 0.5, Y)
    )
    mx, my = 12.6 + cv.j(0.5), 1.1 + cv.j(0.2)  # the moon behind thin cloud
    cv.glow(mx, my, 0.2, 0.7, power=4)
    cv.glow(mx, my, 1.8, 0.07)
    # the road surface, textured in world space so the perspective is exact
    below = hz + 0.02 < Y
    Z = np.where(below, f * hc / np.maximum(Y - hz, 1e-3), 1e4).astype(_F32)
    XW = ((X - vx) * Z / f).astype(_F32)
    pix = Z / (f * cv.u)  # world metres per pixel
    lanes = (-1.75, 1.85, -5.3)

    def stripe(cx, half):
        return np.clip((half - np.abs(XW - cx)) / pix + 0.5, 0.0, 1.0)

    road = np.clip((XW + 5.6) / pix, 0, 1) * np.clip((2.2 - XW) / pix, 0, 1)
    paint = stripe(lanes[1], 0.08) + stripe(lanes[2], 0.08)
    dash = stripe(lanes[0], 0.07) * np.clip((4.0 - np.mod(Z, 13.0)) / pix, 0, 1)
    paint = np.clip(paint + dash, 0, 1)
    grit = 0.012 * cv.rng.standard_normal(cv.img.shape).astype(_F32)
    albedo = 0.09 + 0.05 * road + 0.7 * paint * road + grit * road
    beams = np.exp(-(((XW - 0.6) / (0.9 + 0.10 * Z)) ** 2)) + np.exp(-(((XW + 0.6) / (0.9 + 0.10 * Z)) ** 2))
    lit = 1.9 * beams * _smooth(3.0, 7.0, Z) / (1.0 + (Z / 28.0) ** 2) + 0.05
    cv.img = np.where(below, albedo * lit, cv.img).astype(_F32)
    # dark hedges / verges at the horizon
    hedge = cv.layer()
    pts = [(-0.5, hz + 0.02)]
    for k in range(41):
        x = -0.5 + k * 17.0 / 40
        pts.append((x, hz - 0.08 - 0.15 * abs(math.sin(k * 1.7)) * (1 if abs(x - vx) > 1.5 else 0.2)))
    pts.append((16.5, hz + 0.02))
    hedge.poly(pts)
    cv.comp(hedge, 0.02)
    # plane trees with white-banded trunks either side, and telegraph poles
    far = cv.layer(values=True)
    near = cv.layer(values=True)
    items = []
    for xw in (-7.6, 4.3):
        z = 17.0 + float(rng.uniform(0, 8))
        while z < 260:
            items.append((z, xw, "tree"))
            z += 14.0
    z = 10.0 + float(rng.uniform(0, 12))
    while z < 400:
        items.append((z, -9.5, "pole"))
        z += 45.0
    items.sort(key=lambda t: -t[0])
    poles = []
    for z, xw, kind in items:
        L = near if z < 16 else far
        sc = f / z
        x = vx + xw * sc
        yg = hz + hc * sc
        if kind == "tree":
            beam_here = math.exp(-(((xw * 0.6) / (0.9 + 0.1 * z)) ** 2)) if z > 3 else 0
            side = 1.0 if xw > 0 else -1.0
            L.line([(x, yg), (x + 0.15 * sc * side, yg - 4.6 * sc)], 0.42 * sc, 0.025, caps=False)
            if z >= 16:  # white-painted band round the trunk, caught by the headlights
                band = min(0.9, 0.12 + 2.2 * sc * (0.5 + beam_here))
                L.poly(
                    [
                        (x - 0.23 * sc, yg - 0.1 * sc),
                        (x + 0.23 * sc, yg - 0.1 * sc),
                        (x + 0.23 * sc, yg - 1.25 * sc),
                        (x - 0.23 * sc, yg - 1.25 * sc),
                    ],
                    band,
                )
            cx = x + 0.6 * sc * side
            for _ in range(7):
                L.ellipse(
                    cx + float(rng.uniform(-2.6, 2.6)) * sc,
                    yg - float(rng.uniform(5.2, 8.4)) * sc,
                    float(rng.uniform(1.2, 2.3)) * sc,
                    float(rng.uniform(0.9, 1.7)) * sc,
                    0.018,
                )
            L.line([(x + 0.15 * sc * side, yg - 4.4 * sc), (x + 1.4 * sc * side, yg - 6.0 * sc)], 0.18 * sc, 0.02)
        else:
            L.line([(x, yg), (x, yg - 8.0 * sc)], 0.25 * sc, 0.03)
            L.line([(x - 0.9 * sc, yg - 7.4 * sc), (x + 0.9 * sc, yg - 7.4 * sc)], 0.15 * sc, 0.03)
            poles.append((x, yg - 7.4 * sc, sc))
    # wires sagging between the poles
    for (x0, y0, s0), (x1, y1, s1) in zip(poles, poles[1:], strict=False):
        for dx in (-0.7, 0.7):
            far.line(_sag((x0 + dx * s0, y0), (x1 + dx * s1, y1), 0.35 * max(s0, s1), 12), 0.018, 0.05)
    cv.comp(far)
    # near objects streak past: motion blur sideways
    a = cv.arr(near.a)
    v = cv.arr(near.v)
    k = max(1, int(0.25 * cv.u))
    a = _box1d(a, k, axis=1)
    v = _box1d(v, k, axis=1)
    cv.img = cv.img * (1 - a) + v
    # an oncoming car, far off in the other lane
    zc = 160.0 + cv.j(30)
    sc = f / zc
    for dx in (-0.75, 0.75):
        px, py = vx + (-3.6 + dx) * sc, hz + (hc - 0.65) * sc
        cv.glow(px, py, 0.025, 1.6)
        cv.glow(px, py, 0.25, 0.15)
        w = cv.window(px - 0.1, py, px + 0.1, 9.5)
        if w:
            sr, sc_, Xw, Yw = w
            cv.img[sr, sc_] += 0.25 * np.exp(-(((Xw - px) / 0.03) ** 2)) * np.exp(-(Yw - py) / 1.2)
    # the bonnet of our car in the bottom of frame, a chrome ornament catching the light
    hood = cv.layer()
    hood.poly(_bezier((-0.6, 9.3), (vx, 6.9), (16.6, 9.3), 40) + [(16.6, 10), (-0.6, 10)])
    hm = cv.comp(hood, 0.015 + 0.06 * np.exp(-(((X - vx) / 3.0) ** 2)) * _smooth(9.5, 8.0, Y))
    cv.img += (cv.rim(hm, 0.0, 0.03) * 0.4 * np.exp(-(((X - vx) / 5.0) ** 2))).astype(_F32)
    orn = cv.layer()
    orn.poly(_chaikin([(vx - 0.1, 8.16), (vx + 0.05, 7.98), (vx + 0.45, 7.89), (vx + 0.12, 8.11), (vx + 0.1, 8.18)], 1))
    om = cv.comp(orn, 0.35)
    cv.img += (cv.rim(om, 0.0, 0.02) * 0.6).astype(_F32)
    ridge = cv.layer()
    ridge.line([(vx, 8.15), (vx, 10)], 0.05)
    cv.light(ridge, 0.08)
    return {"vignette": 0.55, "bloom": 0.35}


def _car_rear(L: _Layer, cx, yg, w, v=None, a=1.0):
    """A 1950s car seen from behind (tail fins), centred at cx on ground yg."""
    h = w
    body = [
        (-0.5, 0.16),
        (-0.52, 0.42),
        (-0.5, 0.52),
        (-0.47, 0.66),
        (-0.42, 0.55),
        (0.42, 0.55),
        (0.47, 0.66),
        (0.5, 0.52),
        (0.52, 0.42),
        (0.5, 0.16),
    ]
    L.poly([(cx + px * w, yg - py * h) for px, py in body], v, a)
    cab = [(-0.38, 0.55), (-0.3, 0.84), (0.3, 0.84), (0.38, 0.55)]
    L.poly([(cx + px * w, yg - py * h) for px, py in _chaikin(cab, 2, closed=True)], v, a)
    for s in (-1, 1):
        L.rect(cx + s * 0.38 * w - 0.07 * w, yg - 0.2 * h, cx + s * 0.38 * w + 0.07 * w, yg, v, a)


def _motel(cv: _Canvas):
    X, Y = cv.X, cv.Y
    rng = cv.rng
    hz = 5.3
    cv.img[:] = 0.015 + 0.13 * _smooth(0.0, hz, Y) ** 2.5 + 0.03 * cv.noise(6, 3) * _smooth(hz, 0, Y)
    # poplars on the horizon
    trees = cv.layer()
    x = -0.5
    while x < 16.5:
        w = float(rng.uniform(0.18, 0.45))
        trees.ellipse(x, hz - float(rng.uniform(0.3, 0.9)), w, float(rng.uniform(0.5, 1.1)))
        x += w * float(rng.uniform(1.2, 2.5))
    trees.rect(-0.5, hz - 0.35, 16.5, hz + 0.3)
    cv.comp(trees, 0.02)
    gr = cv.layer()
    gr.rect(-0.5, hz + 0.1, 16.5, 10)
    cv.comp(gr, 0.025)
    # the motel: a long low block receding to the right
    wall = _Quad((3.2, 4.3), (16.8, 4.95), (16.8, 5.95), (3.2, 7.35))
    roof = _Quad((2.7, 3.75), (16.8, 4.6), (16.8, 4.85), (2.7, 4.2))
    wl = cv.layer()
    wl.poly(wall.quad(0, 0, 1, 1))
    cv.comp(wl, 0.10 + 0.06 * _smooth(16, 3, X))
    end = cv.layer()  # the gable end facing us, in shadow
    end.poly([(2.75, 4.2), (3.2, 4.3), (3.2, 7.35), (2.75, 7.25)])
    cv.comp(end, 0.05)
    sh = cv.layer()
    sh.poly(wall.quad(0, 0, 1, 0.2))
    cv.comp(sh, 0.025, blur=0.06)
    fas = cv.layer()
    fas.poly(roof.quad(0, 0, 1, 1))
    cv.comp(fas, 0.35 + 0.35 * _smooth(13, 3, X))
    edge = cv.layer()
    edge.line([roof(0, 0), roof(1, 0)], 0.025)
    cv.light(edge, 0.25)
    # the units: door with a lamp above, a curtained window, slender canopy posts
    units = 7
    doors = cv.layer(values=True)
    wins = cv.layer(values=True)
    posts = cv.layer()
    lamps = []
    for i in range(units):
        u0, u1 = i / units, (i + 1) / units
        uw = u1 - u0
        doors.poly(wall.quad(u0 + 0.12 * uw, 0.30, u0 + 0.34 * uw, 0.97), 0.03)
        doors.poly(wall.quad(u0 + 0.31 * uw, 0.62, u0 + 0.33 * uw, 0.66), 0.5)  # handle
        lit = rng.random() < 0.45
        val = float(rng.uniform(0.5, 0.8)) if lit else 0.04
        wins.poly(wall.quad(u0 + 0.46 * uw, 0.36, u0 + 0.86 * uw, 0.72), val)
        if lit:  # curtain folds
            for k in range(6):
                uu = u0 + (0.48 + k * 0.065) * uw
                wins.poly(wall.quad(uu, 0.36, uu + 0.018 * uw, 0.72), val * 0.7)
        lamps.append((wall(u0 + 0.23 * uw, 0.24), wall.scale(u0 + 0.23 * uw, 0.5)))
        px_, py_ = wall(u0, 1.0)
        _, ry_ = roof(u0, 1.0)
        posts.line(
            [(px_, py_), (px_, ry_ + (roof(u0, 1.0)[0] - px_) * 0)], 0.05 * wall.scale(u0, 0.5) / 3.0, caps=False
        )
    cv.comp(doors)
    cv.comp(wins, blur=0.01)
    for (lx, ly), sc in lamps:
        k = sc / 3.0
        cv.glow(lx, ly, 0.03 + 0.04 * k, 1.2)
        cv.glow(lx, ly + 0.35 * k, 0.3 * k, 0.22, ry=0.6 * k)
    cv.comp(posts, 0.22)
    walk = cv.layer()
    walk.poly([wall(0, 1), wall(1, 1), (16.8, 6.15), (3.0, 7.75)])
    cv.comp(walk, 0.16)
    # the parked car, nose in at one of the doors, seen from behind
    car = cv.layer()
    cxp = 9.3 + cv.j(0.3)
    cw = 1.9
    yg = 7.45
    _car_rear(car, cxp, yg, cw)
    cm = cv.comp(car, 0.025)
    cv.img += (cv.rim(cm, 0.0, 0.03) * 0.5).astype(_F32)
    rw = cv.layer()
    rw.poly(
        [
            (cxp - 0.3 * cw, yg - 0.6 * cw),
            (cxp - 0.24 * cw, yg - 0.74 * cw),
            (cxp + 0.24 * cw, yg - 0.74 * cw),
            (cxp + 0.3 * cw, yg - 0.6 * cw),
        ]
    )
    cv.comp(rw, 0.1 + 0.25 * _smooth(yg - 0.6 * cw, yg - 0.74 * cw, Y))  # rear window: the lit room beyond
    for s_ in (-1, 1):
        cv.glow(cxp + s_ * 0.45 * cw, yg - 0.47 * cw, 0.035, 1.0, ry=0.09)
        cv.glow(cxp + s_ * 0.45 * cw, yg - 0.47 * cw, 0.25, 0.1)
    bump = cv.layer()
    bump.line([(cxp - 0.51 * cw, yg - 0.22 * cw), (cxp + 0.51 * cw, yg - 0.22 * cw)], 0.07)
    bump.rect(cxp - 0.12 * cw, yg - 0.36 * cw, cxp + 0.12 * cw, yg - 0.3 * cw)  # number plate
    cv.light(bump, 0.45)
    # the sign on a tall pole: a glowing panel with a neon border, a smaller one below
    sx = 1.9 + cv.j(0.15)
    pole = cv.layer()
    pole.line([(sx, 1.0), (sx, 8.9)], 0.13)
    pole.rect(sx - 0.25, 8.2, sx + 0.25, 9.0)
    pm = cv.comp(pole, 0.03 + 0.2 * _smooth(6.0, 2.0, Y))
    cv.img += (cv.rim(pm, 0.03, 0.0) * 0.3 * _smooth(8.0, 2.0, Y)).astype(_F32)
    box = cv.layer()
    box.rect(sx - 1.55, 0.5, sx + 1.55, 1.95)
    cv.comp(box, 0.08)
    sg = cv.layer()
    sg.rect(sx - 1.4, 0.64, sx + 1.4, 1.81)
    cv.comp(sg, 0.78)
    tube = cv.layer()
    tube.rect(sx - 1.5, 0.55, sx + 1.5, 1.9)
    inner = cv.layer()
    inner.rect(sx - 1.44, 0.6, sx + 1.44, 1.85)
    tm = np.clip(cv.arr(tube.a) - cv.arr(inner.a), 0, 1)
    cv.img += (tm * 0.9).astype(_F32)
    arrow = cv.layer()
    arrow.poly([(sx + 0.4, 2.2), (sx + 1.6, 2.2), (sx + 2.0, 2.45), (sx + 1.6, 2.7), (sx + 0.4, 2.7)])
    cv.comp(arrow, 0.85)
    cv.glow(sx, 1.25, 2.3, 0.14, ry=1.3)
    cv.glow(sx + 1.2, 2.45, 1.0, 0.08)
    # the wet car park gives everything back
    _reflect(cv, 7.75, 0.35, blur=0.08, fall=1.5, ripple=0.2)
    for (lx, _ly), _sc in lamps:
        w_ = cv.window(lx - 0.3, 7.8, lx + 0.3, 9.6)
        if w_:
            sr, sc_, Xw, Yw = w_
            cv.img[sr, sc_] += 0.12 * np.exp(-(((Xw - lx) / 0.05) ** 2)) * (0.6 + 0.4 * np.sin(Yw * 31.0))
    w_ = cv.window(sx - 2, 7.8, sx + 2, 9.6)
    if w_:
        sr, sc_, Xw, Yw = w_
        cv.img[sr, sc_] += (
            0.2
            * np.exp(-(((Xw - sx) / 1.3) ** 2))
            * _smooth(7.8, 8.4, Yw)
            * (0.7 + 0.3 * np.sin(Yw * 29.0 + 3.0 * np.sin(Xw * 2.3)))
        )
    return {"vignette": 0.5, "bloom": 0.4, "bloom_wide": 0.3}


def _watchman(cv: _Canvas):
    X, Y = cv.X, cv.Y
    # a long office corridor in one-point perspective
    ex0, ey0, ex1, ey1 = 8.9 + cv.j(0.15), 2.9, 12.5, 5.8  # far end wall
    ex1 = ex0 + 3.6
    cx_, cy_ = (ex0 + ex1) / 2, (ey0 + ey1) / 2

    def wall_pt(side, t, depth):
        """A point on a wall edge: side 'l'/'r', t 0=ceiling..1=floor, depth 0=near..1=end wall."""
        nx = -0.5 if side == "l" else 16.5
        fx = ex0 if side == "l" else ex1
        x = nx + (fx - nx) * depth
        top = -0.5 + (ey0 + 0.5) * depth
        bot = 10.0 + (ey1 - 10.0) * depth
        return (x, top + (bot - top) * t)

    cv.img[:] = 0.015
    walls = cv.layer(values=True)
    walls.poly([(-0.5, -0.5), (ex0, ey0), (ex0, ey1), (-0.5, 10.0)], 0.035)  # left wall
    walls.poly([(16.5, -0.5), (ex1, ey0), (ex1, ey1), (16.5, 10.0)], 0.04)  # right wall
    walls.poly([(-0.5, 10.0), (ex0, ey1), (ex1, ey1), (16.5, 10.0)], 0.03)  # floor
    walls.poly([(-0.5, -0.5), (ex0, ey0), (ex1, ey0), (16.5, -0.5)], 0.02)  # ceiling
    walls.rect(ex0, ey0, ex1, ey1, 0.03)  # end wall
    cv.comp(walls)
    # the light bouncing back from the pool lights up the far part of the corridor
    bounce = np.exp(-np.sqrt((X - cx_) ** 2 + ((Y - cy_) * 1.3) ** 2) / 2.6)
    cv.img *= (1.0 + 4.0 * bounce).astype(_F32)
    # door frames and skirting, and ceiling lamps (off)
    det = cv.layer(values=True)
    for side in ("l", "r"):
        for d0, d1 in ((0.18, 0.3), (0.5, 0.58), (0.72, 0.77), (0.85, 0.88)):
            a, b = wall_pt(side, 0.28, d0), wall_pt(side, 0.28, d1)
            c, d = wall_pt(side, 1.0, d1), wall_pt(side, 1.0, d0)
            det.poly([a, b, c, d], 0.012)
            # frosted glass panel in the door
            ga, gb = wall_pt(side, 0.34, d0 + 0.15 * (d1 - d0)), wall_pt(side, 0.34, d1 - 0.15 * (d1 - d0))
            gc, gd = wall_pt(side, 0.56, d1 - 0.15 * (d1 - d0)), wall_pt(side, 0.56, d0 + 0.15 * (d1 - d0))
            det.poly([ga, gb, gc, gd], 0.06)
        det.line([wall_pt(side, 0.97, 0.0), wall_pt(side, 0.97, 1.0)], 0.04, 0.06)
    for dpt in (0.35, 0.65, 0.85):
        x0, y0 = wall_pt("l", 0.0, dpt)
        x1, _ = wall_pt("r", 0.0, dpt)
        r = 0.35 * (1 - dpt) + 0.08
        det.ellipse((x0 + x1) / 2, y0 + r * 0.8, r, r * 0.45, 0.05)
    dm = cv.comp(det)
    cv.img += (cv.rim(dm, -0.02, 0) * 0.15 * bounce).astype(_F32)
    # the end door (frosted glass) where the torch beam lands
    dr = cv.layer()
    dr.rect(cx_ - 0.75, ey0 + 0.55, cx_ + 0.75, ey1)
    cv.comp(dr, 0.06)
    gl = cv.layer()
    gl.rect(cx_ - 0.55, ey0 + 0.75, cx_ + 0.55, ey0 + 1.75)
    cv.comp(gl, 0.14 + 0.03 * cv.noise(40, 25))
    # the torch beam: dusty haze cone and a hard-edged pool on the end wall and door
    tx, ty = 7.55 + cv.j(0.1), 5.55
    px, py = cx_ + 0.1 + cv.j(0.15), ey0 + 1.35
    ang = math.atan2(py - ty, px - tx)
    d = math.hypot(px - tx, py - ty)
    A = np.arctan2(Y - ty, X - tx) - ang
    R = np.sqrt((X - tx) ** 2 + (Y - ty) ** 2)
    dust = 0.75 + 0.25 * cv.noise(16, 10)
    cone = _smooth(0.30, 0.22, np.abs(A)) * (d + 0.2 > R) * _smooth(0.0, 0.6, R) * (0.5 + 0.5 * R / d)
    cv.img += (0.16 * cone * dust).astype(_F32)
    pr = np.sqrt(((X - px) / 1.05) ** 2 + ((Y - py) / 0.85) ** 2)
    pool = _smooth(1.0, 0.88, pr) * (0.35 + 0.65 * np.exp(-pr * pr * 2.0))
    inside_end = ((ex0 < X) & (ex1 > X) & (ey0 < Y) & (ey1 > Y)).astype(_F32)
    cv.img += (pool * inside_end * (cv.img * 8.0 + 0.3)).astype(_F32)
    # the pool mirrored in the polished floor, and its light on the walls nearby
    cv.glow(px, ey1 + 0.8, 0.45, 0.10, ry=1.1)
    cv.glow(px, py, 3.0, 0.04)
    # the night watchman from behind: peaked cap, greatcoat, torch in his right hand
    s = 3.6
    fx, fy = 6.2 + cv.j(0.1), 8.6

    def P(bx, by):
        return (fx + bx * s, fy - by * s)

    man = cv.layer()
    man.ellipse(*P(0.0, 0.905), 0.068 * s, 0.078 * s)
    man.poly(
        [
            P(*p)
            for p in _chaikin(
                [(-0.085, 0.94), (-0.09, 0.99), (-0.06, 1.015), (0.07, 1.02), (0.10, 0.99), (0.09, 0.94)], 2
            )
        ]
    )  # cap crown
    man.poly([P(0.04, 0.955), P(0.15, 0.935), P(0.145, 0.92), P(0.04, 0.93)])  # the peak
    man.poly([P(-0.05, 0.86), P(0.055, 0.86), P(0.06, 0.80), P(-0.05, 0.80)])
    coat = [
        (-0.06, 0.83),
        (-0.17, 0.80),
        (-0.21, 0.74),
        (-0.2, 0.55),
        (-0.19, 0.42),
        (-0.21, 0.22),
        (0.22, 0.22),
        (0.2, 0.42),
        (0.19, 0.55),
        (0.21, 0.74),
        (0.17, 0.80),
        (0.06, 0.83),
    ]
    man.poly([P(*p) for p in _chaikin(coat, 2)])
    man.poly(_capsule(P(-0.07, 0.24), 0.045 * s, P(-0.085, 0.02), 0.038 * s))
    man.poly(_capsule(P(0.07, 0.24), 0.045 * s, P(0.09, 0.02), 0.038 * s))
    man.poly(_capsule(P(-0.17, 0.75), 0.05 * s, P(-0.23, 0.48), 0.038 * s))  # left arm hanging
    man.poly(_capsule(P(0.17, 0.75), 0.05 * s, P(0.25, 0.6), 0.04 * s))  # right arm raised forward
    man.poly(_capsule(P(0.25, 0.6), 0.04 * s, (tx - 0.08, ty + 0.05), 0.03 * s))
    man.poly(_capsule((tx - 0.2, ty + 0.1), 0.05, (tx, ty), 0.06))  # the torch
    mm = cv.comp(man, 0.006)
    cv.img += (cv.rim(mm, -0.03, 0.0) * 0.35 * _smooth(5.5, 8.5, X) + cv.rim(mm, 0.0, 0.03) * 0.08).astype(_F32)
    cv.glow(tx, ty, 0.06, 1.2)
    cv.glow(tx, ty, 0.3, 0.15)
    return {"vignette": 0.6, "bloom": 0.3}


def _stairwell(cv: _Canvas):
    X, Y = cv.X, cv.Y
    # looking straight down a Parisian spiral stairwell
    f = 8.0
    Rr, Rw = 0.55, 1.65
    d0 = 1.25
    rise = 3.0 / (2 * math.pi)  # depth per radian (one floor per turn)
    steps_per_turn = 20
    c0 = np.array([7.4 + cv.j(0.2), 4.2 + cv.j(0.1)])
    cinf = np.array([9.0, 5.1])
    start = math.radians(-35 + cv.j(8))
    win = math.radians(212.0 + cv.j(6))
    plaster = 1.0 + 0.08 * cv.noise(30, 18)
    out = np.full(cv.img.shape, 0.0, _F32)
    todo = np.ones(cv.img.shape, bool)
    XX = np.broadcast_to(X, cv.img.shape)
    YY = np.broadcast_to(Y, cv.img.shape)
    depth_dark = lambda dd: np.exp(-(dd - d0) / 3.2)  # noqa: E731
    for n in range(8):
        idx = np.nonzero(todo)
        if idx[0].size == 0:
            break
        x = XX[idx]
        y = YY[idx]
        dmid = d0 + rise * (2 * math.pi * n + math.pi)
        th = None
        for _ in range(2):
            dguess = dmid if th is None else d0 + rise * th
            k = d0 / dguess
            cx = cinf[0] + (c0[0] - cinf[0]) * k
            cy = cinf[1] + (c0[1] - cinf[1]) * k
            phi = np.mod(np.arctan2(y - cy, x - cx) - start, 2 * math.pi)
            th = phi + 2 * math.pi * n
        d = d0 + rise * th
        r = np.sqrt((x - cx) ** 2 + (y - cy) ** 2)
        rr = f * Rr / d
        rw = f * Rw / d
        rail_r = f * Rr / np.maximum(d - 0.95, 0.2)
        shade = depth_dark(d) * (0.55 + 0.45 * np.cos(phi + start - win + math.pi))
        val = np.zeros_like(r)
        hit = np.zeros(r.shape, bool)
        # the wall (outside the stairs) -- with the high window on the top turn
        wall = r > rw
        dwall = f * Rw / np.maximum(r, 1e-3)
        facing = 0.5 + 0.5 * np.cos(phi + start - win + math.pi)
        wv = (0.05 + 0.42 * facing) * np.exp(-(dwall - d0) / 1.6) * plaster[idx]
        if n == 0:
            aw = np.abs(np.angle(np.exp(1j * (phi + start - win))))
            wwin = (aw < 0.16) & (dwall > 1.5) & (dwall < 2.6)
            bars = (aw < 0.012) | (np.abs(dwall - 2.0) < 0.025)
            wv = np.where(wwin, np.where(bars, 0.08, 1.1), wv)
            # the window's light splashed on the wall around it
            wv = wv + 0.3 * np.exp(-((aw / 0.5) ** 2)) * np.exp(-(((dwall - 2.05) / 0.9) ** 2)) * ~wwin
        val = np.where(wall, wv, val)
        hit |= wall
        # the treads: stone with a dark runner, nosings catching the light
        tread = (r >= rr) & (r <= rw)
        stp = th * steps_per_turn / (2 * math.pi)
        fr = stp - np.floor(stp)
        radial = (r - rr) / np.maximum(rw - rr, 1e-3)
        runner = (radial > 0.3) & (radial < 0.72)
        tv = np.where(runner, 0.22, 0.62)
        tv = tv * (0.75 + 0.25 * fr)  # each step darker near the riser below
        tv = np.where(fr < 0.07, 0.95, tv)  # nosing
        tv = np.where((fr > 0.07) & (fr < 0.14), tv * 0.35, tv)  # its shadow
        # the light from the high window falling across the upper flight
        patch = np.exp(-((np.angle(np.exp(1j * (phi + start - win - 2.4))) / 0.5) ** 2)) * np.exp(-(d - d0) / 1.4)
        val = np.where(tread & ~hit, tv * shade * (1.0 + 1.6 * patch), val)
        hit |= tread
        # balusters (vertical, so they point at the nadir) and the handrail
        bal_phase = np.mod(stp * 2.0, 1.0)
        bal = (r >= rr) & (r <= rail_r) & ((bal_phase < 0.09 * (d0 + 2) / d * 2) | (bal_phase > 0.96))
        val = np.where(bal, 0.04 + 0.3 * shade * (bal_phase > 0.5), val)
        hit |= bal
        rail_w = f * 0.045 / np.maximum(d - 0.95, 0.2)
        rail = np.abs(r - rail_r) < rail_w
        rv = 0.06 + 0.55 * shade * np.clip((r - rail_r) / rail_w + 0.5, 0, 1)
        val = np.where(rail, rv, val)
        hit |= rail
        out[idx] = np.where(hit, val, 0.0)
        newtodo = np.zeros(cv.img.shape, bool)
        newtodo[idx] = ~hit
        todo = newtodo
    cv.img = out
    return {"vignette": 0.55, "bloom": 0.35, "grain": 0.05}


def _darkroom(cv: _Canvas):
    X, Y = cv.X, cv.Y
    # the safelight on the back wall, upper right, and its glow
    sx, sy = 11.9 + cv.j(0.2), 1.55
    halo = np.exp(-np.sqrt((X - sx) ** 2 + ((Y - sy) * 1.2) ** 2) / 2.8)
    cv.img[:] = 0.012 + 0.3 * halo
    light = (0.08 + 0.92 * np.exp(-np.sqrt((X - sx) ** 2 + (Y - sy) ** 2) / 5.5)).astype(_F32)
    box = cv.layer()
    box.rect(sx - 0.75, sy - 0.52, sx + 0.75, sy + 0.52)
    box.line([(sx, sy - 0.52), (sx, sy - 1.6)], 0.05)
    cv.comp(box, 0.04)
    pan = cv.layer()
    pan.rect(sx - 0.6, sy - 0.38, sx + 0.6, sy + 0.38)
    cv.comp(pan, 0.92)
    cv.glow(sx, sy, 1.0, 0.25)
    # the enlarger on the bench, silhouetted against the glow
    ex, bench_y = 13.9 + cv.j(0.1), 6.2
    en = cv.layer()
    en.rect(ex - 1.3, bench_y - 0.12, ex + 0.9, bench_y + 0.05)  # baseboard
    en.rect(ex + 0.45, 0.4, ex + 0.62, bench_y)  # column
    en.poly([(ex - 0.7, 1.55), (ex + 0.5, 1.55), (ex + 0.5, 2.05), (ex - 0.7, 2.05)])  # lamp house
    en.ellipse(ex - 0.1, 1.55, 0.6, 0.32)
    left, right = [], []
    for k in range(7):  # the bellows, pleated
        yb = 2.05 + k * 0.14
        wdt = 0.42 - 0.02 * k + (0.06 if k % 2 else 0.0)
        left.append((ex - 0.1 - wdt, yb))
        right.append((ex - 0.1 + wdt, yb))
    en.poly(left + right[::-1])
    en.rect(ex - 0.3, 2.95, ex + 0.1, 3.3)  # lens
    en.rect(ex + 0.1, 1.8, ex + 0.5, 1.92)  # arm
    em = cv.comp(en, 0.01)
    cv.img += (cv.rim(em, 0.03, 0.0) * 0.5 * light).astype(_F32)
    # the line across the room and the prints pegged to it
    p0, p1 = (-0.5, 0.55 + cv.j(0.1)), (16.5, 3.0)
    sag = 0.45

    def line_y(x):
        t = (x - p0[0]) / (p1[0] - p0[0])
        return p0[1] + (p1[1] - p0[1]) * t + 4 * sag * t * (1 - t)

    ln = cv.layer()
    ln.line(_sag(p0, p1, sag, 40), 0.022)
    cv.comp(ln, 0.08 + 0.4 * light)
    prints = cv.layer()
    imgs = cv.layer(values=True)
    pegs = cv.layer()
    springs = []
    for k, x in enumerate((0.5, 3.0, 5.6, 8.2)):
        x += cv.j(0.12)
        portrait = k % 2 == 0
        w, h = (1.8, 2.35) if portrait else (2.2, 1.7)
        y = line_y(x + w / 2) - 0.05
        ang = cv.j(2.5)
        cxp, cyp = x + w / 2, y

        def Q(u, v, x=x, y=y, w=w, h=h, cxp=cxp, cyp=cyp, ang=ang):
            return _rot([(x + u * w, y + v * h)], cxp, cyp, ang)[0]

        prints.poly([Q(0, 0), Q(1, 0), Q(1, 1), Q(0, 1)])
        b = 0.07  # white border
        fill = [Q(b, b), Q(1 - b, b), Q(1 - b, 1 - b), Q(b, 1 - b)]
        if k == 0:  # the lovers, heads together
            imgs.poly(fill, 0.55)
            _head(imgs, *Q(0.36, 0.42), 0.65, facing=1, hair="man", v=0.12)
            _head(imgs, *Q(0.66, 0.44), 0.6, facing=-1, hair="woman", v=0.2)
            imgs.poly([Q(b, 1 - b), Q(0.15, 0.72), Q(0.85, 0.72), Q(1 - b, 1 - b)], 0.1)
        elif k == 1:  # the car outside the motel
            imgs.poly(fill, 0.5)
            imgs.poly([Q(b, 0.62), Q(1 - b, 0.62), Q(1 - b, 1 - b), Q(b, 1 - b)], 0.25)
            imgs.poly(_chaikin([Q(0.2, 0.66), Q(0.3, 0.5), Q(0.62, 0.48), Q(0.8, 0.58), Q(0.85, 0.66)], 1), 0.08)
        elif k == 2:  # a face, close
            imgs.poly(fill, 0.2)
            imgs.ellipse(*Q(0.5, 0.44), 0.5, 0.68, 0.62)
            imgs.ellipse(*Q(0.5, 0.2), 0.6, 0.3, 0.12)
            for ex_ in (0.36, 0.64):
                imgs.ellipse(*Q(ex_, 0.42), 0.09, 0.05, 0.15)
            imgs.ellipse(*Q(0.5, 0.68), 0.14, 0.05, 0.3)
        else:  # a street at night
            imgs.poly(fill, 0.18)
            imgs.poly([Q(b, 0.55), Q(1 - b, 0.45), Q(1 - b, 0.75), Q(b, 0.8)], 0.4)
            imgs.ellipse(*Q(0.3, 0.35), 0.1, 0.1, 0.8)
        for pu in (0.16, 0.84):
            px, py = Q(pu, 0.0)
            pegs.poly(
                _rot(
                    [(px - 0.07, py - 0.3), (px + 0.07, py - 0.3), (px + 0.06, py + 0.22), (px - 0.06, py + 0.22)],
                    px,
                    py,
                    ang,
                )
            )
            springs.append((px, py - 0.02))
    cv.comp(prints, 0.1 + 0.8 * light)
    ia = cv.arr(imgs.a, blur=0.03)
    iv = cv.arr(imgs.v, blur=0.03)
    tone = np.where(ia > 0.01, iv / np.maximum(ia, 0.01), 0.0)
    cv.img = np.where(ia > 0, cv.img * (1 - ia) + ia * tone * (0.15 + 0.85 * light) * 1.1, cv.img).astype(_F32)
    pg = cv.comp(pegs, 0.05 + 0.15 * light)
    cv.img += (cv.rim(pg, 0.02, 0.0) * 0.4 * light).astype(_F32)
    for px, py in springs:
        cv.glow(px, py, 0.035, 0.4)
    # the darkroom timer on the wall, its dial faintly luminous
    tx_, ty_ = 2.3 + cv.j(0.2), 4.75
    tm_ = cv.layer()
    tm_.ellipse(tx_, ty_, 0.62, 0.62)
    cv.comp(tm_, 0.03)
    dial = cv.layer()
    dial.ellipse(tx_, ty_, 0.5, 0.5)
    cv.comp(dial, 0.07)
    ticks = cv.layer()
    for k in range(12):
        a_ = k * math.pi / 6
        ticks.line(
            [
                (tx_ + 0.38 * math.cos(a_), ty_ + 0.38 * math.sin(a_)),
                (tx_ + 0.46 * math.cos(a_), ty_ + 0.46 * math.sin(a_)),
            ],
            0.035,
        )
    ticks.line([(tx_, ty_), (tx_ + 0.05, ty_ - 0.36)], 0.03)
    ticks.line([(tx_, ty_), (tx_ + 0.26, ty_ + 0.12)], 0.04)
    cv.light(ticks, 0.45, blur=0.006)
    cv.img += (cv.rim(cv.arr(tm_.a), 0.03, 0.02) * 0.25).astype(_F32)
    # the bench and three trays; one print coming up in the developer
    bench = cv.layer()
    bench.poly([(-0.5, bench_y + 0.05), (16.5, bench_y - 0.05), (16.5, 10), (-0.5, 10)])
    cv.comp(bench, 0.02 + 0.12 * light * _smooth(9.5, 6.0, Y))
    be = cv.layer()
    be.line([(-0.5, bench_y + 0.05), (16.5, bench_y - 0.05)], 0.04)
    cv.comp(be, 0.1 + 0.3 * light)
    rims = cv.layer()
    liquid = cv.layer()
    for xa, xb in ((0.4, 4.0), (4.6, 8.4), (9.0, 12.8)):
        rims.poly([(xa + 0.35, 6.7), (xb - 0.35, 6.68), (xb + 0.15, 8.65), (xa - 0.25, 8.7)])
        liquid.poly([(xa + 0.45, 6.78), (xb - 0.45, 6.76), (xb - 0.0, 8.5), (xa - 0.1, 8.55)])
    cv.comp(rims, 0.12 + 0.55 * light)
    lm = cv.comp(liquid, 0.02)
    pr = cv.layer()
    pr.poly([(5.4, 7.1), (7.6, 7.08), (7.85, 8.2), (5.2, 8.22)])
    cv.comp(pr, 0.1 + 0.5 * light)
    ghost = cv.layer()
    ghost.ellipse(6.3, 7.6, 0.3, 0.26)
    ghost.ellipse(6.85, 7.65, 0.27, 0.24)
    cv.comp(ghost, 0.08, blur=0.05)
    spec = lm * np.exp(-(((X - (sx - 1.5 + 0.35 * (Y - 6.8))) / 0.3) ** 2)) * _smooth(6.8, 7.8, Y)
    cv.img += (spec * 0.55 + lm * 0.04 * cv.noise(20, 6)).astype(_F32)
    tong = cv.layer()
    tong.line([(8.6, 6.0), (7.5, 7.7)], 0.06)
    tong.line([(8.75, 6.05), (7.65, 7.72)], 0.05)
    cv.comp(tong, 0.1 + 0.4 * light)
    return {"vignette": 0.55, "bloom": 0.35}


def _tenor_player(L: _Layer, tx, fy, s, facing=-1, v=None, a=1.0):
    """A standing tenor saxophonist in profile; fy is the floor, s his height. Facing -1 looks left."""
    f = facing

    def T(bx, by):  # body units, bx towards his front, by up from the floor
        return (tx + bx * s * f, fy - by * s)

    _head(L, *T(0.0, 0.915), 0.125 * s, facing=f, hair="man", v=v, a=a)
    jacket = [
        (-0.07, 0.85),
        (-0.13, 0.82),
        (-0.15, 0.74),
        (-0.14, 0.55),
        (-0.13, 0.42),
        (0.12, 0.42),
        (0.12, 0.55),
        (0.13, 0.72),
        (0.11, 0.80),
        (0.05, 0.85),
    ]
    L.poly([T(*p) for p in _chaikin(jacket, 2)], v, a)
    L.poly(_capsule(T(-0.03, 0.45), 0.045 * s, T(-0.05, 0.02), 0.035 * s), v, a)
    L.poly(_capsule(T(0.04, 0.45), 0.045 * s, T(0.06, 0.02), 0.035 * s), v, a)
    L.poly([T(-0.07, 0.02), T(0.03, 0.02), T(0.02, 0.0), T(-0.08, 0.0)], v, a)
    L.poly([T(0.04, 0.02), T(0.14, 0.02), T(0.14, 0.0), T(0.03, 0.0)], v, a)
    # the saxophone: crook from the mouth, body slanting down across him, the bow, the bell turned up
    path = [
        T(0.075, 0.885),
        T(0.13, 0.87),
        T(0.16, 0.83),
        T(0.15, 0.76),
        T(0.12, 0.6),
        T(0.1, 0.47),
        T(0.11, 0.41),
        T(0.16, 0.4),
        T(0.2, 0.43),
        T(0.22, 0.5),
    ]
    widths = [0.012, 0.014, 0.016, 0.02, 0.026, 0.03, 0.034, 0.036, 0.038, 0.04]
    for (p0, p1), w in zip(itertools.pairwise(path), widths, strict=False):
        L.poly(_capsule(p0, w * s, p1, w * s * 1.05), v, a)
    bx_, by_ = T(0.225, 0.52)
    L.ellipse(bx_, by_, 0.05 * s, 0.022 * s, v, a)  # the bell's rim
    # arms: hands on the keys, one high on the body, one low
    L.poly(_capsule(T(0.05, 0.8), 0.042 * s, T(0.1, 0.66), 0.032 * s), v, a)
    L.poly(_capsule(T(0.1, 0.66), 0.03 * s, T(0.15, 0.72), 0.022 * s), v, a)
    L.poly(_capsule(T(-0.02, 0.78), 0.04 * s, T(0.0, 0.58), 0.03 * s), v, a)
    L.poly(_capsule(T(0.0, 0.58), 0.028 * s, T(0.11, 0.52), 0.022 * s), v, a)


def _grand_piano(L: _Layer, x0, fy, s, v=None, a=1.0, pianist=True):
    """A grand piano from the side, keyboard at the left end (x0), lid raised; s ≈ its length."""

    def P(px, py):
        return (x0 + px * s, fy - py * s)

    case = [(0.0, 0.34), (0.0, 0.46), (0.55, 0.46), (0.8, 0.47), (0.95, 0.45), (1.0, 0.41), (1.0, 0.36), (0.9, 0.34)]
    L.poly([P(*p) for p in _chaikin(case, 1)], v, a)
    L.poly([P(0.5, 0.47), P(0.52, 0.5), P(1.02, 0.85), P(1.0, 0.8), P(0.98, 0.46)], v, a)  # the raised lid
    L.line([P(0.62, 0.47), P(0.72, 0.66)], 0.012 * s, v, a)  # its prop
    for lx in (0.06, 0.88):
        L.poly(_capsule(P(lx, 0.34), 0.025 * s, P(lx, 0.02), 0.018 * s), v, a)
    L.line([P(0.3, 0.34), P(0.32, 0.06), P(0.38, 0.0), P(0.26, 0.0), P(0.32, 0.06)], 0.008 * s, v, a)  # lyre, pedals
    L.rect(*P(-0.06, 0.46), *P(0.0, 0.42), v, a)  # key slip and keys jutting out
    if pianist:
        # the pianist on his bench, leaning into the keys, seen from his left
        L.rect(*P(-0.32, 0.27), *P(-0.12, 0.24), v, a)
        L.poly(_capsule(P(-0.3, 0.24), 0.012 * s, P(-0.3, 0.0), 0.01 * s), v, a)
        L.poly(_capsule(P(-0.14, 0.24), 0.012 * s, P(-0.14, 0.0), 0.01 * s), v, a)
        body = [(-0.27, 0.27), (-0.28, 0.45), (-0.24, 0.58), (-0.17, 0.6), (-0.13, 0.52), (-0.15, 0.38), (-0.15, 0.27)]
        L.poly([P(*p) for p in _chaikin(body, 2)], v, a)
        _head(L, *P(-0.19, 0.655), 0.075 * s, facing=1, hair="man", v=v, a=a)
        L.poly(_capsule(P(-0.17, 0.55), 0.02 * s, P(-0.08, 0.46), 0.015 * s), v, a)
        L.poly(_capsule(P(-0.08, 0.46), 0.014 * s, P(-0.02, 0.465), 0.011 * s), v, a)
        L.poly(_capsule(P(-0.16, 0.3), 0.025 * s, P(-0.02, 0.29), 0.018 * s), v, a)  # thigh
        L.poly(_capsule(P(-0.02, 0.29), 0.018 * s, P(-0.01, 0.02), 0.014 * s), v, a)  # shin


def _studio(cv: _Canvas):
    X, Y = cv.X, cv.Y
    rng = cv.rng
    cv.img[:] = 0.02
    floor_y = 9.05
    # the screen at the back, the film on it: a woman's face in close-up, night lights behind her
    sx0, sx1, sy0, sy1 = 1.3, 14.7, 0.35, 8.55
    scr = cv.layer()
    scr.rect(sx0, sy0, sx1, sy1)
    hot = 0.62 + 0.32 * np.exp(-(((X - 8.0) / 6.0) ** 2) - (((Y - 3.6) / 4.0) ** 2))
    sm = cv.comp(scr, hot)
    film = cv.layer(values=True)
    for _ in range(10):  # out-of-focus street lights in the projected image
        bx, by = float(rng.uniform(1.8, 7.5)), float(rng.uniform(0.8, 5.5))
        film.ellipse(bx, by, 0.28, 0.28, 0.92)
    _head(film, 10.6, 3.0, 3.3, facing=-1, hair="woman", v=0.28)
    film.poly(_chaikin([(9.4, 6.2), (10.2, 5.7), (12.5, 5.6), (14.0, 6.4), (14.9, 8.6), (8.6, 8.6)], 2), 0.28)
    fa = cv.arr(film.a, blur=0.04) * sm
    fv = cv.arr(film.v, blur=0.04) * sm
    cv.img = (cv.img * (1 - fa) + fv * hot * 1.05).astype(_F32)
    # the projector beam from the booth behind us, dust turning in it
    ax, ay = 8.0, -7.0
    ang = np.arctan2(Y - ay, X - ax)
    streaks = cv.noise1d(70, (ang + math.pi) / (2 * math.pi))
    half = np.clip(1.0 - np.abs(X - ax) / (0.2 + 0.85 * (Y - ay)), 0, 1)
    beam = half * _smooth(-1.0, 5.0, Y)
    cv.img += (beam * (0.03 + 0.03 * streaks) * (0.7 + 0.3 * cv.noise(12, 7))).astype(_F32)

    back = cv.layer()
    # --- the piano, upstage right, with the pianist at the keys ---
    _grand_piano(back, 11.2 + cv.j(0.1), floor_y - 1.2, 3.6)
    bkm = cv.comp(back, 0.13)
    cv.img += (cv.rim(bkm, 0.0, 0.025) * 0.15).astype(_F32)
    band = cv.layer()
    # --- drums, left ---
    dx = 3.3 + cv.j(0.15)
    band.ellipse(dx + 0.35, 5.25, 0.34, 0.4)  # drummer's head
    band.poly(
        _chaikin(
            [
                (dx - 0.35, 6.5),
                (dx - 0.2, 5.8),
                (dx + 0.35, 5.6),
                (dx + 0.9, 5.8),
                (dx + 1.05, 6.5),
                (dx + 1.1, 7.5),
                (dx - 0.4, 7.5),
            ],
            2,
        )
    )
    band.poly(_capsule((dx + 0.85, 6.0), 0.17, (dx + 1.25, 6.85), 0.12))
    band.poly(_capsule((dx + 1.25, 6.85), 0.11, (dx + 1.7, 6.8), 0.08))
    band.line([(dx + 1.7, 6.8), (dx + 2.2, 6.35)], 0.04)  # stick, on the hi-hat
    band.poly(_capsule((dx - 0.15, 6.0), 0.17, (dx - 0.45, 6.85), 0.12))
    band.poly(_capsule((dx - 0.45, 6.85), 0.11, (dx + 0.2, 7.0), 0.08))
    band.line([(dx + 0.2, 7.0), (dx + 1.05, 7.1)], 0.04)  # stick, on the snare
    band.ellipse(dx + 0.2, 8.0, 0.85, 0.85)  # bass drum
    band.ellipse(dx + 0.35, 6.95, 0.4, 0.25)  # tom
    band.poly([(dx + 0.95, 7.15), (dx + 1.95, 7.15), (dx + 1.95, 7.5), (dx + 0.95, 7.5)])  # snare
    band.ellipse(dx + 1.45, 7.15, 0.5, 0.1)
    band.line([(dx + 1.45, 7.5), (dx + 1.25, floor_y), (dx + 1.45, 7.5), (dx + 1.7, floor_y)], 0.035)
    band.line([(dx - 1.45, floor_y), (dx - 1.4, 5.85)], 0.045)  # ride
    band.poly(_rot([(dx - 2.35, 5.8), (dx - 0.45, 5.8), (dx - 0.6, 5.88), (dx - 2.2, 5.88)], dx - 1.4, 5.84, -7))
    band.line([(dx + 2.45, floor_y), (dx + 2.45, 6.2)], 0.04)  # hi-hat
    band.ellipse(dx + 2.45, 6.18, 0.5, 0.055)
    band.ellipse(dx + 2.45, 6.08, 0.5, 0.055)
    band.line([(dx + 0.5, floor_y), (dx + 0.95, 5.1)], 0.04)  # crash
    band.poly(_rot([(dx + 0.3, 5.05), (dx + 1.6, 5.05), (dx + 1.5, 5.11), (dx + 0.4, 5.11)], dx + 0.95, 5.08, 14))
    # --- the trumpet player, in profile, the horn pointed down at the microphone ---
    tx, s = 6.5 + cv.j(0.12), 4.7
    fy = floor_y

    def T(bx, by):  # body units, facing right, feet at fy
        return (tx + bx * s, fy - by * s)

    _head(band, *T(0.0, 0.915), 0.125 * s, facing=1, hair="man")
    jacket = [
        (-0.07, 0.85),
        (-0.13, 0.82),
        (-0.15, 0.74),
        (-0.14, 0.55),
        (-0.13, 0.42),
        (0.12, 0.42),
        (0.12, 0.55),
        (0.13, 0.72),
        (0.11, 0.80),
        (0.05, 0.85),
    ]
    band.poly([T(*p) for p in _chaikin(jacket, 2)])
    band.poly(_capsule(T(-0.03, 0.45), 0.045 * s, T(-0.06, 0.02), 0.035 * s))
    band.poly(_capsule(T(0.04, 0.45), 0.045 * s, T(0.07, 0.02), 0.035 * s))
    band.poly([T(-0.07, 0.02), T(0.02, 0.02), T(0.0, 0.0), T(-0.09, 0.0)])
    band.poly([T(0.05, 0.02), T(0.15, 0.02), T(0.15, 0.0), T(0.04, 0.0)])
    mouth = T(0.07, 0.885)
    bell = T(0.335, 0.80)
    dxb, dyb = bell[0] - mouth[0], bell[1] - mouth[1]
    ln_ = math.hypot(dxb, dyb)
    ux, uy = dxb / ln_, dyb / ln_
    nx, ny = uy, -ux  # the "up" side of the horn

    def H_(t, off):  # a point along the horn (t 0..1 from mouthpiece to bell), offset up by off
        return (mouth[0] + ux * ln_ * t + nx * off, mouth[1] + uy * ln_ * t + ny * off)

    band.line([H_(0.0, 0.0), H_(0.85, 0.0)], 0.035)  # lead pipe
    band.line([H_(0.25, -0.1), H_(0.85, -0.1)], 0.035)  # bell tube below
    band.line([H_(0.25, -0.1), H_(0.12, -0.16), H_(0.12, -0.03), H_(0.2, 0.0)], 0.03, caps=False)  # slide
    for k in range(3):  # the valve casings, standing up, with their caps
        t = 0.42 + 0.075 * k
        band.line([H_(t, -0.16), H_(t, 0.14)], 0.06, caps=False)
        band.line([H_(t, 0.14), H_(t, 0.2)], 0.03, caps=False)
        band.ellipse(*H_(t, 0.21), 0.035, 0.025)
    fl = 0.2
    band.poly(
        [H_(0.72, 0.02), H_(0.72, -0.12), H_(0.9, -0.12), H_(1.0, -0.05 - fl), H_(1.0, -0.05 + fl), H_(0.9, 0.02)]
    )
    band.ellipse(*H_(1.0, -0.05), 0.04, fl)
    # arms bent up to the horn: right hand over the valves, left hand under them
    band.poly(_capsule(T(0.07, 0.8), 0.042 * s, T(0.13, 0.66), 0.032 * s))
    band.poly(_capsule(T(0.13, 0.66), 0.03 * s, H_(0.5, 0.22), 0.022 * s))
    band.poly(_capsule(T(0.02, 0.78), 0.035 * s, T(0.1, 0.7), 0.028 * s))
    band.poly(_capsule(T(0.1, 0.7), 0.026 * s, H_(0.5, -0.2), 0.022 * s))
    # the horns' microphone, a ribbon mic on a stand between trumpet and tenor
    mx, my = bell[0] + 0.55, bell[1] + 0.25
    band.line([(mx, floor_y), (mx, my + 0.3)], 0.05)
    band.line([(mx - 0.45, floor_y), (mx, floor_y - 0.22), (mx + 0.45, floor_y)], 0.05)
    band.poly(_chaikin([(mx - 0.14, my - 0.3), (mx + 0.14, my - 0.3), (mx + 0.16, my + 0.3), (mx - 0.16, my + 0.3)], 3))
    # --- the tenor saxophonist, facing the trumpet across the microphone ---
    _tenor_player(band, mx + 0.9 + cv.j(0.05), floor_y, 4.55, facing=-1)
    # --- the double bass, tilted, the bassist behind it ---
    bx, by = 13.3 + cv.j(0.12), floor_y - 0.2
    outline = [
        (0, 0),
        (0.7, -0.05),
        (0.85, -0.45),
        (0.8, -0.9),
        (0.55, -1.15),
        (0.6, -1.45),
        (0.65, -1.75),
        (0.5, -2.1),
        (0.12, -2.35),
        (0.1, -2.5),
        (-0.1, -2.5),
        (-0.12, -2.35),
        (-0.5, -2.1),
        (-0.65, -1.75),
        (-0.6, -1.45),
        (-0.55, -1.15),
        (-0.8, -0.9),
        (-0.85, -0.45),
        (-0.7, -0.05),
    ]
    tilt = -14
    band.ellipse(bx - 1.25, 3.55, 0.3, 0.36)  # bassist's head
    band.poly(
        _chaikin(
            [
                (bx - 1.75, 4.35),
                (bx - 1.45, 4.0),
                (bx - 1.05, 4.0),
                (bx - 0.75, 4.3),
                (bx - 0.75, 6.0),
                (bx - 0.8, 7.0),
                (bx - 0.95, 7.2),
                (bx - 0.9, floor_y),
                (bx - 1.2, floor_y),
                (bx - 1.3, 7.4),
                (bx - 1.45, floor_y),
                (bx - 1.75, floor_y),
                (bx - 1.8, 6.0),
            ],
            2,
        )
    )
    bass = cv.layer()
    bass.poly(_rot([(bx + 1.22 * px_, by + 1.08 * py_) for px_, py_ in _chaikin(outline, 3)], bx, by, tilt))
    neck = _rot(
        [(bx - 0.08, by - 2.6), (bx + 0.08, by - 2.6), (bx + 0.05, by - 4.8), (bx - 0.05, by - 4.8)], bx, by, tilt
    )
    bass.poly(neck)
    scroll = _rot([(bx, by - 4.95)], bx, by, tilt)[0]
    bass.ellipse(scroll[0], scroll[1], 0.12, 0.17)
    bass.poly(
        _rot([(bx - 0.1, by - 4.85), (bx + 0.1, by - 4.85), (bx + 0.08, by - 4.5), (bx - 0.08, by - 4.5)], bx, by, tilt)
    )
    bass.line([(bx, by), (bx + 0.05, floor_y)], 0.04)  # end-pin
    nk = _rot([(bx, by - 4.1)], bx, by, tilt)[0]
    arms = cv.layer()
    arms.poly(_capsule((bx - 1.0, 4.45), 0.15, (bx - 0.45, 5.1), 0.11))
    arms.poly(_capsule((bx - 0.45, 5.1), 0.1, (nk[0] + 0.05, nk[1] + 0.1), 0.08))  # left hand on the neck
    pl = _rot([(bx + 0.2, by - 1.75)], bx, by, tilt)[0]
    arms.poly(_capsule((bx - 0.85, 4.6), 0.15, (bx - 0.4, 6.2), 0.11))
    arms.poly(_capsule((bx - 0.4, 6.2), 0.1, pl, 0.08))  # right hand plucking
    # a boom microphone reaching over the drums
    band.line([(0.8, floor_y), (0.8, 3.2)], 0.06)
    band.line([(0.4, 3.4), (3.2, 2.7)], 0.05)
    band.line([(3.2, 2.7), (3.2, 3.05)], 0.02)
    band.poly(_chaikin([(3.06, 3.05), (3.34, 3.05), (3.36, 3.6), (3.04, 3.6)], 3))
    bm = cv.comp(band, 0.01)
    bsm = cv.comp(bass, 0.035)
    cv.img += (np.clip(bsm - cv.blur(bsm, 0.025), 0, 1) * 0.5).astype(_F32)  # its varnish rims the light
    cv.comp(arms, 0.01)
    # strings of the bass and the rims of the cymbals catch the screen light
    strs = cv.layer()
    for k in range(4):
        a_ = _rot([(bx - 0.045 + 0.03 * k, by - 4.6)], bx, by, tilt)[0]
        b_ = _rot([(bx - 0.06 + 0.04 * k, by - 1.0)], bx, by, tilt)[0]
        strs.line([a_, b_], 0.012)
    cv.light(strs, 0.2)
    cv.img += (cv.rim(bm, 0.0, 0.025) * 0.18 + cv.rim(bm, 0.025, 0.0) * 0.08).astype(_F32)
    # the studio floor, a faint sheen of the screen
    cv.glow(8.0, floor_y + 0.25, 6.5, 0.05, ry=0.3)
    return {"vignette": 0.5, "bloom": 0.28, "bloom_wide": 0.25, "thresh": 0.8}


def _intersect(p, q, a, b):
    """Intersection of line p→q with line a→b."""
    (x1, y1), (x2, y2), (x3, y3), (x4, y4) = p, q, a, b
    den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den
    return (x1 + t * (x2 - x1), y1 + t * (y2 - y1))


def _reflect(cv: _Canvas, axis_y: float, amount: float, mask=None, blur=0.05, fall=1.2, ripple=0.25):
    """Mirror what is above a horizontal line into the wet ground below it."""
    ax = int(round(cv.oy + axis_y * cv.u))
    if not 0 < ax < cv.H:
        return
    n = min(cv.H - ax, ax)
    src = cv.img[ax - n : ax][::-1].copy()
    if mask is not None:
        src *= mask[ax - n : ax][::-1]
    src = _box1d(src, max(1, int(blur * cv.u)), axis=0)
    k = np.arange(n, dtype=_F32)[:, None]
    fade = np.exp(-k / (fall * cv.u))
    rip = 1.0 - ripple + ripple * np.sin(k * (26.0 / cv.u) + 3.0 * cv.noise(6, 2)[ax : ax + n])
    cv.img[ax : ax + n] += amount * src * fade * rip


def _bottle(L: _Layer, x, yb, h, w, kind, v=None, a=1.0):
    """A bottle standing at (x, yb) (bottom centre), height h, width w."""
    if kind == 0:  # wine / cognac: round shoulders, long neck
        pts = [
            (-0.5, 0),
            (-0.5, -0.58),
            (-0.42, -0.68),
            (-0.16, -0.74),
            (-0.13, -1.0),
            (0.13, -1.0),
            (0.16, -0.74),
            (0.42, -0.68),
            (0.5, -0.58),
            (0.5, 0),
        ]
    elif kind == 1:  # square liqueur
        pts = [
            (-0.6, 0),
            (-0.6, -0.66),
            (-0.2, -0.8),
            (-0.17, -0.94),
            (0.17, -0.94),
            (0.2, -0.8),
            (0.6, -0.66),
            (0.6, 0),
        ]
    elif kind == 2:  # tall slim (anise)
        pts = [
            (-0.38, 0),
            (-0.38, -0.7),
            (-0.12, -0.9),
            (-0.1, -1.05),
            (0.1, -1.05),
            (0.12, -0.9),
            (0.38, -0.7),
            (0.38, 0),
        ]
    else:  # round flask
        pts = [
            (-0.7, 0),
            (-0.75, -0.25),
            (-0.55, -0.5),
            (-0.15, -0.6),
            (-0.14, -0.85),
            (0.14, -0.85),
            (0.15, -0.6),
            (0.55, -0.5),
            (0.75, -0.25),
            (0.7, 0),
        ]
    sm = _chaikin(pts, 1, closed=True) if kind != 1 else pts
    L.poly([(x + px * w, yb + py * h) for px, py in sm], v, a)


def _seated_man(L: _Layer, x, y, s, facing=-1, v=None, a=1.0):
    """Head and shoulders of a man in a jacket, in profile; (x, y) ≈ ear, s ≈ head height."""
    _head(L, x, y, s, facing=facing, hair="man", v=v, a=a)
    f = -facing  # +1 towards his back

    def M(px, py):
        return (x + px * s * f, y + py * s)

    body = [(-0.35, 0.85), (-0.55, 1.05), (-0.75, 1.6), (-0.8, 3.4), (1.35, 3.4), (1.2, 1.6), (0.95, 1.05), (0.35, 0.8)]
    L.poly([M(*p) for p in _chaikin(body, 3)], v, a)


def _office_phone(cv: _Canvas):
    X, Y = cv.X, cv.Y
    rng = cv.rng
    # a wide office window at dusk: the sky still bright low down, the city a cut-out against it
    wx0, wx1, wy0, wy1 = 0.6, 15.4, 0.6, 6.3
    cv.img[:] = 0.03
    sky = cv.layer()
    sky.rect(wx0, wy0, wx1, wy1)
    glow = 0.35 + 0.55 * _smooth(wy0, wy1, Y) ** 1.6 + 0.05 * cv.noise(5, 3)
    cv.comp(sky, glow)
    city = cv.layer(values=True)
    x = wx0 - 0.2
    while x < wx1:
        w = float(rng.uniform(0.5, 1.4))
        top = wy1 - float(rng.uniform(0.6, 2.4))
        city.rect(x, top, x + w, wy1, 0.06 + float(rng.uniform(0, 0.04)))
        for _ in range(int(rng.integers(0, 4))):  # a few lit windows in the towers
            lx, ly = float(rng.uniform(x + 0.1, x + w - 0.15)), float(rng.uniform(top + 0.15, wy1 - 0.2))
            city.rect(lx, ly, lx + 0.07, ly + 0.1, 0.7)
        x += w + float(rng.uniform(-0.1, 0.2))
    cv.comp(city, blur=0.01)
    # the Eiffel tower far off, a thin silhouette
    tx = 5.7 + cv.j(0.4)
    th = 3.4
    tw = cv.layer()
    left = [(tx - 0.75 * (1 - k / 12) ** 2.2 - 0.03, wy1 - th * k / 12) for k in range(13)]
    tw.poly(left + [(2 * tx - px_, py_) for px_, py_ in reversed(left)])
    tw.line([(tx, wy1 - th), (tx, wy1 - th - 0.35)], 0.03)
    for k, w_ in ((0.28, 0.5), (0.55, 0.26)):  # the two platforms
        tw.rect(tx - w_, wy1 - th * k - 0.05, tx + w_, wy1 - th * k + 0.03)
    cv.comp(tw, 0.07, blur=0.008)
    hole = cv.layer()
    hole.poly(
        _chaikin(
            [(tx - 0.42, wy1), (tx - 0.3, wy1 - 0.5), (tx, wy1 - 0.75), (tx + 0.3, wy1 - 0.5), (tx + 0.42, wy1)],
            2,
            closed=False,
        )
    )
    cv.comp(hole, 0.45 + 0.45 * _smooth(wy0, wy1, Y))
    # mullions and transoms: the curtain wall of a modern office
    fr = cv.layer()
    for k in range(8):
        fx = wx0 + k * (wx1 - wx0) / 7
        fr.rect(fx - 0.08, wy0 - 0.1, fx + 0.08, wy1 + 0.1)
    fr.rect(wx0 - 0.1, wy0 - 0.15, wx1 + 0.1, wy0 + 0.05)
    fr.rect(wx0 - 0.1, 2.3, wx1 + 0.1, 2.38)
    fr.rect(wx0 - 0.1, wy1 - 0.05, wx1 + 0.1, wy1 + 0.25)
    cv.comp(fr, 0.02)
    # the desk: a dark slab across the bottom, its edge catching the window
    desk = cv.layer()
    desk.poly([(-0.5, 6.9), (16.5, 6.6), (16.5, 10), (-0.5, 10)])
    cv.comp(desk, 0.025)
    de = cv.layer()
    de.line([(-0.5, 6.9), (16.5, 6.6)], 0.05)
    cv.light(de, 0.35 * _smooth(13.0, 2.0, X))
    # on the desk: the telephone base, a blotter, papers, a desk lamp switched off
    ph = cv.layer()
    px = 4.2 + cv.j(0.2)
    ph.poly(_chaikin([(px - 0.9, 6.86), (px - 0.7, 6.2), (px + 0.7, 6.18), (px + 0.95, 6.84)], 2))
    ph.rect(px - 0.95, 6.78, px + 0.95, 6.88)
    pm = cv.comp(ph, 0.02)
    cv.img += (cv.rim(pm, 0.0, 0.03) * 0.4).astype(_F32)
    paper = cv.layer()
    paper.poly([(6.3, 6.85), (8.6, 6.78), (8.9, 7.4), (6.1, 7.5)])
    cv.comp(paper, 0.5)
    lamp = cv.layer()
    lx = 1.6
    lamp.poly([(lx - 0.5, 6.9), (lx + 0.5, 6.9), (lx + 0.35, 6.75), (lx - 0.35, 6.75)])
    lamp.line([(lx, 6.8), (lx + 0.7, 5.0)], 0.07)
    lamp.poly(_chaikin([(lx + 0.2, 4.95), (lx + 1.4, 4.7), (lx + 1.5, 5.35), (lx + 0.55, 5.6)], 1))
    cv.comp(lamp, 0.015)
    # Julien, seated at the right, backlit against the glass, receiver to his ear
    s = 1.3
    ex, ey = 11.4 + cv.j(0.15), 3.5
    man = cv.layer()
    _seated_man(man, ex, ey, s, facing=-1)
    man.poly(_capsule((ex - 0.4 * s, ey + 1.3 * s), 0.16 * s, (ex - 1.15 * s, ey + 2.15 * s), 0.12 * s))  # arm
    man.poly(_capsule((ex - 1.15 * s, ey + 2.15 * s), 0.1 * s, (ex - 0.45 * s, ey + 0.55 * s), 0.08 * s))
    man.line([(ex + 0.02 * s, ey - 0.02 * s), (ex - 0.3 * s, ey + 0.35 * s), (ex - 0.55 * s, ey + 0.55 * s)], 0.12 * s)
    man.ellipse(ex - 0.02 * s, ey - 0.02 * s, 0.15 * s, 0.12 * s)
    man.ellipse(ex - 0.58 * s, ey + 0.58 * s, 0.16 * s, 0.11 * s)
    mm = cv.comp(man, 0.012)
    cv.light(cv.rim(mm, 0.05, 0.0) * _smooth(6.8, 4.0, Y), 0.55, blur=0.01)
    # the cord, from the handset down to the base
    c0 = (ex - 0.65 * s, ey + 0.65 * s)
    c1 = (px + 0.8, 6.5)
    base = _bezier(c0, ((c0[0] + c1[0]) / 2, 7.9), c1, 240)
    cord = [(bx + 0.05 * math.sin(i * 0.6), by + 0.03 * math.cos(i * 0.6)) for i, (bx, by) in enumerate(base)]
    cl = cv.layer()
    cl.line(cord, 0.035, caps=False)
    cv.comp(cl, 0.03)
    # a cigarette in an ashtray, its smoke catching the window light
    ax = 8.3
    ash = cv.layer()
    ash.ellipse(ax, 6.75, 0.45, 0.1)
    cv.comp(ash, 0.15)
    cv.glow(ax + 0.3, 6.66, 0.03, 1.0)
    t = np.clip((6.66 - Y) / 3.0, 0, 1)
    smoke = np.exp(-(((X - ax - 0.3 - 0.25 * np.sin(Y * 3.1) * t) / (0.04 + 0.25 * t)) ** 2)) * (Y < 6.66) * (1 - t)
    cv.img += (0.12 * smoke * (0.6 + 0.4 * cv.noise(14, 8))).astype(_F32)
    return {"vignette": 0.5, "bloom": 0.3, "bloom_wide": 0.2}


def _revolver(L: _Layer, x, y, s, v=None, a=1.0, ang=0.0):
    """A revolver lying on its side, muzzle to the right; (x, y) the grip's butt, s ≈ its length."""
    pts = [
        (0.0, 0.0),
        (0.08, -0.3),
        (0.2, -0.42),
        (0.36, -0.44),
        (0.42, -0.5),
        (1.0, -0.5),
        (1.0, -0.42),
        (0.5, -0.4),
        (0.48, -0.3),
        (0.42, -0.22),
        (0.34, -0.26),
        (0.3, -0.12),
        (0.2, 0.02),
    ]
    pts = _rot([(x + px * s, y + py * s * 0.55) for px, py in pts], x, y, ang)
    L.poly(pts, v, a)
    L.ellipse(*_rot([(x + 0.4 * s, y - 0.36 * s * 0.55)], x, y, ang)[0], 0.09 * s, 0.07 * s, v, a)  # cylinder


def _carala_office(cv: _Canvas):
    X, Y = cv.X, cv.Y
    rng = cv.rng
    # panelled back wall; a tall door on the left with a frosted pane; a window with the night city
    cv.img[:] = 0.03 + 0.025 * cv.noise(4, 3)
    panels = cv.layer()
    for k in range(9):
        px = -0.3 + k * 1.9
        panels.rect(px + 0.12, 0.4, px + 1.72, 5.4)
    cv.comp(panels, 0.045)
    door = cv.layer()
    door.rect(0.9, 0.2, 3.8, 6.4)
    cv.comp(door, 0.02)
    pane = cv.layer()
    pane.rect(1.25, 0.65, 3.45, 3.3)
    cv.comp(pane, 0.34 + 0.2 * _smooth(3.3, 0.65, Y) + 0.05 * cv.noise(12, 8))
    letters = cv.layer()  # a name painted on the frosted glass, blurred
    for k in range(6):
        letters.rect(1.55 + k * 0.3, 1.55, 1.75 + k * 0.3, 1.85)
    cv.comp(letters, 0.12, blur=0.02)
    knob = cv.layer()
    knob.ellipse(3.45, 3.9, 0.09, 0.09)
    cv.light(knob, 0.35)
    win = cv.layer()
    win.rect(5.0, 0.6, 9.6, 4.4)
    cv.comp(win, 0.06 + 0.05 * _smooth(0.6, 4.4, Y))
    for _ in range(30):  # lights of the city beyond, out of focus
        cv.glow(float(rng.uniform(5.1, 9.5)), float(rng.uniform(2.6, 4.3)), 0.05, float(rng.uniform(0.2, 0.6)))
    mull = cv.layer()
    mull.rect(7.25, 0.6, 7.35, 4.4)
    mull.rect(5.0, 2.45, 9.6, 2.55)
    cv.comp(mull, 0.02)
    lx, ly = 6.1 + cv.j(0.15), 4.55
    # the empty chair behind the desk, pushed back and turned, its leather catching the lamp
    cx_ = 11.9 + cv.j(0.1)
    ch = cv.layer()
    ch.poly(
        _chaikin(
            [
                (cx_ - 1.2, 6.0),
                (cx_ - 1.35, 2.4),
                (cx_ - 0.8, 1.8),
                (cx_ + 0.8, 1.8),
                (cx_ + 1.35, 2.4),
                (cx_ + 1.2, 6.0),
            ],
            2,
        )
    )
    chm = cv.comp(ch, 0.03)
    cv.img += (cv.rim(chm, 0.05, 0.0) * 0.35 + cv.rim(chm, 0.0, 0.05) * 0.25).astype(_F32)
    for k in range(5):  # buttoned leather
        for r in range(4):
            cv.glow(cx_ - 0.8 + k * 0.4, 2.5 + r * 0.75, 0.035, 0.22)
    # the lamp's pool, then the desk, seen from a little above
    pool = np.exp(-(((X - lx - 0.8) / 3.6) ** 2) - (((Y - 6.4) / 1.2) ** 2)) * (Y > 5.0)
    cv.img += (0.18 * pool).astype(_F32)
    desk = cv.layer()
    desk.poly([(0.2, 5.45), (16.4, 5.3), (16.6, 7.9), (-0.2, 8.1)])
    top = 0.05 + 0.5 * np.exp(-(((X - lx - 0.8) / 3.2) ** 2) - (((Y - 6.3) / 1.2) ** 2))
    cv.comp(desk, top)
    blotter = cv.layer()
    blotter.poly([(3.9, 5.75), (11.8, 5.66), (12.3, 7.45), (3.4, 7.55)])
    cv.comp(blotter, 0.12 + 0.6 * np.exp(-(((X - lx - 0.8) / 3.0) ** 2) - (((Y - 6.5) / 1.0) ** 2)))
    front = cv.layer()
    front.poly([(-0.2, 8.1), (16.6, 7.9), (16.6, 10.5), (-0.2, 10.5)])
    cv.comp(front, 0.025)
    edge = cv.layer()
    edge.line([(-0.2, 8.1), (16.6, 7.9)], 0.06)
    cv.light(edge, 0.32 * np.exp(-(((X - lx - 0.8) / 4.5) ** 2)))
    for dx_ in (2.6, 13.4):  # drawer handles
        hd = cv.layer()
        hd.rect(dx_ - 0.45, 8.8, dx_ + 0.45, 8.9)
        cv.light(hd, 0.2)
    # the banker's lamp: a domed shade on a brass stem
    lamp = cv.layer()
    lamp.poly(_chaikin([(lx - 0.9, ly + 1.3), (lx - 0.8, ly + 1.05), (lx + 0.8, ly + 1.05), (lx + 0.9, ly + 1.3)], 1))
    lamp.line([(lx, ly + 1.1), (lx, ly + 0.1)], 0.09)
    lamp.poly(_chaikin([(lx - 1.45, ly + 0.2), (lx - 1.2, ly - 0.45), (lx + 1.2, ly - 0.45), (lx + 1.45, ly + 0.2)], 2))
    lm = cv.comp(lamp, 0.03)
    cv.img += (cv.rim(lm, 0.0, -0.03) * 0.6 + cv.rim(lm, 0.03, 0.0) * 0.2).astype(_F32)
    cv.glow(lx, ly + 0.28, 1.2, 0.45, ry=0.12)
    # on the blotter: the revolver where it was left, and a file
    gun = cv.layer()
    gx, gy = 7.1 + cv.j(0.15), 7.0
    _revolver(gun, gx, gy, 2.8, ang=-8)
    gm = cv.comp(gun, 0.015)
    cv.img += (cv.rim(gm, 0.0, 0.03) * 0.8 + cv.rim(gm, 0.03, 0.0) * 0.3).astype(_F32)
    papers = cv.layer()
    papers.poly(_rot([(4.2, 5.95), (6.3, 5.95), (6.4, 6.9), (4.1, 6.9)], 5.2, 6.4, -5))
    cv.comp(papers, 0.8)
    lines_ = cv.layer()
    for k in range(7):
        lines_.line(_rot([(4.45, 6.1 + k * 0.1), (6.0, 6.1 + k * 0.1)], 5.2, 6.4, -5), 0.018)
    cv.comp(lines_, 0.35)
    ink = cv.layer()
    ink.rect(13.0, 5.9, 14.6, 6.2)
    ink.ellipse(13.4, 5.8, 0.22, 0.18)
    ink.ellipse(14.2, 5.8, 0.22, 0.18)
    ink.line([(13.8, 5.7), (14.8, 4.8)], 0.035)
    im_ = cv.comp(ink, 0.03)
    cv.img += (cv.rim(im_, 0.0, 0.03) * 0.2).astype(_F32)
    return {"vignette": 0.55, "bloom": 0.3}


def _car_at_kerb(cv: _Canvas):
    X, Y = cv.X, cv.Y
    rng = cv.rng
    yg = 8.3
    # the office block, seen from across the street: a grid of dark windows rising out of frame
    cv.img[:] = 0.02
    fac = cv.layer()
    fac.rect(-0.5, -0.5, 16.5, 6.9)
    cv.comp(fac, 0.05 + 0.06 * _smooth(0.0, 6.9, Y))
    grid = cv.layer(values=True)
    for row in range(6):
        y0 = -0.3 + row * 1.05
        for col in range(12):
            x0 = 0.1 + col * 1.35
            lit = rng.random() < 0.04
            grid.rect(x0, y0, x0 + 0.95, y0 + 0.7, float(rng.uniform(0.16, 0.3)) if lit else 0.015)
        grid.rect(-0.5, y0 + 0.78, 16.5, y0 + 0.84, 0.09)  # the ledge under each floor
    cv.comp(grid)
    # the ground floor: a lobby behind glass doors, a light still on inside
    lob = cv.layer()
    lob.rect(8.9, 5.2, 12.7, 6.9)
    cv.comp(lob, 0.35 + 0.3 * _smooth(5.2, 6.9, Y))
    dr = cv.layer()
    for k in range(4):
        dr.rect(8.9 + k * 1.27 - 0.05, 5.2, 8.9 + k * 1.27 + 0.05, 6.9)
    dr.rect(8.9, 5.2, 12.7, 5.32)
    cv.comp(dr, 0.03)
    cv.glow(10.8, 5.6, 1.6, 0.12, ry=0.7)
    # the rope, hanging down the facade from a ledge high up (his mistake, in plain sight)
    rx = 5.05 + cv.j(0.1)
    rope = cv.layer()
    rope.line(_bezier((rx, -0.5), (rx + 0.12, 1.4), (rx + 0.05, 3.25), 30), 0.045)
    rv = cv.comp(rope, 0.45)
    cv.img += (cv.rim(rv, -0.02, 0.0) * 0.35).astype(_F32)
    # pavement, kerb, wet road
    pav = cv.layer()
    pav.rect(-0.5, 6.9, 16.5, 7.35)
    cv.comp(pav, 0.1)
    kerb = cv.layer()
    kerb.line([(-0.5, 7.35), (16.5, 7.35)], 0.05)
    cv.light(kerb, 0.25)
    road = cv.layer()
    road.rect(-0.5, 7.38, 16.5, 10.5)
    cv.comp(road, 0.025)
    # a street lamp at the right and its pool
    lx = 14.6 + cv.j(0.15)
    post = cv.layer()
    post.line([(lx, 2.6), (lx, 7.1)], 0.1)
    post.poly([(lx - 0.28, 2.45), (lx + 0.28, 2.45), (lx + 0.16, 2.85), (lx - 0.16, 2.85)])
    post.poly([(lx - 0.32, 2.45), (lx, 2.15), (lx + 0.32, 2.45)])
    cv.comp(post, 0.02)
    cv.glow(lx, 2.6, 0.15, 1.4, ry=0.2)
    cv.glow(lx, 2.7, 1.3, 0.18)
    cv.glow(lx - 0.5, 7.4, 2.5, 0.1, ry=0.5)
    _reflect(cv, 7.38, 0.3, blur=0.07, fall=1.3, ripple=0.3)
    # the convertible at the kerb, nobody in it, its engine running
    s = 0.82
    x0 = 1.2 + cv.j(0.2)
    car = cv.layer()
    _car_side(car, x0, yg, s, people=False)
    m = cv.arr(car.a)

    def H(h):
        return yg - h * s

    sheen = 0.035 + 0.28 * np.exp(-(((Y - H(1.62)) / (0.12 * s)) ** 2)) * _smooth(x0, x0 + 10 * s, X)
    cv.img = (cv.img * (1 - m) + m * sheen).astype(_F32)
    cv.img += (cv.rim(m, 0.0, 0.03) * 0.55).astype(_F32)
    whl = cv.layer(values=True)
    for wx in (2.3, 8.15):
        cx, cy = x0 + wx * s, H(0.72)
        whl.ellipse(cx, cy, 0.72 * s, 0.72 * s, 0.02)
        whl.ellipse(cx, cy, 0.45 * s, 0.45 * s, 0.25)
        whl.ellipse(cx, cy, 0.3 * s, 0.3 * s, 0.04)
    cv.comp(whl)
    hx, hy = x0 + 10.05 * s, H(1.3)
    cv.glow(hx, hy, 0.12, 1.6)
    cv.glow(hx, hy, 0.6, 0.25)
    cv.glow(x0 + 0.05 * s, H(1.55), 0.07, 0.9, ry=0.1)  # tail lamp
    # exhaust: a slow plume from the tail pipe, lit by the lamp
    ex, ey = x0 - 0.1, H(0.55)
    t = np.clip((ex - X) / 3.5, 0, 1)
    plume = np.exp(-(((Y - ey + 1.1 * t**0.8) / (0.08 + 0.55 * t)) ** 2)) * (ex > X) * (1 - t) ** 1.5
    cv.img += (0.4 * plume * np.clip(0.6 + 0.6 * cv.noise(18, 10), 0, None)).astype(_F32)
    _reflect(cv, yg, 0.3, mask=m, blur=0.05, fall=0.8, ripple=0.3)
    return {"vignette": 0.5, "bloom": 0.35}


def _cafe_window(cv: _Canvas):
    X, Y = cv.X, cv.Y
    rng = cv.rng
    cv.img[:] = 0.025
    # the big window onto the street, right of frame, with the night outside
    wx0, wx1, wy0, wy1 = 5.2, 16.6, 0.9, 6.4
    out = cv.layer()
    out.rect(wx0, wy0, wx1, wy1)
    street = 0.06 + 0.08 * _smooth(3.0, wy1, Y) + 0.03 * cv.noise(6, 4)
    cv.comp(out, street)
    far = cv.layer(values=True)  # the far side of the street: shopfronts out of focus
    x = wx0
    while x < wx1:
        w = float(rng.uniform(0.8, 1.8))
        far.rect(x, 2.6, x + w * 0.8, 4.4, float(rng.uniform(0.15, 0.5)) if rng.random() < 0.6 else 0.05)
        x += w
    cv.comp(far, blur=0.08)
    for _ in range(9):  # street lamps and lit windows, as soft discs
        cv.glow(
            float(rng.uniform(wx0 + 0.3, wx1 - 0.3)), float(rng.uniform(1.2, 2.6)), 0.12, float(rng.uniform(0.3, 0.8))
        )
    # a car going by: long streaks of its lights, the shape of it a blur
    y_car = 4.85 + cv.j(0.05)
    w_ = cv.window(wx0, y_car - 0.8, wx1, y_car + 0.5)
    if w_:
        sr, sc, Xw, Yw = w_
        streak = np.exp(-(((Yw - y_car) / 0.05) ** 2)) * _smooth(wx0 + 1.0, 12.5, Xw) * _smooth(wx1, 13.5, Xw)
        body = np.exp(-(((Yw - y_car + 0.3) / 0.32) ** 2)) * _smooth(8.0, 10.0, Xw) * _smooth(15.0, 13.0, Xw)
        cv.img[sr, sc] += 0.9 * streak - 0.05 * body
    cv.glow(13.6, y_car, 0.12, 1.3)
    cv.glow(13.6, y_car, 0.7, 0.25)
    # window frame, a cross bar, and the café's name on the glass, seen from behind
    frame = cv.layer()
    frame.rect(wx0 - 0.2, wy0 - 0.2, wx0, wy1)
    frame.rect(wx0 - 0.2, wy1, wx1, wy1 + 0.25)
    frame.rect(wx0 - 0.2, wy0 - 0.25, wx1, wy0)
    frame.rect(10.9, wy0, 11.02, wy1)
    cv.comp(frame, 0.02)
    # the café inside: a wall lamp behind her, its light on the panelling
    lx_ = 2.2
    cv.img += (0.2 * np.exp(-(((X - lx_) / 2.2) ** 2) - (((Y - 2.6) / 2.6) ** 2)) * (wx0 - 0.2 > X)).astype(_F32)
    wl = cv.layer()
    wl.poly([(lx_ - 0.45, 1.2), (lx_ + 0.45, 1.2), (lx_ + 0.3, 1.75), (lx_ - 0.3, 1.75)])
    cv.comp(wl, 0.7)
    cv.glow(lx_, 1.5, 0.5, 0.3)
    # Florence at her table, in profile, facing the window: the street light rims her face
    s = 1.35
    ex, ey = 3.6 + cv.j(0.1), 3.75
    W = cv.layer()
    _head(W, ex, ey, s, facing=1, hair="woman")

    def M(px_, py_):
        return (ex - px_ * s, ey + py_ * s)

    body = [
        (-0.22, 0.92),
        (-0.6, 1.05),
        (-0.85, 1.4),
        (-0.95, 2.2),
        (-0.85, 4.0),
        (1.2, 4.0),
        (1.05, 2.2),
        (1.1, 1.4),
        (0.6, 1.0),
        (0.28, 0.9),
    ]
    W.poly([M(*p) for p in _chaikin(body, 3)])
    wm = cv.comp(W, 0.012)
    cv.light(cv.rim(wm, -0.05, 0.0), 0.6, blur=0.01)
    cv.glow(*M(-0.05, 0.6), 0.025, 0.5)  # an earring
    # the marble table and the cup
    tab = cv.layer()
    tab.ellipse(7.0, 7.3, 2.6, 0.55)
    cv.comp(tab, 0.3 + 0.25 * _smooth(4.5, 9.5, X))
    te = cv.layer()
    te.ellipse(7.0, 7.38, 2.6, 0.55)
    tm = cv.arr(te.a)
    cv.img += (np.clip(tm - cv.arr(tab.a), 0, 1) * 0.25).astype(_F32)
    ped = cv.layer()
    ped.rect(6.9, 7.8, 7.1, 10.5)
    cv.comp(ped, 0.02)
    cup = cv.layer()
    cx_ = 6.35
    cup.ellipse(cx_, 7.05, 0.55, 0.13)  # saucer
    cup.poly([(cx_ - 0.33, 6.55), (cx_ + 0.33, 6.55), (cx_ + 0.25, 7.0), (cx_ - 0.25, 7.0)])
    cup.line(_bezier((cx_ + 0.3, 6.65), (cx_ + 0.6, 6.7), (cx_ + 0.28, 6.9), 10), 0.05)
    cm = cv.comp(cup, 0.55)
    cv.img += (cv.rim(cm, -0.03, 0.0) * 0.3).astype(_F32)
    # her reflection, faint, in the glass beside the street lights
    refl = cv.arr(W.a.transpose(Image.FLIP_LEFT_RIGHT))
    shift = int(round(6.3 * cv.u))
    refl = np.roll(refl, shift - (cv.W - 2 * int(round(cv.ox + ex * cv.u))), axis=1)
    inside = np.zeros_like(refl)
    wb = cv.window(wx0, wy0, wx1, wy1)
    if wb:
        inside[wb[0], wb[1]] = 1.0
    cv.img += (0.05 * refl * inside).astype(_F32)
    return {"vignette": 0.5, "bloom": 0.35, "bloom_wide": 0.2}


def _dashboard(cv: _Canvas):
    X, Y = cv.X, cv.Y
    rng = cv.rng
    vx, hz = 8.3 + cv.j(0.2), 4.1
    # night sky; the road ahead in the headlights, fading into the dark
    cv.img[:] = 0.015 + 0.05 * _smooth(0.0, hz, Y) ** 2
    d = np.maximum(Y - hz, 1e-3)
    half = 0.9 * d  # the road's half-width at that height (it widens towards us)
    road = (np.abs(X - vx) < half) & (hz < Y)
    lit = np.exp(-(((hz + 2.2 - Y) / 1.6) ** 2)) * road
    cv.img += (0.05 * road + 0.4 * lit * np.exp(-(((X - vx) / (0.9 * half + 0.01)) ** 2))).astype(_F32)
    z = 6.0 / d  # depth along the road
    dash = (np.abs(X - vx) < 0.05 * d) & ((z % 3.0) < 1.3) & (hz + 0.05 < Y)
    cv.img += (0.5 * dash * np.exp(-((Y - hz - 2.5) ** 2) / 2.5)).astype(_F32)
    # trees on both verges, their trunks white-banded as on French roads, catching the lights
    trees = cv.layer(values=True)
    for side in (-1, 1):
        zt = 4.2 + cv.j(0.2)
        while zt < 80:
            dd = 6.0 / zt
            tx = vx + side * (0.9 * dd + 0.8 * dd)
            ty = hz + dd
            sc = dd * 0.7
            bright = float(np.clip(0.45 * np.exp(-(((zt - 5) / 8.0) ** 2)), 0.03, 0.45))
            trees.line([(tx, ty), (tx, ty - 2.4 * sc)], 0.22 * sc, bright * 0.3)
            trees.rect(tx - 0.12 * sc, ty - 0.8 * sc, tx + 0.12 * sc, ty - 0.5 * sc, min(0.9, bright * 2.2))
            for _ in range(4):
                trees.ellipse(
                    tx + float(rng.uniform(-1.0, 1.0)) * sc,
                    ty - float(rng.uniform(2.6, 4.0)) * sc,
                    float(rng.uniform(0.7, 1.2)) * sc,
                    float(rng.uniform(0.6, 0.9)) * sc,
                    bright * 0.15,
                )
            zt *= 1.35
    cv.comp(trees, blur=0.01)
    # the windscreen frame of an open car and the mirror
    ws = cv.layer()
    ws.line([(1.4, 6.4), (2.6, 2.3), (13.8, 2.3), (15.0, 6.4)], 0.12)
    ws.rect(7.6, 2.3, 9.0, 2.8)
    ws.line([(8.3, 2.3), (8.3, 2.1)], 0.08)
    wm = cv.comp(ws, 0.03)
    cv.img += (cv.rim(wm, 0.0, 0.025) * 0.25).astype(_F32)
    # the dashboard, its dials faintly lit, the steering wheel on the left
    dsh = cv.layer()
    dsh.poly(_chaikin([(-0.5, 6.3), (4.0, 6.0), (12.5, 6.0), (16.5, 6.3), (16.5, 10.5), (-0.5, 10.5)], 1))
    cv.comp(dsh, 0.02)
    for dx_ in (4.3, 5.5):
        dl = cv.layer()
        dl.ellipse(dx_, 6.55, 0.42, 0.32)
        cv.comp(dl, 0.12)
        cv.glow(dx_, 6.55, 0.35, 0.12)
        nd = cv.layer()
        nd.line([(dx_, 6.55), (dx_ + 0.25, 6.38)], 0.03)
        cv.light(nd, 0.4)
    wheel = cv.layer()
    wheel.line(_sag((2.6, 6.9), (7.2, 6.9), -1.6, 30), 0.16, caps=False)
    wheel.line([(4.9, 6.0), (4.9, 6.9)], 0.1)
    whm = cv.comp(wheel, 0.02)
    cv.img += (cv.rim(whm, 0.0, 0.03) * 0.3).astype(_F32)
    # the two of them from behind: his head at the wheel, hers against his shoulder
    fig = cv.layer()
    for hx, hy, hs, hair in ((5.0, 4.4, 1.9, "man"), (11.2, 4.6, 1.75, "woman")):
        fig.ellipse(hx, hy, 0.5 * hs, 0.58 * hs)  # the back of a head
        if hair == "woman":  # hair up, a knot at the nape
            fig.ellipse(hx + 0.1 * hs, hy - 0.35 * hs, 0.52 * hs, 0.42 * hs)
            fig.ellipse(hx - 0.05 * hs, hy + 0.38 * hs, 0.28 * hs, 0.2 * hs)
        else:
            fig.ellipse(hx, hy - 0.3 * hs, 0.53 * hs, 0.4 * hs)
        fig.rect(hx - 0.22 * hs, hy + 0.4 * hs, hx + 0.22 * hs, hy + 0.9 * hs)
        fig.poly(
            _chaikin(
                [
                    (hx - 1.5 * hs, 10.5),
                    (hx - 1.35 * hs, hy + 1.3 * hs),
                    (hx - 0.4 * hs, hy + 0.8 * hs),
                    (hx + 0.4 * hs, hy + 0.8 * hs),
                    (hx + 1.35 * hs, hy + 1.3 * hs),
                    (hx + 1.5 * hs, 10.5),
                ],
                2,
            )
        )
    fm = cv.comp(fig, 0.01)
    cv.light(cv.rim(fm, 0.0, 0.05) * _smooth(7.5, 3.0, Y), 0.35, blur=0.015)
    # the glow of the headlights on the road is all the light there is
    cv.glow(vx, hz + 2.0, 3.2, 0.08, ry=0.8)
    return {"vignette": 0.55, "bloom": 0.35}


def _glass(L: _Layer, x, yb, h, w, v=None, a=1.0, stem=True):
    """A wine glass standing at (x, yb): bowl, stem and foot."""
    if stem:
        L.poly(
            _chaikin(
                [
                    (x - w, yb - h),
                    (x + w, yb - h),
                    (x + 0.8 * w, yb - 0.62 * h),
                    (x + 0.1 * w, yb - 0.48 * h),
                    (x - 0.1 * w, yb - 0.48 * h),
                    (x - 0.8 * w, yb - 0.62 * h),
                ],
                2,
            ),
            v,
            a,
        )
        L.line([(x, yb - 0.5 * h), (x, yb)], 0.06 * w, v, a, caps=False)
        L.ellipse(x, yb, 0.6 * w, 0.12 * w, v, a)
    else:  # a tumbler
        L.poly([(x - w, yb - h), (x + w, yb - h), (x + 0.85 * w, yb), (x - 0.85 * w, yb)], v, a)


def _motel_table(cv: _Canvas):
    X, Y = cv.X, cv.Y
    # the motel restaurant after dinner: a table-cloth in a lamp's light, the night at the window
    cv.img[:] = 0.02
    win = cv.layer()
    win.rect(9.8, 0.5, 15.8, 4.6)
    cv.comp(win, 0.05)
    sign = cv.layer()  # the motel sign outside, a bright bar through the glass
    sign.rect(11.6, 1.3, 14.6, 2.1)
    cv.comp(sign, 0.55, blur=0.06)
    cv.glow(13.1, 1.7, 1.8, 0.12, ry=0.9)
    cur = cv.layer()
    for k in range(9):
        cur.poly([(9.4 + k * 0.13, 0.3), (9.52 + k * 0.13, 0.3), (9.6 + k * 0.13, 5.0), (9.45 + k * 0.13, 5.0)])
    cv.comp(cur, 0.05)
    # the lamp: a small shaded lamp on the table, left
    lx, ly = 3.2 + cv.j(0.1), 3.4
    light = np.exp(-np.sqrt((X - lx) ** 2 + ((Y - ly - 1.2) * 1.6) ** 2) / 3.6).astype(_F32)
    # the table, in perspective
    tab = cv.layer()
    tab.poly([(0.8, 4.9), (15.2, 4.9), (17.5, 9.2), (-1.5, 9.2)])
    cv.comp(tab, 0.05 + 0.8 * light**1.5)
    hem = cv.layer()
    hem.poly([(-1.5, 9.2), (17.5, 9.2), (17.5, 10.5), (-1.5, 10.5)])
    cv.comp(hem, 0.05 + 0.25 * light)
    folds = cv.layer()
    for k in range(12):
        fx = -1.0 + k * 1.6
        folds.line([(fx, 9.2), (fx + 0.2, 10.5)], 0.05)
    cv.comp(folds, 0.03)
    lamp = cv.layer()
    lamp.poly([(lx - 0.5, 5.6), (lx + 0.5, 5.6), (lx + 0.3, 5.35), (lx - 0.3, 5.35)])
    lamp.line([(lx, 5.4), (lx, 3.9)], 0.08)
    lamp.poly([(lx - 0.55, ly - 0.3), (lx + 0.55, ly - 0.3), (lx + 0.95, ly + 0.65), (lx - 0.95, ly + 0.65)])
    cv.comp(lamp, 0.05)
    shade = cv.layer()
    shade.poly([(lx - 0.5, ly - 0.25), (lx + 0.5, ly - 0.25), (lx + 0.88, ly + 0.6), (lx - 0.88, ly + 0.6)])
    cv.comp(shade, 0.75, blur=0.02)
    cv.glow(lx, ly + 0.65, 0.8, 0.4, ry=0.15)
    # glasses, a bottle, an ashtray with its smoke, plates pushed aside, and the small camera
    things = cv.layer()
    for gx, gy, gh in ((6.1, 6.2, 1.5), (7.3, 6.6, 1.6), (10.4, 6.0, 1.4), (11.6, 6.7, 1.65)):
        _glass(things, gx, gy, gh, 0.38)
    _bottle(things, 8.9, 6.3, 2.8, 0.58, 0)
    tm = cv.comp(things, 0.03 + 0.12 * light)
    cv.img += (cv.rim(tm, 0.04, 0.0) * 0.6 * (0.3 + light) + cv.rim(tm, -0.03, 0.0) * 0.2).astype(_F32)
    wine = cv.layer()
    for gx, gy, gh in ((6.1, 6.2, 1.5), (10.4, 6.0, 1.4)):
        wine.poly(
            [
                (gx - 0.3, gy - 0.85 * gh),
                (gx + 0.3, gy - 0.85 * gh),
                (gx + 0.2, gy - 0.62 * gh),
                (gx - 0.2, gy - 0.62 * gh),
            ]
        )
    cv.comp(wine, 0.02)
    plates = cv.layer()
    plates.ellipse(4.6, 7.6, 1.3, 0.35)
    plates.ellipse(12.9, 7.9, 1.4, 0.38)
    cv.comp(plates, 0.5 + 0.4 * light)
    pr = cv.layer()
    pr.ellipse(4.6, 7.6, 0.9, 0.22)
    pr.ellipse(12.9, 7.9, 1.0, 0.25)
    cv.comp(pr, 0.35 + 0.35 * light)
    ash = cv.layer()
    ash.ellipse(13.8, 6.1, 0.55, 0.15)
    cv.comp(ash, 0.2)
    cv.glow(14.2, 6.02, 0.03, 1.0)
    t = np.clip((6.0 - Y) / 4.0, 0, 1)
    smoke = np.exp(-(((X - 14.2 - 0.35 * np.sin(Y * 2.7) * t) / (0.04 + 0.3 * t)) ** 2)) * (Y < 6.0) * (1 - t)
    cv.img += (0.16 * smoke * np.clip(0.7 + 0.5 * cv.noise(14, 8), 0, None)).astype(_F32)
    # the camera, small and square, lens towards us, its strap trailing: the night's evidence
    cx_, cy_ = 8.0 + cv.j(0.15), 8.1
    cam = cv.layer()
    cam.poly(
        _chaikin(
            [(cx_ - 1.1, cy_ - 0.75), (cx_ + 1.1, cy_ - 0.75), (cx_ + 1.15, cy_ + 0.15), (cx_ - 1.15, cy_ + 0.15)], 1
        )
    )
    cam.rect(cx_ - 0.6, cy_ - 0.95, cx_ - 0.1, cy_ - 0.75)
    cam.line(_bezier((cx_ + 1.1, cy_ - 0.5), (cx_ + 2.2, cy_ + 0.6), (cx_ + 3.0, cy_ + 0.3), 20), 0.06)
    cmm = cv.comp(cam, 0.02)
    cv.img += (cv.rim(cmm, 0.0, 0.04) * 0.6 + cv.rim(cmm, 0.04, 0.0) * 0.3).astype(_F32)
    lens = cv.layer()
    lens.ellipse(cx_ + 0.15, cy_ - 0.3, 0.38, 0.38)
    cv.comp(lens, 0.25)
    glass_ = cv.layer()
    glass_.ellipse(cx_ + 0.15, cy_ - 0.3, 0.25, 0.25)
    cv.comp(glass_, 0.04)
    cv.glow(cx_ + 0.05, cy_ - 0.4, 0.05, 0.9)
    vf = cv.layer()
    vf.rect(cx_ - 0.95, cy_ - 0.6, cx_ - 0.6, cy_ - 0.38)
    cv.comp(vf, 0.45)
    return {"vignette": 0.55, "bloom": 0.3}


def _lift_door(cv: _Canvas):
    X, Y = cv.X, cv.Y
    # from inside the cage: the scissor gate folded back to the left, the dark lobby beyond,
    # tiles running away to the street door where the first grey light comes in
    cv.img[:] = 0.012
    vx, vy = 9.6 + cv.j(0.15), 4.1
    # the lobby: floor tiles in one-point perspective towards the door
    floor = vy + 0.05 < Y
    d = np.maximum(Y - vy, 1e-3)
    u = (X - vx) / d  # across the floor
    z = 1.0 / d  # depth
    checker = ((np.floor(u * 1.2) + np.floor(z * 6.0)) % 2).astype(_F32)
    door_light = np.exp(-((u / 0.9) ** 2)) * np.exp(-z * 0.9)
    cv.img += (floor * (0.03 + 0.04 * checker + 0.45 * door_light * (0.55 + 0.45 * checker))).astype(_F32)
    # the lobby walls, and the glass street door at the far end with daylight in it
    dw, dh = 1.5, 2.9
    door = cv.layer()
    door.rect(vx - dw / 2, vy - dh, vx + dw / 2, vy + 0.05)
    cv.comp(door, 0.72 + 0.2 * _smooth(vy, vy - dh, Y))
    dbar = cv.layer()
    dbar.rect(vx - 0.04, vy - dh, vx + 0.04, vy)
    dbar.rect(vx - dw / 2, vy - dh * 0.45, vx + dw / 2, vy - dh * 0.45 + 0.07)
    cv.comp(dbar, 0.1)
    cv.glow(vx, vy - 1.2, 2.2, 0.12, ry=1.6)
    # a light shaft from the door across the floor, and dust in it
    shaft = np.exp(-((u / 0.55) ** 2)) * floor * np.exp(-(Y - vy) / 4.0)
    cv.img += (0.12 * shaft).astype(_F32)
    # the mailboxes on the right wall, the stair rail on the left, all in silhouette
    mb = cv.layer()
    for r in range(3):
        for c in range(4):
            x0 = 12.2 + c * 0.55 + r * 0.0
            mb.rect(x0, 2.4 + r * 0.5, x0 + 0.45, 2.8 + r * 0.5)
    cv.comp(mb, 0.05)
    cv.img += (0.05 * np.exp(-(((X - 13.2) / 1.5) ** 2) - (((Y - 3.0) / 1.0) ** 2))).astype(_F32)
    rail = cv.layer()
    rail.line([(6.4, 2.2), (3.2, 6.4)], 0.07)
    for k in range(7):
        t = k / 6
        bx, by = 6.4 + (3.2 - 6.4) * t, 2.2 + (6.4 - 2.2) * t
        rail.line([(bx, by), (bx, by + 1.2)], 0.04)
    cv.comp(rail, 0.03)
    # the cage's own frame around the opening, and the gate pushed back into a tight lattice
    cage = cv.layer()
    cage.rect(-0.5, -0.5, 16.5, 0.35)  # the cage ceiling
    cage.rect(14.9, -0.5, 16.5, 10.5)  # its right post
    cage.rect(-0.5, 8.9, 16.5, 10.5)  # its sill
    cv.comp(cage, 0.02)
    sill = cv.layer()
    sill.line([(-0.5, 8.9), (14.9, 8.9)], 0.06)
    cv.light(sill, 0.3)
    gate = cv.layer()
    gx0, gx1 = 0.2, 3.4
    n = 9
    for i in range(n + 1):
        x = gx0 + (gx1 - gx0) * i / n
        gate.line([(x, 0.35), (x, 8.9)], 0.07, caps=False)
    for i in range(n):
        xa, xb = gx0 + (gx1 - gx0) * i / n, gx0 + (gx1 - gx0) * (i + 1) / n
        for k in range(12):
            ya, yb = 0.35 + k * 0.72, 0.35 + (k + 1) * 0.72
            gate.line([(xa, ya), (xb, yb)], 0.045, caps=False)
            gate.line([(xa, yb), (xb, ya)], 0.045, caps=False)
    gm = cv.comp(gate, 0.03)
    cv.img += (cv.rim(gm, -0.03, 0.0) * 0.35).astype(_F32)
    # his shadow, long across the tiles, thrown by the daylight behind him? No: he stands in the
    # opening, a dark shape against the door, on his way out
    man = cv.layer()
    mx, mf, mh = 7.3 + cv.j(0.1), 8.0, 5.4

    def P(px, py):
        return (mx + px * mh, mf - py * mh)

    man.ellipse(*P(0.0, 0.92), 0.06 * mh, 0.07 * mh)
    man.poly(
        _chaikin(
            [
                P(-0.12, 0.84),
                P(0.12, 0.84),
                P(0.15, 0.45),
                P(0.11, 0.43),
                P(0.09, 0.0),
                P(0.02, 0.0),
                P(0.0, 0.4),
                P(-0.02, 0.0),
                P(-0.09, 0.0),
                P(-0.11, 0.43),
                P(-0.15, 0.45),
            ],
            1,
        )
    )
    man.poly(_capsule(P(0.12, 0.8), 0.03 * mh, P(0.17, 0.5), 0.02 * mh))
    man.poly(_capsule(P(-0.12, 0.8), 0.03 * mh, P(-0.16, 0.5), 0.02 * mh))
    mm = cv.comp(man, 0.01)
    cv.img += (cv.rim(mm, -0.03, 0.0) * 0.25 * _smooth(3.0, 6.0, Y)).astype(_F32)
    return {"vignette": 0.55, "bloom": 0.4, "bloom_wide": 0.25}


def _standing_man(L: _Layer, x, yf, h, v=None, a=1.0, hat=True, facing=1):
    """A man in a long coat and a hat, standing; yf is the feet line, h his height."""
    f = facing

    def P(px, py):
        return (x + px * h * f, yf - py * h)

    L.ellipse(*P(0.0, 0.915), 0.055 * h, 0.065 * h, v, a)
    if hat:
        L.poly([P(-0.06, 0.94), P(-0.05, 1.0), P(0.05, 1.0), P(0.06, 0.94)], v, a)
        L.ellipse(*P(0.0, 0.94), 0.1 * h, 0.017 * h, v, a)
    coat = [
        (-0.03, 0.86),
        (-0.12, 0.83),
        (-0.14, 0.7),
        (-0.13, 0.5),
        (-0.15, 0.22),
        (0.15, 0.22),
        (0.13, 0.5),
        (0.14, 0.7),
        (0.12, 0.83),
        (0.03, 0.86),
    ]
    L.poly([P(*p) for p in _chaikin(coat, 2)], v, a)
    L.poly(_capsule(P(-0.05, 0.24), 0.035 * h, P(-0.06, 0.01), 0.025 * h), v, a)
    L.poly(_capsule(P(0.05, 0.24), 0.035 * h, P(0.07, 0.01), 0.025 * h), v, a)
    L.poly(_capsule(P(0.12, 0.8), 0.032 * h, P(0.14, 0.46), 0.024 * h), v, a)
    L.poly(_capsule(P(-0.12, 0.8), 0.032 * h, P(-0.14, 0.46), 0.024 * h), v, a)


def _police_car(cv: _Canvas):
    Y = cv.Y
    rng = cv.rng
    # a street before dawn: a black saloon at the kerb, its headlights on, two men in hats waiting
    hz = 5.2
    cv.img[:] = 0.02 + 0.12 * _smooth(0.0, hz, Y) ** 2 * (hz > Y)
    bl = cv.layer(values=True)  # the buildings across the street, flat against a paling sky
    x = -0.5
    while x < 16.5:
        w = float(rng.uniform(1.6, 3.2))
        top = float(rng.uniform(0.6, 2.2))
        bl.rect(x, top, x + w, hz, 0.03 + float(rng.uniform(0, 0.02)))
        for _ in range(int(rng.integers(0, 3))):
            wx, wy = float(rng.uniform(x + 0.2, x + w - 0.4)), float(rng.uniform(top + 0.3, hz - 0.8))
            bl.rect(wx, wy, wx + 0.25, wy + 0.4, float(rng.uniform(0.2, 0.4)))
        x += w
    cv.comp(bl, blur=0.01)
    road = cv.layer()
    road.rect(-0.5, hz, 16.5, 10.5)
    cv.comp(road, 0.03)
    # the car, seen from the front three-quarters: a bulky 1950s saloon
    cx_, yg, cw = 5.6 + cv.j(0.15), 7.9, 4.6
    car = cv.layer()
    body = [
        (-0.5, 0.12),
        (-0.52, 0.42),
        (-0.45, 0.55),
        (-0.3, 0.58),
        (-0.24, 0.9),
        (0.24, 0.9),
        (0.3, 0.58),
        (0.45, 0.55),
        (0.52, 0.42),
        (0.5, 0.12),
    ]
    car.poly([(cx_ + px * cw, yg - py * cw * 0.62) for px, py in _chaikin(body, 2)])
    for s_ in (-1, 1):  # wheels and mudguards
        car.ellipse(cx_ + s_ * 0.36 * cw, yg - 0.08 * cw, 0.12 * cw, 0.1 * cw)
    cm = cv.comp(car, 0.02)
    cv.img += (cv.rim(cm, 0.0, 0.03) * 0.45).astype(_F32)
    ws = cv.layer()
    ws.poly(
        [
            (cx_ - 0.22 * cw, yg - 0.56 * cw * 0.62 - 0.05),
            (cx_ + 0.22 * cw, yg - 0.56 * cw * 0.62 - 0.05),
            (cx_ + 0.18 * cw, yg - 0.86 * cw * 0.62),
            (cx_ - 0.18 * cw, yg - 0.86 * cw * 0.62),
        ]
    )
    cv.comp(ws, 0.12 + 0.1 * _smooth(yg - 0.55 * cw * 0.62, yg - 0.86 * cw * 0.62, Y))
    grille = cv.layer()
    for k in range(7):
        gx = cx_ - 0.12 * cw + k * 0.04 * cw
        grille.line([(gx, yg - 0.42 * cw * 0.62), (gx, yg - 0.2 * cw * 0.62)], 0.03)
    grille.line([(cx_ - 0.5 * cw, yg - 0.14 * cw * 0.62), (cx_ + 0.5 * cw, yg - 0.14 * cw * 0.62)], 0.08)
    cv.light(grille, 0.3)
    sign = cv.layer()  # the POLICE plate on the roof, as a pale bar
    sign.rect(cx_ - 0.12 * cw, yg - 0.96 * cw * 0.62, cx_ + 0.12 * cw, yg - 0.9 * cw * 0.62)
    cv.comp(sign, 0.6)
    for s_ in (-1, 1):  # headlights, their beams on the wet road
        hx, hy = cx_ + s_ * 0.36 * cw, yg - 0.36 * cw * 0.62
        cv.glow(hx, hy, 0.16, 2.0)
        cv.glow(hx, hy, 0.9, 0.35)
        w_ = cv.window(hx - 2, yg, hx + 2, 10.5)
        if w_:
            sr, sc, Xw, Yw = w_
            cv.img[sr, sc] += (
                0.3
                * np.exp(-(((Xw - hx) / (0.15 + 0.25 * (Yw - yg))) ** 2))
                * np.exp(-(Yw - yg) / 2.0)
                * (0.7 + 0.3 * np.sin(Yw * 30.0))
            )
    # two men in coats and hats beside it, and a third shape by the door: the men sent for Julien
    men = cv.layer()
    _standing_man(men, 10.9 + cv.j(0.1), 8.2, 4.6, facing=-1)
    _standing_man(men, 12.7 + cv.j(0.1), 8.35, 4.9, facing=-1)
    mm = cv.comp(men, 0.012)
    cv.img += (cv.rim(mm, 0.04, 0.0) * 0.35 * _smooth(8.2, 4.0, Y)).astype(_F32)
    for mx, my in ((10.9, 4.0), (12.7, 3.8)):  # cigarettes
        cv.glow(mx - 0.3, my + 0.55, 0.03, 0.7)
    _reflect(cv, 8.3, 0.3, blur=0.06, fall=1.2, ripple=0.3)
    return {"vignette": 0.5, "bloom": 0.4}


def _print_closeup(cv: _Canvas):
    X, Y = cv.X, cv.Y
    # a print lifted from the tray in a pair of tongs, dripping, under the safelight
    sx, sy = 2.2 + cv.j(0.2), 1.3
    halo = np.exp(-np.sqrt((X - sx) ** 2 + ((Y - sy) * 1.2) ** 2) / 3.2)
    cv.img[:] = 0.01 + 0.25 * halo
    light = (0.1 + 0.9 * np.exp(-np.sqrt((X - sx) ** 2 + (Y - sy) ** 2) / 7.0)).astype(_F32)
    sl = cv.layer()
    sl.rect(sx - 0.6, sy - 0.4, sx + 0.6, sy + 0.4)
    cv.comp(sl, 0.9)
    cv.glow(sx, sy, 0.9, 0.3)
    # the tray below, its liquid catching the light
    tray = cv.layer()
    tray.poly([(1.0, 8.3), (15.0, 8.1), (16.5, 10.5), (-0.5, 10.5)])
    cv.comp(tray, 0.1 + 0.4 * light)
    liq = cv.layer()
    liq.poly([(1.5, 8.55), (14.6, 8.35), (15.9, 10.5), (0.0, 10.5)])
    lm = cv.comp(liq, 0.03)
    cv.img += (lm * 0.25 * np.exp(-(((X - sx - 1.0) / 1.2) ** 2)) * (0.6 + 0.4 * np.sin(X * 9 + Y * 4))).astype(_F32)
    # the print, tilted, held by one corner
    ang = -7 + cv.j(1.5)
    px0, py0, pw, ph = 4.6, 1.3, 7.4, 5.6
    cxp, cyp = px0 + pw / 2, py0 + ph / 2

    def Q(u, v):
        return _rot([(px0 + u * pw, py0 + v * ph)], cxp, cyp, ang)[0]

    pr = cv.layer()
    pr.poly([Q(0, 0), Q(1, 0), Q(1, 1), Q(0, 1)])
    cv.comp(pr, 0.2 + 0.7 * light)
    # the picture on it: two figures side by side, heads together, a window behind them
    pic = cv.layer(values=True)
    b = 0.06
    pic.poly([Q(b, b), Q(1 - b, b), Q(1 - b, 1 - b), Q(b, 1 - b)], 0.62)
    pic.poly([Q(0.58, 0.14), Q(0.86, 0.14), Q(0.86, 0.5), Q(0.58, 0.5)], 0.85)  # window
    hx1, hy1 = Q(0.36, 0.42)
    hx2, hy2 = Q(0.6, 0.45)
    _head(pic, hx1, hy1, 1.3, facing=1, hair="man", v=0.1)
    _head(pic, hx2, hy2, 1.2, facing=-1, hair="woman", v=0.16)
    pic.poly(
        [Q(0.14, 1 - b), Q(0.2, 0.66), Q(0.46, 0.6), Q(0.5, 0.66), Q(0.74, 0.62), Q(0.86, 0.7), Q(0.9, 1 - b)], 0.12
    )
    ia = cv.arr(pic.a, blur=0.025)
    iv = cv.arr(pic.v, blur=0.025)
    tone = np.where(ia > 0.01, iv / np.maximum(ia, 0.01), 0.0)
    cv.img = (cv.img * (1 - ia) + ia * tone * (0.2 + 0.8 * light)).astype(_F32)
    sheen = cv.layer()
    sheen.poly([Q(0.0, 0.0), Q(0.3, 0.0), Q(0.0, 0.4)])
    cv.light(sheen, 0.08, blur=0.1)
    # the tongs, from the top right, gripping the corner
    tg = cv.layer()
    c = Q(0.97, 0.03)
    tg.line([(15.8, -0.5), (c[0] + 0.15, c[1] - 0.05)], 0.14)
    tg.line([(16.4, -0.3), (c[0] + 0.3, c[1] + 0.1)], 0.12)
    tg.ellipse(c[0] + 0.15, c[1], 0.18, 0.12)
    tm = cv.comp(tg, 0.05)
    cv.img += (cv.rim(tm, 0.03, 0.03) * 0.4).astype(_F32)
    # drops falling from the lower edge back into the tray
    for k, u_ in enumerate((0.12, 0.41, 0.77)):
        dx_, dy_ = Q(u_, 1.0)
        for j in range(2):
            cv.glow(dx_ + 0.02 * k, dy_ + 0.3 + j * (0.45 + 0.2 * k), 0.04, 0.55, ry=0.07)
    return {"vignette": 0.6, "bloom": 0.3}


_DRAW = {
    "phone-call": _phone_call,
    "office-rope": _office_rope,
    "lift-cage": _lift_cage,
    "stolen-car": _stolen_car,
    "shop-windows": _shop_windows,
    "bar": _bar,
    "motorway": _motorway,
    "motel": _motel,
    "watchman": _watchman,
    "stairwell": _stairwell,
    "darkroom": _darkroom,
    "studio": _studio,
    "office-phone": _office_phone,
    "carala-office": _carala_office,
    "car-at-kerb": _car_at_kerb,
    "cafe-window": _cafe_window,
    "dashboard": _dashboard,
    "motel-table": _motel_table,
    "lift-door": _lift_door,
    "police-car": _police_car,
    "print-closeup": _print_closeup,
}

LOOKS: tuple[str, ...] = tuple(_DRAW)


def draw_still(look: str, *, seed: int, size: tuple[int, int] = (1280, 720)) -> Image.Image:
    """Draw a black-and-white "film still" of the given look.

    Returns a mode "L" image of exactly ``size``.  Same arguments → same
    pixels.  Raises ValueError for an unknown look.
    """
    try:
        fn = _DRAW[look]
    except (KeyError, TypeError):
        raise ValueError(f"unknown look {look!r}; known looks: {', '.join(LOOKS)}") from None
    cv = _Canvas(size, seed)
    params = fn(cv) or {}
    return cv.finish(**params)
