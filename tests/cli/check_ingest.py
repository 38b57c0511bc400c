#!/usr/bin/env python3
"""archfit-cli ingest / analyze --logs contract (DESIGN.md §7): JSON valid against the project's
schema and the contract (tests/data/contract), exit codes, and an independent cross-check:
ingesting a log made by archfit-loggen gives exactly the per-component counts loggen printed on
stderr."""
import gzip
import json
import pathlib
import re
import subprocess

from checks import Checks, arguments

try:
    import jsonschema
except ImportError:
    jsonschema = None

args, work = arguments("cli", "loggen", "sample", "data", "contract")
check = Checks()


def run(*argv):
    return subprocess.run([args.cli, *argv], capture_output=True, text=True, timeout=300)


def validate(doc, schema, name):
    if jsonschema is None:
        check(name, False, "python3 jsonschema module missing (apt-get install python3-jsonschema)")
        return
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
    check(name, not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))


own = json.loads(pathlib.Path(args.data, "schema", "ingest.schema.json").read_text())
# The contract's copy in tests/data/contract must be there: a missing file is a failure.
contract = json.loads(pathlib.Path(args.contract, "ingest.schema.json").read_text())

# 1. Generated log: counts equal loggen's own per-component counts.
log = work / "gen.log"
g = subprocess.run([args.loggen, "--workload", args.sample, "--days", "2", "--scale", "0.0005", "-o", str(log)],
                   capture_output=True, text=True, timeout=300)
check("loggen ran", g.returncode == 0, g.stderr)
expected = {m.group(1): int(m.group(2)) for m in re.finditer(r"^  ([a-z0-9_-]+) +([0-9]+)$", g.stderr, re.M) if int(m.group(2))}
total = int(re.search(r"wrote ([0-9]+) lines", g.stderr).group(1))
r = run("ingest", "--workload", args.sample, "--json", "-", str(log))
check("ingest of a generated log exits 0", r.returncode == 0, r.stderr)
doc = json.loads(r.stdout)
validate(doc, own, "ingest JSON matches data/schema/ingest.schema.json")
validate(doc, contract, "ingest JSON matches the contract (tests/data/contract)")
check("every generated line parsed", doc["lines_total"] == total and doc["lines_parsed"] == total and
      doc["lines_skipped"] == 0, f"{doc['lines_total']}/{doc['lines_parsed']} vs {total}")
got = {k: v for k, v in doc["requests_by_component"].items() if v}
check("per-component counts equal loggen's", got == expected, f"{got} vs {expected}")
check("requests_by_component sums to lines_parsed", sum(doc["requests_by_component"].values()) == doc["lines_parsed"])
check("window is the generated days", doc["first_minute"] == "2026-11-02T00:00:00Z" and
      doc["last_minute"].startswith("2026-11-03T23:"), f"{doc['first_minute']} {doc['last_minute']}")
check("latency measured", all(doc["components"][k]["p50_ms"] for k in expected), json.dumps(doc["components"])[:300])

# 2. gzip input, re-import of the same bytes, refused non-log, bad lines with examples.
gz = work / "gen.log.gz"
gz.write_bytes(gzip.compress(log.read_bytes()))
copy = work / "copy.log"
copy.write_bytes(log.read_bytes())
bad = work / "bad.log"
bad.write_bytes(b'192.0.2.1 - - [02/Nov/2026:10:15:01 +0000] "GET /api/orders/ HTTP/1.1" 200 12\n'
                b'192.0.2.1 - - [31/Feb/2026:10:15:01 +0000] "GET / HTTP/1.1" 200 12\n'
                b'192.0.2.1 - - [02/Nov/2026:10:15:01 +0000] "GET /caf\xc3\x28 HTTP/1.1" 200 12\n'
                b'192.0.2.1 - - [02/Nov/2026:10:15:01 +0000] "GET /nowhere?x=1 HTTP/1.1" 200 12\n')
r = run("ingest", "--workload", args.sample, "--json", "-", str(gz), str(copy), str(bad))
check("gzip + duplicate + bad lines exits 0", r.returncode == 0, r.stderr)
doc = json.loads(r.stdout)
validate(doc, own, "ingest JSON (gzip, duplicate, skips) matches the project schema")
validate(doc, contract, "ingest JSON (gzip, duplicate, skips) matches the contract")
files = doc["files"]
check("gzip detected and read", files[0]["gzip"] and files[0]["parsed"] == total, json.dumps(files[0]))
check("same bytes as the gzip's content are a different file", files[1]["duplicate_of"] is None)
check("bad lines counted by reason", doc["skipped_by_reason"] == {"bad_timestamp": 1, "invalid_utf8": 1},
      doc["skipped_by_reason"])
check("example names file and line", doc["skipped_examples"]["bad_timestamp"][0]["line"] == 2 and
      doc["skipped_examples"]["bad_timestamp"][0]["file"] == str(bad), json.dumps(doc["skipped_examples"]))
check("unmapped top path without query", {"path": "/nowhere", "count": 1} in doc["unmapped_top_paths"],
      doc["unmapped_top_paths"])
r = run("ingest", "--workload", args.sample, "--json", "-", str(log), str(copy))
doc = json.loads(r.stdout)
check("re-import of the same SHA-256 not counted", doc["files"][1]["duplicate_of"] == str(log) and
      doc["lines_parsed"] == total, json.dumps(doc["files"]))

# 3. Refusals and usage errors.
r = run("ingest", "--workload", args.sample, "--json", "-", args.sample)
check("a JSON file is refused with exit 1", r.returncode == 1 and "JSON" in r.stderr and args.sample in r.stderr, r.stderr)
doc = json.loads(r.stdout)
validate(doc, own, "ingest JSON of a refused file matches the project schema")
check("refused file reported", doc["files"][0]["error"] and doc["outcome"] == "error")
r = run("ingest", "--workload", args.sample, str(work / "missing.log"))
check("missing log exits 1 naming it", r.returncode == 1 and "missing.log" in r.stderr, r.stderr)
for argv in (["ingest"], ["ingest", "--workload", args.sample], ["ingest", "--workload", args.sample, "--format", "xml", str(log)],
             ["ingest", "--bogus"], ["analyze", args.sample, "--logs"]):
    r = run(*argv)
    check(f"usage error {argv} exits 2", r.returncode == 2 and "archfit-cli:" in r.stderr, f"{r.returncode} {r.stderr}")
r = run("ingest", "--help")
check("ingest --help exits 0", r.returncode == 0 and "Usage:" in r.stdout)
FORMATS = ["combined", "common", "csv", "alb", "cloudfront", "w3c", "jsonl", "gcp-lb"]
check("ingest --help documents every format", all(f"\n  {f} " in r.stdout for f in FORMATS), r.stdout)
r = run("ingest", "--workload", args.sample, "--format", "xml", str(log))
check("a bad --format lists the formats", ", ".join(["auto"] + FORMATS) in r.stderr, r.stderr)
r = run("analyze", args.sample, "--logs", str(log), "--format", "iis")
check("analyze: a bad --format lists the formats", r.returncode == 2 and "gcp-lb" in r.stderr, r.stderr)
binary = work / "archive.bin"
binary.write_bytes(bytes(range(256)) * 64)
r = run("ingest", "--workload", args.sample, str(binary))
check("a binary file is refused with exit 1 naming it", r.returncode == 1 and "binary" in r.stderr and
      str(binary) in r.stderr, r.stderr)
events = work / "events.jsonl"
events.write_text('{"event":"login","user":7}\n{"event":"logout","user":7}\n')
r = run("ingest", "--workload", args.sample, str(events))
check("JSON lines of another kind are refused, pointing at log_mapping", r.returncode == 1 and
      "log_mapping" in r.stderr and str(events) in r.stderr, r.stderr)
w3c = work / "u_ex261102.log.gz"
w3c.write_bytes(gzip.compress(b"#Software: Microsoft Internet Information Services 10.0\n"
                              b"#Fields: date time cs-method cs-uri-stem sc-status sc-bytes time-taken\n"
                              b"2026-11-02 10:15:01 GET /api/orders/7 200 120 15\n"
                              b"2026-11-02 10:15:02 POST /api/orders/ 503 80 250\n"))
r = run("ingest", "--workload", args.sample, "--json", "-", str(w3c))
doc = json.loads(r.stdout) if r.returncode == 0 else {}
check("gzip W3C log auto-detected and read", r.returncode == 0 and doc["files"][0]["format"] == "w3c" and
      doc["requests_by_component"].get("orders-api") == 2 and doc["components"]["orders-api"]["status"]["5xx"] == 1,
      r.stderr + json.dumps(doc)[:400])
r = run("ingest", "--workload", args.sample, "--format", "alb", "--json", "-", str(w3c))
doc = json.loads(r.stdout) if r.stdout else {}
check("--format overrides detection (alb skips the W3C lines)", r.returncode == 0 and doc["files"][0]["format"] == "alb"
      and doc["lines_parsed"] == 0 and doc["lines_skipped"] == 4, r.stderr + json.dumps(doc)[:400])

# 4. analyze --logs: measured profiles where logs exist, declared elsewhere.
r = run("analyze", args.sample, "--logs", str(log), "--json", "-")
check("analyze --logs exits 0", r.returncode == 0, r.stderr)
doc = json.loads(r.stdout)
measured = {c["id"]: c["profile"].get("measured") for c in doc["components"]}
check("logged components measured, others declared",
      all(measured[k] for k in expected) and not any(v for k, v in measured.items() if k not in expected), measured)
orders = next(c for c in doc["components"] if c["id"] == "orders-api")
# 2 days = 2,880 minutes: requests/month = count x 43,800 / 2,880.
check("measured requests per month scale the window to 730 h",
      abs(orders["profile"]["requests_per_month"] - expected["orders-api"] * 43800 / 2880) < 1,
      f"{orders['profile']['requests_per_month']} vs {expected['orders-api'] * 43800 / 2880}")

# Logs from standard input ("-"): analyze reads the same generated log through a pipe.
with open(log, "rb") as piped:
    r = subprocess.run([args.cli, "analyze", args.sample, "--logs", "-", "--json", "-"], stdin=piped,
                       capture_output=True, timeout=300)
check("analyze --logs - reads standard input", r.returncode == 0, r.stderr.decode(errors="replace")[:500])
if r.returncode == 0:
    piped_orders = next(c for c in json.loads(r.stdout)["components"] if c["id"] == "orders-api")
    check("stdin gives the same measured traffic as the file",
          piped_orders["profile"]["measured"] and
          abs(piped_orders["profile"]["requests_per_month"] - orders["profile"]["requests_per_month"]) < 1e-6,
          json.dumps(piped_orders["profile"])[:300])

check.finish()
