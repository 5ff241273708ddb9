#!/usr/bin/python3
"""Makes the shipped TrueType files from Debian's fonts-adf-gillius (0.20190904-2) OpenType/CFF files.

    apt-get install fonts-adf-gillius python3-fonttools && /usr/bin/python3 fonts/gillius-adf-no2/make-ttf.py

Three changes, nothing else (see README.md here for why):
1. CFF outlines converted to TrueType quadratic outlines (fontTools cu2qu, max error 1 unit), because
   Word embeds TrueType outlines only and resvg/Chromium read them as well.
2. Advance widths scaled (the space after each glyph; outlines untouched): Bold × 1.05, the
   factor measured against the originals' Gill Sans MT Bold headings; Regular: × 0.974, measured
   against the originals' Gill Sans MT Source/Notes lines and table cells.
3. The `rlig` feature removed: it ligates every "oe" and "ae" (does → dœs), and shapers always apply it.
The output is deterministic (head.created/modified fixed), so rerunning gives the same bytes.
"""
import os
from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.misc.timeTools import timestampFromString

SRC = '/usr/share/fonts/truetype/adf'
HERE = os.path.dirname(os.path.abspath(__file__))
BOLD_WIDTH = 1.05
REGULAR_WIDTH = 0.974
STAMP = timestampFromString('Wed Jan  1 00:00:00 2020')  # fixed, for reproducible files
NOTICE = 'Modified 2026 for the CRS briefs pipeline: converted to TrueType outlines'

def drop_feature(font, tag):
    """Removes a GSUB feature. The fonts' `rlig` turns every o+e and a+e into œ and æ ("dœs"), and
    shapers apply `rlig` always; English text needs neither."""
    table = font['GSUB'].table
    records = table.FeatureList.FeatureRecord
    keep = [i for i, r in enumerate(records) if r.FeatureTag != tag]
    remap = {old: new for new, old in enumerate(keep)}
    table.FeatureList.FeatureRecord = [records[i] for i in keep]
    table.FeatureList.FeatureCount = len(keep)
    for script in table.ScriptList.ScriptRecord:
        systems = [script.Script.DefaultLangSys] + [r.LangSys for r in script.Script.LangSysRecord]
        for ls in systems:
            if ls is None: continue
            ls.FeatureIndex = [remap[i] for i in ls.FeatureIndex if i in remap]
            ls.FeatureCount = len(ls.FeatureIndex)
            if ls.ReqFeatureIndex != 0xFFFF: ls.ReqFeatureIndex = remap.get(ls.ReqFeatureIndex, 0xFFFF)

def convert(name, widen=1.0):
    # recalcTimestamp=False: keep head.modified as set below (fontTools would stamp the time of saving).
    font = TTFont(os.path.join(SRC, name + '.otf'), recalcTimestamp=False)
    order = font.getGlyphOrder(); gs = font.getGlyphSet()
    glyf = newTable('glyf'); glyf.glyphOrder = order; glyf.glyphs = {}
    for g in order:
        pen = TTGlyphPen(gs)
        gs[g].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[g] = pen.glyph()
    font['loca'] = newTable('loca'); font['glyf'] = glyf
    del font['CFF ']
    if 'VORG' in font: del font['VORG']
    maxp = font['maxp']; maxp.tableVersion = 0x00010000
    for k in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
              'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, k, 0)
    maxp.maxZones = 1; maxp.maxComponentDepth = 0
    font['head'].glyphDataFormat = 0; font['head'].indexToLocFormat = 0
    post = font['post']; post.formatType = 2.0; post.extraNames = []; post.mapping = {}; post.glyphOrder = order
    font.sfntVersion = '\x00\x01\x00\x00'
    hmtx = font['hmtx']
    for g in order:
        adv, _ = hmtx[g]
        glyph = glyf[g]
        glyph.recalcBounds(glyf)
        lsb = glyph.xMin if glyph.numberOfContours != 0 else 0
        hmtx[g] = (round(adv * widen), lsb)
    drop_feature(font, 'rlig')
    note = NOTICE + (f'; every advance width x {widen}' if widen != 1.0 else '') + '; no rlig (ae/oe ligatures). See fonts/gillius-adf-no2/README.md.'
    name_t = font['name']
    for rec in list(name_t.names):
        if rec.nameID == 5:
            name_t.setName(str(rec.toUnicode()) + '; modified (CRS briefs)', 5, rec.platformID, rec.platEncID, rec.langID)
    name_t.setName(note, 10, 3, 1, 0x409)
    font['head'].created = STAMP; font['head'].modified = STAMP
    out = os.path.join(HERE, name + '.ttf')
    font.save(out, reorderTables=True)
    # recalc bbox etc. happens on save (recalcBBoxes default True)
    print(out, os.path.getsize(out))

convert('GilliusADFNo2-Regular', REGULAR_WIDTH)
convert('GilliusADFNo2-Italic')
convert('GilliusADFNo2-Bold', BOLD_WIDTH)
