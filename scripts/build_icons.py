"""Build the site's icons (favicon, touch icons, manifest icons) from one drawing: a child's head above a heart
in white on the portal's blue. Run after changing the drawing: python scripts/build_icons.py

Writes static/icons/: favicon.svg, favicon.ico (16, 32, 48 px), apple-touch-icon.png (180 px, opaque: iOS
rounds the corners itself), icon-192.png, icon-512.png and icon-maskable-512.png (the drawing inside the
safe zone of a maskable icon).
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "static" / "icons"
BLUE = "#0b4f9c"
WHITE = "#ffffff"
# The drawing on a 64×64 grid: the head (circle) and the heart (cubic Bézier segments).
HEAD = (32, 16, 7.5)
HEART = [
    ((32, 55), (21, 47), (13, 40), (13, 33)),
    ((13, 33), (13, 27.5), (17.5, 24), (22.5, 24)),
    ((22.5, 24), (26.5, 24), (29.5, 26.5), (32, 30)),
    ((32, 30), (34.5, 26.5), (37.5, 24), (41.5, 24)),
    ((41.5, 24), (46.5, 24), (51, 27.5), (51, 33)),
    ((51, 33), (51, 40), (43, 47), (32, 55)),
]

SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="14" fill="{BLUE}"/>
<circle cx="{HEAD[0]}" cy="{HEAD[1]}" r="{HEAD[2]}" fill="{WHITE}"/>
<path fill="{WHITE}" d="M{HEART[0][0][0]} {HEART[0][0][1]} {
    " ".join(f"C{a[0]} {a[1]} {b[0]} {b[1]} {c[0]} {c[1]}" for _start, a, b, c in HEART)
}Z"/>
</svg>
"""


def _bezier(p0, p1, p2, p3, steps=24):
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        yield (
            u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
            u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
        )


def draw(size, rounded=True, inset=0.0):
    """The icon at `size` px; `inset` shrinks the drawing towards the centre (for maskable icons)."""
    scale = 8  # draw large, then shrink: smooth edges
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if rounded:
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 14 / 64, fill=BLUE)
    else:
        pen.rectangle((0, 0, big, big), fill=BLUE)
    unit = big / 64 * (1 - 2 * inset)
    offset = big * inset

    def at(x, y):
        return (offset + x * unit, offset + y * unit)

    cx, cy, r = HEAD
    (x0, y0), (x1, y1) = at(cx - r, cy - r), at(cx + r, cy + r)
    pen.ellipse((x0, y0, x1, y1), fill=WHITE)
    outline = [at(*point) for segment in HEART for point in _bezier(*segment)]
    pen.polygon(outline, fill=WHITE)
    return image.resize((size, size), Image.LANCZOS)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "favicon.svg").write_text(SVG, encoding="utf-8")
    draw(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    draw(180, rounded=False).convert("RGB").save(OUT / "apple-touch-icon.png", optimize=True)
    draw(192).save(OUT / "icon-192.png", optimize=True)
    draw(512).save(OUT / "icon-512.png", optimize=True)
    draw(512, rounded=False, inset=0.1).convert("RGB").save(OUT / "icon-maskable-512.png", optimize=True)
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(OUT.parent.parent)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
