#!/usr/bin/env python3
"""Writes a workload of N declared components, copies of a template workload's components.

    tests/scale/make_portfolio.py TEMPLATE.workload.json N OUT.workload.json

Copy i of template component c gets the id "<c.id>-<i:04d>", the name "<c.name> <i>", its route
paths prefixed with "/c<i:04d>" (routes stay unique) and no calls or depends_on (ids would not
resolve). Deterministic: the same template and N give the same bytes. Used by
tests/scale/run_scale.sh (5,000 components) and tests/bench/analyze_bench.sh (50/500/5,000).
"""
import copy
import json
import sys

if len(sys.argv) != 4:
    sys.exit(__doc__)
src = json.load(open(sys.argv[1]))
count = int(sys.argv[2])
template = src["components"]
comps = []
for i in range(count):
    c = copy.deepcopy(template[i % len(template)])
    c["id"] = f'{c["id"]}-{i:04d}'
    c["name"] = f'{c.get("name", c["id"])} {i}'
    # Routes must stay unique: prefix each with the copy number.
    for r in c.get("routes", []) or []:
        if isinstance(r, dict) and "path" in r:
            r["path"] = f"/c{i:04d}" + r["path"]
    for key in ("depends_on", "calls"):
        if key in c:
            del c[key]
    comps.append(c)
src["components"] = comps
json.dump(src, open(sys.argv[3], "w"), indent=1)
