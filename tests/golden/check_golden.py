#!/usr/bin/env python3
"""Golden cases (tests/golden/README.md): every folder under tests/golden/ that holds a workload
is analysed by `archfit-cli analyze --json -`, and the output must equal the folder's
analysis.json byte for byte. On a difference the first differences are printed as JSON path,
expected and got. ARCHFIT_UPDATE_GOLDEN=1 rewrites analysis.json instead (review the diff).

    check_golden.py --cli archfit-cli --data DATA_DIR --cases tests/golden --repo REPO_ROOT
                    [--only CASE...]
"""
import argparse
import concurrent.futures
import json
import os
import pathlib
import subprocess
import sys
import time

EXPECTED = "analysis.json"
LOG_SUFFIXES = (".log", ".log.gz", ".csv", ".jsonl", ".tsv")
MAX_LINES = 20  # differences printed for one case
MAX_TOTAL = 40  # differences printed for the whole run; later cases print their count only


def case_inputs(folder, repo):
    """(workload path, log paths, extra arguments) of one case folder, from its files and the
    optional case.json ({"workload": repo-relative path, "args": [...]})."""
    spec = {}
    if (folder / "case.json").exists():
        spec = json.loads((folder / "case.json").read_text(encoding="utf-8"))
        unknown = set(spec) - {"workload", "args", "why"}
        if unknown:
            raise ValueError(f"{folder / 'case.json'}: unknown keys {sorted(unknown)}")
    workload = repo / spec["workload"] if "workload" in spec else folder / "workload.json"
    if not workload.exists():
        raise ValueError(f"{folder.name}: no workload ({workload} does not exist)")
    logs = sorted(p for p in folder.iterdir() if p.name.endswith(LOG_SUFFIXES))
    return workload, logs, list(spec.get("args", []))


def discover(cases_dir):
    """Every sub-folder holding a workload.json or a case.json is a case."""
    return sorted(p for p in cases_dir.iterdir()
                  if p.is_dir() and ((p / "workload.json").exists() or (p / "case.json").exists()))


def analyze(cli, data, folder, repo):
    workload, logs, extra = case_inputs(folder, repo)
    argv = [cli, "analyze", str(workload), "--json", "-", "--data-dir", str(data), *extra]
    if logs:
        argv += ["--logs", *map(str, logs)]
    # Run from the case folder so that nothing in the output can depend on the caller's cwd.
    r = subprocess.run(argv, capture_output=True, cwd=folder, timeout=300)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8", "replace")


def show(v):
    text = json.dumps(v, ensure_ascii=False)
    return text if len(text) <= 100 else text[:97] + "..."


def differences(want, got, path="$"):
    """Yields (path, expected, got) for every leaf that differs, in document order."""
    if isinstance(want, dict) and isinstance(got, dict):
        for k in want:
            if k not in got:
                yield f"{path}.{k}", show(want[k]), "(missing)"
            else:
                yield from differences(want[k], got[k], f"{path}.{k}")
        for k in got:
            if k not in want:
                yield f"{path}.{k}", "(missing)", show(got[k])
        if [k for k in want if k in got] != [k for k in got if k in want]:
            yield f"{path}", "keys " + show(list(want)), "keys " + show(list(got))
    elif isinstance(want, list) and isinstance(got, list):
        if len(want) != len(got):
            yield f"{path}.length", str(len(want)), str(len(got))
        for i, (a, b) in enumerate(zip(want, got)):
            # Components and findings read better by id than by index.
            label = i
            if isinstance(a, dict) and isinstance(b, dict) and a.get("id") is not None and a.get("id") == b.get("id"):
                label = f"{i}:{a['id']}"
            yield from differences(a, b, f"{path}[{label}]")
    elif type(want) is not type(got) or want != got:
        yield path, show(want), show(got)


def first_text_difference(want, got):
    """Where two texts with equal JSON values differ (formatting, number spelling)."""
    a, b = want.splitlines(), got.splitlines()
    for n, (x, y) in enumerate(zip(a, b), 1):
        if x != y:
            return f"line {n}: expected {x.strip()!r}, got {y.strip()!r}"
    return f"expected {len(a)} lines, got {len(b)}"


def compare(folder, out):
    """Every difference of `out` from the folder's expected file, one line each (empty when equal)."""
    expected_file = folder / EXPECTED
    if not expected_file.exists():
        return [f"no {EXPECTED}: run with ARCHFIT_UPDATE_GOLDEN=1 to write it, then review it"]
    want_text = expected_file.read_text(encoding="utf-8")
    if want_text == out:
        return []
    try:
        want = json.loads(want_text)
    except json.JSONDecodeError as e:
        return [f"{EXPECTED} is not JSON ({e}); rewrite it with ARCHFIT_UPDATE_GOLDEN=1"]
    try:
        got = json.loads(out)
    except json.JSONDecodeError as e:
        return [f"archfit-cli printed no JSON document ({e}): {out[:200]!r}"]
    lines = [f"{path}: expected {a}, got {b}" for path, a, b in differences(want, got)]
    if not lines:
        lines.append("same values, different text: " + first_text_difference(want_text, out))
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--cases", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--only", nargs="*", default=[])
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    update = os.environ.get("ARCHFIT_UPDATE_GOLDEN", "") not in ("", "0")
    repo = pathlib.Path(args.repo).resolve()
    # Absolute, since each case runs from its own folder.
    args.cli, args.data = str(pathlib.Path(args.cli).resolve()), str(pathlib.Path(args.data).resolve())
    folders = discover(pathlib.Path(args.cases).resolve())
    if args.only:
        folders = [f for f in folders if f.name in args.only]
    if not folders:
        print(f"FAIL no golden cases under {args.cases}")
        return 1

    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        runs = list(pool.map(lambda f: (f, *analyze(args.cli, args.data, f, repo)), folders))

    failed, rewritten = [], []
    budget = MAX_TOTAL
    for folder, status, out, err in runs:
        if status != 0:
            failed.append(folder.name)
            print(f"FAIL {folder.name}: archfit-cli exited {status}\n{err.strip()[:2000]}")
            continue
        problems = compare(folder, out)
        if not problems:
            continue
        if update:
            (folder / EXPECTED).write_text(out, encoding="utf-8")
            rewritten.append(folder.name)
            continue
        failed.append(folder.name)
        count = f"{len(problems)} difference{'s' if len(problems) != 1 else ''}"
        shown = problems[:min(MAX_LINES, budget)]
        budget -= len(shown)
        hidden = "" if shown else f"; add --only {folder.name} to see them"
        print(f"FAIL {folder.name}: analyze --json differs from {folder.name}/{EXPECTED} ({count}{hidden})")
        for line in shown:
            print("  " + line)
        if shown and len(shown) < len(problems):
            print(f"  ... and {len(problems) - len(shown)} more")
    seconds = time.monotonic() - start
    if rewritten:
        print(f"rewrote {len(rewritten)} expected file(s): {', '.join(rewritten)}; review them with git diff")
    if failed and not update:
        print(f"To accept the new output: ARCHFIT_UPDATE_GOLDEN=1 ctest -R golden_analysis, then review "
              f"`git diff tests/golden` and commit it with the change that caused it.")
    print(f"golden: {len(folders)} cases, {len(folders) - len(failed)} passed, {len(failed)} failed"
          f" ({seconds:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
