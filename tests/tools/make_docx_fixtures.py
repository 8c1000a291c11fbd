#!/usr/bin/python3
# Makes the .docx fixtures of the import tests (tests/import-fixtures/) from
# the seed reports, with python-docx (Debian: python3-docx), once; the
# results are committed. Section headings (一、…) get Word's "Heading 1"
# style; in seed 001 the issues are a Word numbered list ("List Number",
# numbers from numbering.xml, not in the text); seed 003 gets a table.
import pathlib
import re
import sys

import docx

root = pathlib.Path(__file__).resolve().parents[1]
seeds = root / "shared-corpus" / "seeds"
out = root / "import-fixtures"

for seed in sorted(seeds.glob("*.txt")):
    d = docx.Document()
    section = ""
    for line in seed.read_text(encoding="utf-8").splitlines():
        text = line.strip().replace("\u3000", "")
        if not text:
            continue
        if re.match(r"^[一二三四五六七八九十]+、", text) and len(text) < 40:
            d.add_heading(text, level=1)
            section = text
            if seed.name.startswith("003") and section.startswith("一、"):
                t = d.add_table(rows=2, cols=2)
                t.cell(0, 0).text, t.cell(0, 1).text = "项目", "数量"
                t.cell(1, 0).text, t.cell(1, 1).text = "专题会议", "5次"
            continue
        m = re.match(r"^[0-9]+、", text)
        if seed.name.startswith("001") and "问题" in section and m:
            d.add_paragraph(text[m.end():], style="List Number")
            continue
        d.add_paragraph(text)
    d.save(out / (seed.stem + ".docx"))
    print("wrote", out / (seed.stem + ".docx"), file=sys.stderr)
