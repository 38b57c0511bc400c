#!/usr/bin/env python3
"""Every archfit-cli command in README.md and docs/*.md runs as written (issue 23, item 7).

The commands are taken from the fenced code blocks: a logical line (backslash continuations
joined, `# comments` dropped) whose first word is `archfit-cli` (or `time archfit-cli`), plus
the guide's `build/tests/tools/archfit-loggen` line that makes the log the next commands read.
Benchmark recipes that call a build path on generated inputs (`build-bench/...`, `/usr/bin/time
build/...`) are run by the benchmark scripts, not here; GUI lines (`archfit FILE`) likewise.

Each document runs in its own scratch folder, in the order it is written, with `archfit-cli` on
PATH and `data/` and `build/` linked from the repository and the build. The placeholders the
README uses are real files made before its commands run:
  W.json       the sample workload          P.archfit   a project saved from it
  access.log   a generated day of traffic   access.log.1.gz  the next day, gzip
  BOOK.json    the sample price book        shop.workload.json  the sample (big-logs.md)
  agg.csv      a pre-aggregated CSV of the sample's storefront API (big-logs.md)
  k8s/, compose.yaml, .env, plan.json, template.yaml, serverless.yml   the inventory fixtures of
               tests/data/inventory (the guide's "Start from the client's repository")
A word with alternatives (`W.json|P.archfit`) runs once per alternative. Every run must exit 0.

Usage: check_doc_commands.py --root REPO --cli ARCHFIT_CLI --loggen ARCHFIT_LOGGEN --build BUILD
                             --workdir DIR
"""
import argparse
import glob
import gzip
import itertools
import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys

FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)


def logical_lines(block):
    out, pending = [], ""
    for raw in block.splitlines():
        line = pending + raw
        if line.rstrip().endswith("\\"):
            pending = line.rstrip()[:-1] + " "
            continue
        pending = ""
        out.append(line.strip())
    if pending:
        out.append(pending.strip())
    return out


def commands(doc_text):
    """(line number of the block, words) of each command the checker runs."""
    found = []
    for m in FENCE.finditer(doc_text):
        first_line = doc_text[: m.start()].count("\n") + 2
        for line in logical_lines(m.group(1)):
            try:
                words = shlex.split(line, comments=True)
            except ValueError:
                continue
            if words[:1] == ["time"]:
                words = words[1:]
            if not words:
                continue
            if words[0] == "archfit-cli" or words[0] == "build/tests/tools/archfit-loggen":
                found.append((first_line, words))
    return found


def expansions(words):
    """`a|b` words give one command per alternative (never a shell pipe: words are split first)."""
    options = [w.split("|") if ("|" in w and w != "|") else [w] for w in words]
    return [list(c) for c in itertools.product(*options)]


def run(cmd, cwd, env, what):
    argv = []
    for w in cmd:
        matches = sorted(glob.glob(w, root_dir=cwd)) if any(ch in w for ch in "*?[") else []
        argv.extend(matches or [w])
    p = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    return p, argv


def prepare(scratch, args, env):
    root = pathlib.Path(args.root).resolve()
    samples = root / "data" / "samples"
    shutil.copy(samples / "shop.workload.json", scratch / "W.json")
    shutil.copy(samples / "shop.workload.json", scratch / "shop.workload.json")
    shutil.copy(samples / "northwind.price-book.json", scratch / "BOOK.json")
    (scratch / "data").symlink_to(root / "data")
    (scratch / "build").symlink_to(pathlib.Path(args.build).resolve())
    subprocess.run([args.loggen, "--workload", "W.json", "--days", "1", "--scale", "0.0005", "-o", "access.log"],
                   cwd=scratch, check=True)
    subprocess.run([args.loggen, "--workload", "W.json", "--days", "1", "--scale", "0.0005", "--start",
                    "2026-11-03", "--seed", "7", "-o", "next.log"], cwd=scratch, check=True)
    with open(scratch / "next.log", "rb") as f, gzip.open(scratch / "access.log.1.gz", "wb") as g:
        g.write(f.read())
    (scratch / "next.log").unlink()
    rows = ["minute,component,requests,errors,bytes,p50_ms,p95_ms,p99_ms"]
    for minute in range(60):
        rows.append(f"2026-11-02T10:{minute:02d}:00Z,storefront-api,{100 + minute},1,{20000 + minute},40,90,150")
    (scratch / "agg.csv").write_text("\n".join(rows) + "\n")
    inventory = root / "tests" / "data" / "inventory"
    shutil.copytree(inventory / "k8s", scratch / "k8s")
    for src in ("compose/compose.yaml", "compose/.env", "terraform/plan.json", "serverless/template.yaml",
                "serverless/serverless.yml"):
        shutil.copy(inventory / src, scratch / pathlib.Path(src).name)
    subprocess.run(["archfit-cli", "analyze", "W.json", "--logs", "access.log", "--save", "P.archfit"],
                   cwd=scratch, env=env, check=True, capture_output=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--loggen", required=True)
    ap.add_argument("--build", required=True)
    ap.add_argument("--workdir", required=True)
    args = ap.parse_args()

    root = pathlib.Path(args.root).resolve()
    work = pathlib.Path(args.workdir)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    bindir = work / "bin"
    bindir.mkdir()
    (bindir / "archfit-cli").symlink_to(pathlib.Path(args.cli).resolve())
    env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}")

    docs = [root / "README.md"] + sorted((root / "docs").glob("*.md"))
    failures, ran = [], 0
    for doc in docs:
        found = commands(doc.read_text())
        if not found:
            continue
        scratch = work / doc.stem
        scratch.mkdir()
        prepare(scratch, args, env)
        for line, words in found:
            for cmd in expansions(words):
                p, argv = run(cmd, scratch, env, doc)
                ran += 1
                where = f"{doc.relative_to(root)}:{line}"
                if p.returncode != 0:
                    failures.append(f"{where}: `{' '.join(cmd)}` exited {p.returncode}: "
                                    f"{(p.stderr or p.stdout).strip()[:400]}")
                else:
                    print(f"ok   {where}: {' '.join(cmd)}")
    for f in failures:
        print("FAIL " + f)
    print(f"doc commands: {ran} run, {ran - len(failures)} passed, {len(failures)} failed")
    if ran < 20:
        print("FAIL fewer than 20 commands found: has the extraction broken?")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
