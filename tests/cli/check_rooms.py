#!/usr/bin/env python3
"""Checks the engine's rooms (DESIGN.md §1): every file of include/archfit/<room>/ and
analysis/<room>/ includes only headers of its own room or of rooms listed before it, and no file
sits outside a room. Top-level files (include/archfit/*.h, analysis/*.cpp) may include any room."""
import pathlib
import re
import sys

ROOMS = ["util", "workload", "inventory", "ingest", "profile", "cost", "score", "report", "store"]
root = pathlib.Path(sys.argv[1])
include = re.compile(r'^\s*#\s*include\s*"(?:archfit/)?([a-z_]+)/[^"]+"', re.M)
bad = []
checked = 0
for top in (root / "include" / "archfit", root / "analysis"):
    for path in sorted(top.rglob("*")):
        if path.suffix not in (".h", ".cpp"):
            continue
        rel = path.relative_to(top)
        if len(rel.parts) == 1:
            continue  # a top-level file runs the rooms in order and may include any
        room = rel.parts[0]
        if room not in ROOMS:
            bad.append(f"{path.relative_to(root)}: folder {room!r} is not a room ({', '.join(ROOMS)})")
            continue
        checked += 1
        for m in include.finditer(path.read_text(errors="replace")):
            target = m.group(1)
            if target not in ROOMS:
                continue
            if room != "store" and ROOMS.index(target) > ROOMS.index(room):
                line = path.read_text(errors="replace")[: m.start()].count("\n") + 1
                bad.append(f"{path.relative_to(root)}:{line}: room {room!r} includes the higher room {target!r}")
for b in bad:
    print(b)
print(f"engine rooms: {checked} files checked; {0 if bad else 1} passed, {1 if bad else 0} failed")
sys.exit(1 if bad else 0)
