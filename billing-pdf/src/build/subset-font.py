#!/usr/bin/env python3
"""Builds the embedded fonts of billing-pdf from Noto Sans and Noto Sans CJK JP (both SIL OFL 1.1).

Not part of the Maven build: run it by hand when a font needs to change, then commit the result.
Needs Debian's fonts-noto-core (20201225), fonts-noto-cjk (20220127) and python3-fonttools:

    F=billing-pdf/src/main/resources/dev/billops/pdf/fonts
    for w in Regular Bold; do
      python3 billing-pdf/src/build/subset-font.py latin \\
          /usr/share/fonts/truetype/noto/NotoSans-$w.ttf $F/NotoSans-$w-subset.ttf
      python3 billing-pdf/src/build/subset-font.py cjk \\
          /usr/share/fonts/opentype/noto/NotoSansCJK-$w.ttc $F/NotoSansCJKjp-$w-subset.ttf
    done

Two faces per weight, so that a document pays for what it uses: OpenPDF subsets an embedded
font per document, and that work grows with the font's glyph count. European text only ever
touches the small Latin face (Latin incl. Extended-A/B and Additional, Greek, Cyrillic,
punctuation, currency and letter-like symbols, arrows, math operators, shapes); the large
Japanese face (CJK symbols and punctuation, Hiragana, Katakana, half/full-width forms, and every
character of Windows Japanese text, cp932: JIS X 0208 levels 1 and 2 with the NEC/IBM
extensions) is embedded only into documents with Japanese text. The renderer picks the face per
character, the Latin one first.

The CJK face's CFF outlines are converted to TrueType (quadratic) outlines, so OpenPDF embeds
both faces as CIDFontType2 subsets; layout, hinting and vertical-metrics tables are dropped, as
OpenPDF does not use them.
"""
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

LATIN_RANGES = [
    (0x20, 0x7E), (0xA0, 0x24F), (0x2B0, 0x2FF), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1EFF),
    (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2150, 0x218F), (0x2190, 0x21FF),
    (0x2200, 0x22FF), (0x2460, 0x24FF), (0x25A0, 0x25FF), (0xFB00, 0xFB06),
]
CJK_RANGES = [
    (0x20, 0x20), (0xA0, 0xA0),
    (0x3000, 0x303F), (0x3040, 0x309F), (0x30A0, 0x30FF), (0x31F0, 0x31FF), (0xFF00, 0xFFEF),
]


def code_points(ranges, with_cp932):
    cps = set()
    for first, last in ranges:
        cps.update(range(first, last + 1))
    if with_cp932:
        for lead in list(range(0x81, 0xA0)) + list(range(0xE0, 0xFD)):
            for trail in list(range(0x40, 0x7F)) + list(range(0x80, 0xFD)):
                try:
                    text = bytes([lead, trail]).decode("cp932")
                except UnicodeDecodeError:
                    continue
                cps.update(ord(c) for c in text)
    return cps


def options():
    opts = subset.Options()
    opts.layout_features = []
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "vhea", "vmtx", "VORG", "DSIG"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = False
    opts.desubroutinize = True
    return opts


def cff_to_truetype(font):
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def main(kind, source, target):
    if kind == "latin":
        font = TTFont(source)
        wanted = code_points(LATIN_RANGES, False)
    elif kind == "cjk":
        font = TTCollection(source).fonts[0]  # face 0 of the collection is Noto Sans CJK JP
        wanted = code_points(CJK_RANGES, True)
    else:
        raise SystemExit("kind must be latin or cjk, got " + kind)
    subsetter = subset.Subsetter(options())
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    if kind == "cjk":
        cff_to_truetype(font)
    # OpenPDF reads cmap formats 4 and 12; the variation-sequence table (format 14) is not needed.
    font["cmap"].tables = [t for t in font["cmap"].tables if t.format != 14]
    font.save(target)
    print(target, len(font.getGlyphOrder()), "glyphs")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
