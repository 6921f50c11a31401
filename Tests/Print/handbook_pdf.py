"""Checks a process handbook PDF as a reader would see it, through poppler (pdftohtml, pdftoppm):

- no page is blank;
- the table of contents (the pages before the first chapter) names every expected process;
- every process has its chapter, and below each chapter's heading "Diagramm" a drawing: a band at least
  40 pt high with the ink of boxes and lines, not a line of text.

Usage: python3 handbook_pdf.py FILE.pdf PROCESSES.json   (the output of `amtsweg process list --json`,
or a list filtered from it).
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def normalised(text):
    return re.sub(r"\s+", " ", text).strip()


def pages_of(pdf):
    """Per page: its height in points and its text lines (top, height, font, text)."""
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-zoom", "1", "-q", "-stdout", pdf], check=True, capture_output=True
    ).stdout
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter("page"):
        lines = []
        for text in page.iter("text"):
            content = normalised("".join(text.itertext()))
            if content:
                lines.append((int(text.get("top")), int(text.get("height")), text.get("font"), content))
        pages.append((int(page.get("number")), int(page.get("height")), lines))
    return pages


def ink(pdf, number, folder):
    """The page rendered at 72 dpi (one pixel per point), grey: rows of dark-pixel counts."""
    stem = os.path.join(folder, f"page{number}")
    subprocess.run(["pdftoppm", "-r", "72", "-gray", "-f", str(number), "-l", str(number), pdf, stem], check=True)
    name = next(f for f in os.listdir(folder) if f.startswith(f"page{number}-") or f == f"page{number}.pgm")
    data = open(os.path.join(folder, name), "rb").read()
    os.remove(os.path.join(folder, name))
    magic, width, height, _, pixels = data.split(maxsplit=4)
    assert magic == b"P5", magic
    width, height = int(width), int(height)
    return [sum(1 for b in pixels[y * width : (y + 1) * width] if b < 160) for y in range(height)]


def main(pdf, listing):
    expected = [p["name"] for p in json.load(open(listing, encoding="utf-8"))]
    pages = pages_of(pdf)
    with tempfile.TemporaryDirectory() as folder:
        rows = {number: ink(pdf, number, folder) for number, _, _ in pages}
        for number, _, _ in pages:
            assert sum(rows[number]) > 50, f"page {number} is blank"

        # The chapters begin on a page of their own, with "1. <name>" at its top.
        first = next(
            i for i, (_, _, lines) in enumerate(pages) if lines and min(lines)[3].startswith("1. ")
        )
        toc = normalised(" ".join(line[3] for _, _, lines in pages[:first] for line in lines))
        missing = [name for name in expected if name not in toc]
        assert not missing, f"the table of contents lacks {missing}"

        diagrams = []
        for number, height, lines in pages:
            lines = sorted(lines)
            for index, (top, size, font, text) in enumerate(lines):
                if text != "Diagramm":
                    continue
                below = top + size
                end = next((t for t, _, f, _ in lines[index + 1 :] if f == font), height)
                band = rows[number][below:end]
                diagrams.append((number, end - below, sum(band)))
        assert len(diagrams) == len(expected), f"{len(diagrams)} diagram headings for {len(expected)} processes"
        for number, band, dark in diagrams:
            assert band >= 40 and dark >= 1500, f"page {number}: no drawing below 'Diagramm' ({band} pt, {dark} px)"
    body = normalised(" ".join(line[3] for _, _, lines in pages[first:] for line in lines))
    for name in expected:
        assert name in body, f"no chapter for '{name}'"
    count = len(expected)
    print(
        f"{os.path.basename(pdf)}: {len(pages)} pages, none blank; the table of contents lists "
        f"{'the' if count == 1 else f'all {count}'} process{'' if count == 1 else 'es'}; "
        f"a drawing below every chapter's 'Diagramm' (smallest {min(d for _, _, d in diagrams)} dark px)"
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
