#!/usr/bin/env python3
"""archfit-cli import (issue 20): the fixtures in tests/data/inventory become workloads that
validate (with their provenance as notes) and analyse; --json lists what was skipped; bad YAML is
exit 1 with file:line:column; usage errors are exit 2."""
import json
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from checks import Checks, arguments  # noqa: E402

args, work = arguments("cli", "inventory", "data")
inv = pathlib.Path(args.inventory)
check = Checks()


def run(*argv):
    return subprocess.run([args.cli, *map(str, argv)], capture_output=True, text=True,
                          env={"ARCHFIT_DATA_DIR": args.data})


cases = {
    "k8s": ([inv / "k8s"], 4),
    "compose": ([inv / "compose" / "compose.yaml", inv / "compose" / ".env"], 4),
    "terraform": ([inv / "terraform" / "plan.json"], 5),
    "sam": ([inv / "serverless" / "template.yaml"], 3),
}
for name, (inputs, expected) in cases.items():
    out = work / f"{name}.workload.json"
    report = work / f"{name}.import.json"
    r = run("import", *inputs, "-o", out, "--json", report)
    check(f"{name}: import exit 0", r.returncode == 0, r.stderr + r.stdout)
    if r.returncode != 0:
        continue
    w = json.loads(out.read_text())
    check(f"{name}: {expected} components", len(w["components"]) == expected, [c["id"] for c in w["components"]])
    rep = json.loads(report.read_text())
    check(f"{name}: report counts", rep["components"] == expected
          and sum(rep["skipped_by_reason"].values()) == len(rep["skipped"]), rep)
    v = run("validate", out)
    notes = [line for line in v.stdout.splitlines() if line.startswith("note: ")]
    check(f"{name}: validates", v.returncode == 0, v.stderr)
    check(f"{name}: one note per provenance entry", len(notes) == rep["provenance_notes"] and notes,
          (len(notes), rep["provenance_notes"]))
    check(f"{name}: notes name file and line",
          all(str(inv) in n for n in notes) and (name == "terraform" or all(":" in n.split(" ")[1] for n in notes)),
          notes[:3])
    a = run("analyze", out, "--json", "-")
    check(f"{name}: analyses", a.returncode == 0 and len(json.loads(a.stdout or "{}").get("components", [])) == expected,
          a.stderr[-2000:])

bad = run("import", inv / "bad" / "broken.yaml", "-o", work / "bad.json")
check("bad YAML: exit 1", bad.returncode == 1, bad.stderr)
check("bad YAML: file:line:column", f"{inv / 'bad' / 'broken.yaml'}:6:" in bad.stderr, bad.stderr)
check("bad YAML: nothing written", not (work / "bad.json").exists())
check("usage: no -o is exit 2", run("import", inv / "k8s").returncode == 2)
check("usage: no input is exit 2", run("import", "-o", work / "x.json").returncode == 2)
check("usage: unknown option is exit 2", run("import", "--bogus", inv / "k8s", "-o", work / "x.json").returncode == 2)
check("help lists import", "import" in run("--help").stdout)
check.finish()
