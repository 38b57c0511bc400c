#!/usr/bin/env python3
"""Fails when a file of the engine (include/, analysis/) includes a Qt or QCustomPlot header."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
pattern = re.compile(r'^\s*#\s*include\s*[<"](Q[A-Za-z]|qcustomplot)', re.M)
bad = []
for folder in ("include", "analysis"):
    for path in sorted((root / folder).rglob("*")):
        if path.suffix in (".h", ".hpp", ".cpp", ".cc") and pattern.search(path.read_text(errors="replace")):
            bad.append(str(path.relative_to(root)))
if bad:
    print("Qt includes in the engine:", ", ".join(bad))
    sys.exit(1)
print("engine is Qt-free: 1 passed, 0 failed")
