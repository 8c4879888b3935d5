#!/usr/bin/env python3
"""Builds the embedded font of billing-pdf from Noto Sans CJK JP and Noto Sans (both SIL OFL 1.1).

Not part of the Maven build: run it by hand when the font needs to change, then commit the
result. Needs Debian's fonts-noto-cjk (20220127), fonts-noto-core (20201225) and
python3-fonttools:

    python3 billing-pdf/src/build/subset-font.py \
        /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
        /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf \
        billing-pdf/src/main/resources/dev/billops/pdf/fonts/NotoSansCJKjp-Regular-subset.ttf
    (and the same with Bold)

What it keeps: Latin (incl. Extended-A/B and Additional), Greek, Cyrillic, punctuation, currency
and letter-like symbols, arrows, math operators, enclosed numbers, geometric shapes, CJK symbols,
Hiragana, Katakana, half/full-width forms, and every character of Windows Japanese text (cp932:
JIS X 0208 levels 1 and 2 with the NEC/IBM extensions). It converts the CFF outlines to TrueType
(quadratic) outlines, so OpenPDF embeds them as a CIDFontType2 subset, and drops the layout and
vertical-metrics tables, which OpenPDF does not use. Characters of those ranges that Noto Sans
CJK lacks (thin and narrow no-break spaces, which French number formats use; the rouble, rupee
and other newer currency signs; rarer Latin and Cyrillic letters) are added from Noto Sans, whose
metrics match (1000 units per em, similar x-height).
"""
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

RANGES = [
    (0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1EFF),
    (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2150, 0x218F), (0x2190, 0x21FF),
    (0x2200, 0x22FF), (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x3000, 0x303F), (0x3040, 0x309F),
    (0x30A0, 0x30FF), (0x31F0, 0x31FF), (0xFF00, 0xFFEF),
]


def code_points():
    cps = set()
    for first, last in RANGES:
        cps.update(range(first, last + 1))
    for lead in list(range(0x81, 0xA0)) + list(range(0xE0, 0xFD)):
        for trail in list(range(0x40, 0x7F)) + list(range(0x80, 0xFD)):
            try:
                text = bytes([lead, trail]).decode("cp932")
            except UnicodeDecodeError:
                continue
            cps.update(ord(c) for c in text)
    return cps


def add_missing(font, donor_path, wanted):
    donor = TTFont(donor_path)
    donor_cmap = donor.getBestCmap()
    donor_glyphs = donor.getGlyphSet()
    cmap = font.getBestCmap()
    order = list(font.getGlyphOrder())
    glyf = font["glyf"]
    hmtx = font["hmtx"]
    added = 0
    for cp in sorted(wanted):
        if cp in cmap or cp not in donor_cmap:
            continue
        name = "uni%04X.ns" % cp
        recording = DecomposingRecordingPen(donor_glyphs)  # composite glyphs become plain outlines
        donor_glyphs[donor_cmap[cp]].draw(recording)
        pen = TTGlyphPen(None)
        recording.replay(pen)
        glyph = pen.glyph()
        glyph.recalcBounds(glyf)
        glyf.glyphs[name] = glyph
        order.append(name)
        advance = donor["hmtx"][donor_cmap[cp]][0]
        hmtx.metrics[name] = (advance, getattr(glyph, "xMin", 0))
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[cp] = name
        added += 1
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    return added


def main(source, donor, target):
    font = TTCollection(source).fonts[0]  # face 0 of the collection is Noto Sans CJK JP
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "vhea", "vmtx", "VORG"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=code_points())
    subsetter.subset(font)

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
    # OpenPDF reads cmap formats 4 and 12; the variation-sequence table (format 14) is not needed.
    font["cmap"].tables = [t for t in font["cmap"].tables if t.format != 14]
    font.sfntVersion = "\x00\x01\x00\x00"
    added = add_missing(font, donor, code_points())
    font.save(target)
    print(target, len(font.getGlyphOrder()), "glyphs,", added, "from", donor)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
