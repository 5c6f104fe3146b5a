"""A minimal text PDF writer for demo documents (no dependencies).

Russian text needs an embedded font: we embed a subset (only the glyphs used) of a TrueType font found on
the machine (DejaVu, Liberation, FreeSans or Noto) as a CID font with a ToUnicode map, so the text is real,
selectable and readable by screen readers. Without any such font the text is transliterated and set in the
built-in Helvetica.
"""

import struct
import zlib
from functools import lru_cache
from pathlib import Path

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
]
PAGE_W, PAGE_H, MARGIN = 595, 842, 56
TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya".split(" "),
        strict=False,
    )
)


def _translit(char):
    latin = TRANSLIT.get(char.lower())
    if latin is None:
        return char
    return latin.capitalize() if char.isupper() else latin


def find_font():
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return None


class TrueTypeFont:
    """Just enough of a TrueType file: unicode → glyph id, advance widths, units per em."""

    def __init__(self, path):
        self.data = Path(path).read_bytes()
        num_tables = struct.unpack(">H", self.data[4:6])[0]
        self.tables = {}
        for i in range(num_tables):
            tag, _checksum, offset, length = struct.unpack(">4sIII", self.data[12 + 16 * i : 28 + 16 * i])
            self.tables[tag.decode("latin-1")] = (offset, length)
        self.units_per_em = struct.unpack(">H", self._table("head")[18:20])[0]
        num_metrics = struct.unpack(">H", self._table("hhea")[34:36])[0]
        hmtx = self._table("hmtx")
        self.advances = [struct.unpack(">H", hmtx[4 * i : 4 * i + 2])[0] for i in range(num_metrics)]
        self.cmap = self._read_cmap()

    def _table(self, tag):
        offset, length = self.tables[tag]
        return self.data[offset : offset + length]

    def _read_cmap(self):
        cmap = self._table("cmap")
        count = struct.unpack(">H", cmap[2:4])[0]
        for i in range(count):
            platform, encoding, offset = struct.unpack(">HHI", cmap[4 + 8 * i : 12 + 8 * i])
            if platform == 3 and encoding == 1 and struct.unpack(">H", cmap[offset : offset + 2])[0] == 4:
                return self._format4(cmap[offset:])
        raise ValueError("no Unicode BMP cmap")

    @staticmethod
    def _format4(sub):
        seg_count = struct.unpack(">H", sub[6:8])[0] // 2
        ends = struct.unpack(f">{seg_count}H", sub[14 : 14 + 2 * seg_count])
        base = 16 + 2 * seg_count
        starts = struct.unpack(f">{seg_count}H", sub[base : base + 2 * seg_count])
        deltas = struct.unpack(f">{seg_count}h", sub[base + 2 * seg_count : base + 4 * seg_count])
        range_base = base + 4 * seg_count
        offsets = struct.unpack(f">{seg_count}H", sub[range_base : range_base + 2 * seg_count])
        mapping = {}
        for seg in range(seg_count):
            for code in range(starts[seg], ends[seg] + 1):
                if code == 0xFFFF:
                    continue
                if offsets[seg] == 0:
                    glyph = (code + deltas[seg]) & 0xFFFF
                else:
                    where = range_base + 2 * seg + offsets[seg] + 2 * (code - starts[seg])
                    glyph = struct.unpack(">H", sub[where : where + 2])[0]
                    glyph = (glyph + deltas[seg]) & 0xFFFF if glyph else 0
                if glyph:
                    mapping[code] = glyph
        return mapping

    def subset(self, glyphs):
        """A smaller font file with only these glyphs' outlines (ids unchanged, so CIDToGIDMap stays Identity)."""
        head = bytearray(self._table("head"))
        long_loca = struct.unpack(">h", head[50:52])[0] == 1
        num_glyphs = struct.unpack(">H", self._table("maxp")[4:6])[0]
        loca = self._table("loca")
        if long_loca:
            offsets = struct.unpack(f">{num_glyphs + 1}I", loca[: 4 * (num_glyphs + 1)])
        else:
            offsets = [2 * o for o in struct.unpack(f">{num_glyphs + 1}H", loca[: 2 * (num_glyphs + 1)])]
        glyf = self._table("glyf")

        keep, pending = set(), {0, *glyphs}
        while pending:  # composite glyphs pull in their components
            glyph = pending.pop()
            if glyph in keep or glyph >= num_glyphs:
                continue
            keep.add(glyph)
            data = glyf[offsets[glyph] : offsets[glyph + 1]]
            if len(data) >= 10 and struct.unpack(">h", data[:2])[0] < 0:
                pending.update(_components(data))

        new_glyf, new_loca = bytearray(), []
        for glyph in range(num_glyphs):
            new_loca.append(len(new_glyf))
            if glyph in keep:
                new_glyf += glyf[offsets[glyph] : offsets[glyph + 1]]
                new_glyf += b"\0" * (-len(new_glyf) % 4)
        new_loca.append(len(new_glyf))
        head[50:52] = struct.pack(">h", 1)
        head[8:12] = b"\0\0\0\0"
        tables = {tag: self._table(tag) for tag in ("hhea", "maxp", "hmtx", "cvt ", "fpgm", "prep", "OS/2")
                  if tag in self.tables}  # fmt: skip
        tables.update(
            {"head": bytes(head), "glyf": bytes(new_glyf), "loca": struct.pack(f">{len(new_loca)}I", *new_loca)}
        )
        return _sfnt(tables)

    def glyph(self, char):
        return self.cmap.get(ord(char), self.cmap.get(ord("?"), 0))

    def width(self, glyph):
        advance = self.advances[min(glyph, len(self.advances) - 1)]
        return advance * 1000 // self.units_per_em


def _components(data):
    components, position = [], 10
    while True:
        flags, glyph = struct.unpack(">HH", data[position : position + 4])
        components.append(glyph)
        position += 4 + (4 if flags & 0x0001 else 2)
        position += 2 if flags & 0x0008 else 4 if flags & 0x0040 else 8 if flags & 0x0080 else 0
        if not flags & 0x0020:
            return components


def _checksum(data):
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def _sfnt(tables):
    tags = sorted(tables)
    count = len(tags)
    power = 1 << (count.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, count, power * 16, power.bit_length() - 1, count * 16 - power * 16)
    offset = 12 + 16 * count
    records, body = bytearray(), bytearray()
    for tag in tags:
        data = tables[tag]
        records += struct.pack(">4sIII", tag.encode("latin-1"), _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    font = bytearray(header + records + body)
    head_at = 12 + 16 * tags.index("head")
    head_offset = struct.unpack(">I", font[head_at + 8 : head_at + 12])[0]
    font[head_offset + 8 : head_offset + 12] = struct.pack(">I", (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF)
    return bytes(font)


@lru_cache(maxsize=4)
def _load_font(path):
    return TrueTypeFont(path)


def _wrap(text, measure, width):
    lines = []
    for paragraph in text.split("\n"):
        words, line = paragraph.split(), ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if measure(candidate) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def build_pdf(title, paragraphs, font_path="auto"):
    """PDF bytes: a title and paragraphs of text, A4, as many pages as needed."""
    font_path = find_font() if font_path == "auto" else font_path
    font = _load_font(font_path) if font_path else None
    used = {}

    def encode(text):
        if font is None:
            ascii_text = "".join(_translit(c) for c in text)
            ascii_text = ascii_text.encode("latin-1", "replace").decode("latin-1")
            escaped = ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            return f"({escaped})"
        glyphs = []
        for char in text:
            glyph = font.glyph(char)
            used[glyph] = char
            glyphs.append(glyph)
        return "<" + "".join(f"{g:04X}" for g in glyphs) + ">"

    def measure(text, size):
        if font is None:
            return len(text) * size * 0.5
        return sum(font.width(font.glyph(c)) for c in text) * size / 1000

    blocks = [(18, title)] + [(12, p) for p in paragraphs]
    pages, ops, y = [], [], PAGE_H - MARGIN
    for size, text in blocks:
        for line in _wrap(text, lambda t, s=size: measure(t, s), PAGE_W - 2 * MARGIN):
            if y - size * 1.4 < MARGIN:
                pages.append(ops)
                ops, y = [], PAGE_H - MARGIN
            y -= size * 1.4
            ops.append(f"BT /F1 {size} Tf {MARGIN} {y:.1f} Td {encode(line)} Tj ET")
        y -= size * 0.6
    pages.append(ops)
    return _assemble(title, pages, font, used)


def _assemble(title, pages, font, used):
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_id = add(None)
    if font is None:
        font_id = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    else:
        subset = font.subset(used)
        font_file = zlib.compress(subset, 9)
        file_id = add(
            b"<< /Length %d /Length1 %d /Filter /FlateDecode >>\nstream\n" % (len(font_file), len(subset))
            + font_file
            + b"\nendstream"
        )
        descriptor = add(
            b"<< /Type /FontDescriptor /FontName /EmbeddedSans /Flags 32 /FontBBox [-1000 -300 2000 1000] "
            b"/ItalicAngle 0 /Ascent 900 /Descent -250 /CapHeight 700 /StemV 80 /FontFile2 %d 0 R >>" % file_id
        )
        widths = " ".join(f"{g} [{font.width(g)}]" for g in sorted(used))
        cid_font = add(
            (
                "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /EmbeddedSans "
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                f"/FontDescriptor {descriptor} 0 R /CIDToGIDMap /Identity /DW 500 /W [{widths}] >>"
            ).encode()
        )
        to_unicode = _to_unicode(used)
        unicode_id = add(b"<< /Length %d >>\nstream\n" % len(to_unicode) + to_unicode + b"\nendstream")
        font_id = add(
            (
                "<< /Type /Font /Subtype /Type0 /BaseFont /EmbeddedSans /Encoding /Identity-H "
                f"/DescendantFonts [{cid_font} 0 R] /ToUnicode {unicode_id} 0 R >>"
            ).encode()
        )
    page_ids = []
    for ops in pages:
        content = zlib.compress("\n".join(ops).encode("latin-1"), 9)
        content_id = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream")
        page_ids.append(
            add(
                (
                    f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                    f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >>"
                ).encode()
            )
        )
    objects[pages_id - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] /Count {len(page_ids)} >>"
    ).encode()
    objects[catalog - 1] = (
        f"<< /Type /Catalog /Pages {pages_id} 0 R /Lang (ru-RU) /ViewerPreferences << /DisplayDocTitle true >> >>"
    ).encode()
    info = add(b"<< /Title <" + ("\ufeff" + title).encode("utf-16-be").hex().upper().encode() + b"> >>")

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(out)


def _to_unicode(used):
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    items = sorted(used.items())
    for start in range(0, len(items), 100):
        chunk = items[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{g:04X}> <{ord(c):04X}>" for g, c in chunk]
        lines.append("endbfchar")
    lines.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    return "\n".join(lines).encode("ascii")
