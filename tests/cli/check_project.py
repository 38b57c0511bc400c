#!/usr/bin/env python3
"""A project keeps everything an analysis used (issue 23): `analyze W --logs L --save P` stores
the imports (name, size, SHA-256, format, line counts by reason, unmapped paths) and the
per-minute traffic, and every output made from P (analyze --json, report .json/.csv/.html, the
PDF's text) equals the one made from W plus the same logs. Also: --save says what it saved; a
project without traffic opens with a note; a log already in the project is not counted twice;
a project saved from a project keeps the traffic."""
import gzip
import hashlib
import json
import pathlib
import shutil
import sqlite3
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from checks import arguments, check, summary  # noqa: E402

args, work = arguments("cli", "loggen", "sample", "data")
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)


def run(*argv):
    return subprocess.run([args.cli, *argv, "--data-dir", args.data], capture_output=True, text=True,
                          timeout=300)


# Two logs: 3 days of the sample's traffic (plain, with 7 unreadable lines and 5 unmapped
# requests) and the same generator's next 2 days, gzip compressed.
plain, packed = work / "shop.log", work / "shop-2.log.gz"
g = subprocess.run([args.loggen, "--workload", args.sample, "--days", "3", "--scale", "0.0005",
                    "-o", str(plain)], capture_output=True, text=True)
check("loggen (plain) ran", g.returncode == 0, g.stderr)
with plain.open("a") as f:
    for i in range(7):
        f.write(f"garbage line {i}\n")
    for i in range(5):
        f.write(f'198.51.100.9 - - [01/Mar/2026:00:0{i}:00 +0000] "GET /not-routed/{i % 2} HTTP/1.1" '
                '404 0 "-" "probe"\n')
second = work / "shop-2.log"
g = subprocess.run([args.loggen, "--workload", args.sample, "--days", "2", "--scale", "0.0005",
                    "--start", "2026-03-10", "-o", str(second)], capture_output=True, text=True)
check("loggen (second) ran", g.returncode == 0, g.stderr)
with second.open("rb") as src, gzip.open(packed, "wb") as dst:
    dst.write(src.read())
second.unlink()
logs = [str(plain), str(packed)]

# The direct outputs: workload plus logs.
direct = work / "direct"
direct.mkdir()
r = run("analyze", args.sample, "--logs", *logs, "--json", str(direct / "analysis.json"))
check("analyze W --logs exits 0", r.returncode == 0, r.stderr)
formats = ["json", "csv", "html", "pdf"]
for ext in formats:
    r = run("report", args.sample, "--logs", *logs, "-o", str(direct / f"report.{ext}"))
    check(f"report W --logs -o .{ext} exits 0", r.returncode == 0, r.stderr)

# Saved with the logs.
project = work / "shop.archfit"
r = run("analyze", args.sample, "--logs", *logs, "--save", str(project))
check("analyze --save exits 0", r.returncode == 0, r.stderr)
saved_line = [line for line in r.stderr.splitlines() if "saved" in line]
check("--save says what it saved",
      len(saved_line) == 1 and str(project) in saved_line[0] and "11 components" in saved_line[0]
      and "2 imports" in saved_line[0] and "minutes" in saved_line[0], r.stderr)


def outputs(src, folder, *extra, pdf=True):
    folder.mkdir()
    r = run("analyze", str(src), *extra, "--json", str(folder / "analysis.json"))
    check(f"analyze {src.name} {' '.join(extra)} exits 0", r.returncode == 0, r.stderr)
    notes = r.stderr
    for ext in formats if pdf else formats[:-1]:
        r = run("report", str(src), *extra, "-o", str(folder / f"report.{ext}"))
        check(f"report {src.name} -o .{ext} exits 0", r.returncode == 0, r.stderr)
    return notes


def pdf_text(pdf):
    r = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    check(f"pdftotext {pdf}", r.returncode == 0, r.stderr)
    return r.stdout


def same_outputs(label, folder):
    for name in ["analysis.json", "report.json", "report.csv", "report.html"]:
        a, b = (direct / name).read_bytes(), (folder / name).read_bytes()
        check(f"{label}: {name} equals the direct one", a == b,
              f"{len(a)} vs {len(b)} bytes; first difference at "
              f"{next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))}")
    if (folder / "report.pdf").exists() and shutil.which("pdftotext"):
        check(f"{label}: the PDF's text equals the direct one",
              pdf_text(direct / "report.pdf") == pdf_text(folder / "report.pdf"))


notes = outputs(project, work / "from-project")
same_outputs("project", work / "from-project")
check("a project with traffic opens without the no-traffic note", "no measured traffic" not in notes, notes)

# The comparison can fail: the logs change the figures (measured components, layout cost).
with (direct / "analysis.json").open() as f:
    measured = json.load(f)
declared = json.loads(run("analyze", args.sample, "--json", "-").stdout)
check("the logs change the layout cost", measured["layout"]["monthly_cost"] != declared["layout"]["monthly_cost"],
      measured["layout"]["monthly_cost"])
with (direct / "report.json").open() as f:
    report = json.load(f)
check("the report lists both logs", [(log["file"], log["format"]) for log in report["data_sources"]["logs"]]
      == [("shop.log", "combined"), ("shop-2.log.gz", "combined (gzip)")], report["data_sources"]["logs"])

# What the file holds.
db = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
check("schema version 4", db.execute("PRAGMA user_version").fetchone()[0] == 4)
rows = db.execute("SELECT path, size, sha256, format, gzip, lines, parsed, skipped, run FROM imports"
                  " ORDER BY position").fetchall()
expected = [(str(plain), plain.stat().st_size, hashlib.sha256(plain.read_bytes()).hexdigest(), "combined", 0),
            (str(packed), packed.stat().st_size, hashlib.sha256(packed.read_bytes()).hexdigest(), "combined", 1)]
check("imports: path, size, SHA-256, format, gzip", [r[:5] for r in rows] == expected, rows)
check("imports: 7 skipped lines in the first log, none in the second",
      [r[7] for r in rows] == [7, 0] and all(r[5] == r[6] + r[7] for r in rows), rows)
check("imports: one run", [r[8] for r in rows] == [0, 0], rows)
skips = db.execute("SELECT run, reason, count FROM import_skips").fetchall()
check("skipped lines by reason", sum(c for _, _, c in skips) == 7 and all(r == 0 for r, _, _ in skips), skips)
check("skip examples kept",
      db.execute("SELECT COUNT(*) FROM import_skip_examples WHERE file = ?", (str(plain),)).fetchone()[0] >= 1)
unmapped = dict(db.execute("SELECT path, count FROM import_unmapped WHERE run = 0").fetchall())
check("unmapped paths as reported", unmapped.get("/not-routed/0") == 3 and unmapped.get("/not-routed/1") == 2,
      unmapped)
ingest = json.loads(subprocess.run([args.cli, "ingest", "--workload", args.sample, "--json", "-", *logs],
                                   capture_output=True, text=True, timeout=300).stdout)
stored = dict(db.execute("SELECT component, SUM(requests) FROM traffic GROUP BY component").fetchall())
check("traffic: requests per component equal the ingest's", stored == ingest["requests_by_component"],
      f"{stored} vs {ingest['requests_by_component']}")
db.close()

# The same logs given again with the project are recognised by their digest: nothing changes.
outputs(project, work / "project-same-logs", "--logs", *logs, pdf=False)
same_outputs("project --logs (same files)", work / "project-same-logs")

# A project saved from the project keeps its imports and traffic.
resaved = work / "resaved.archfit"
r = run("analyze", str(project), "--save", str(resaved))
check("analyze P --save P2 exits 0", r.returncode == 0 and "2 imports" in r.stderr, r.stderr)
outputs(resaved, work / "from-resaved", pdf=False)
same_outputs("re-saved project", work / "from-resaved")

# A project without logs: the declared figures, and a note saying so.
bare = work / "bare.archfit"
r = run("analyze", args.sample, "--save", str(bare))
check("--save without logs says so", r.returncode == 0 and "0 imports, no measured traffic" in r.stderr, r.stderr)
r = run("analyze", str(bare), "--json", "-")
check("a project without traffic opens with a note",
      r.returncode == 0 and "holds no measured traffic" in r.stderr, r.stderr)
check("... and gives the declared figures", json.loads(r.stdout)["layout"] == declared["layout"])
# Logs added to a project without traffic give the direct figures.
r = run("analyze", str(bare), "--logs", *logs, "--json", "-")
check("bare project + logs equals W + logs", r.stdout == (direct / "analysis.json").read_text()
      and "holds no measured traffic" not in r.stderr, r.stderr)

sys.exit(summary("cli_project"))
