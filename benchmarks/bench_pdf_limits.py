"""What the PDF limits cost before PDFium sees a file: ``importer.pdf_limits.measure`` (every
stream decoded through its filter chain without keeping it, the objects counted) against
PDFium opening the same file and building every page's text (``pypdfium2``: the named
alternative, the work the scan protects), in one run on one file, with the ratio and the
measured counts beside the limits.

The file is a roadmap of ``--pages`` pages made by LibreOffice from a Word table (as
bench_import_pdf.py makes it), or the PDF given.

    .venv/bin/python benchmarks/bench_pdf_limits.py [--pages 30] [--repeat 5] [FILE.pdf]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def best(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()
        function()
        times.append(time.process_time() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?")
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import pypdfium2

    from roadmapctl.importer.pdf_limits import MAX_DECODED, MAX_OBJECTS, measure

    if args.file:
        data = Path(args.file).read_bytes()
    else:
        from bench_import_pdf import make_pdf

        with tempfile.TemporaryDirectory() as folder:
            data = make_pdf(args.pages, True, Path(folder))

    def pdfium() -> None:
        pdf = pypdfium2.PdfDocument(data)
        for page in pdf:
            page.get_textpage().get_text_range()
            page.close()
        pdf.close()

    counts = measure(data)
    ours, theirs = best(lambda: measure(data), args.repeat), best(pdfium, args.repeat)
    print(f"PDF {len(data) / 1024:.0f} KB; load average {os.getloadavg()[0]:.1f}; CPU seconds, best of {args.repeat}")
    print(f"decoded {counts.decoded / 1024:.0f} KB of {MAX_DECODED // 1024 // 1024} MB allowed; "
          f"objects {counts.objects:,} of {MAX_OBJECTS:,}")
    print(f"pdf_limits.measure   {ours:8.4f} s")
    print(f"PDFium, text of all  {theirs:8.4f} s")
    print(f"the scan costs {ours / theirs:.1%} of PDFium's own reading")
    return 0


if __name__ == "__main__":
    sys.exit(main())
