#!/usr/bin/env python3
"""archfit-cli contract checks (DESIGN.md §7): exit codes, JSON validated against the project's
schema and the contract (our copy in tests/data/contract), every error of a broken workload
reported with its path."""
import json
import pathlib
import subprocess

from checks import Checks, arguments

try:
    import jsonschema
except ImportError:  # the installer brings python3-jsonschema; without it the schema checks fail loudly
    jsonschema = None

args, work = arguments("cli", "sample", "data", "contract", "broken")
check = Checks()


def run(*argv):
    return subprocess.run([args.cli, *argv], capture_output=True, text=True, timeout=120)


def validate(doc, schema, name):
    if jsonschema is None:
        check(name, False, "python3 jsonschema module missing (apt-get install python3-jsonschema)")
        return
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
    check(name, not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))


r = run("--version")
check("--version exits 0", r.returncode == 0 and r.stdout.startswith("archfit-cli "), r.stdout + r.stderr)
for argv in (["--help"], ["analyze", "--help"], ["validate", "--help"]):
    r = run(*argv)
    check(" ".join(argv) + " exits 0 with usage", r.returncode == 0 and "Usage:" in r.stdout, r.stderr)

for argv in ([], ["frobnicate"], ["analyze"], ["analyze", args.sample, "--growth", "abc"],
             ["analyze", args.sample, "--bogus"], ["validate"]):
    r = run(*argv)
    check(f"usage error {argv} exits 2", r.returncode == 2 and "archfit-cli:" in r.stderr, f"{r.returncode} {r.stderr}")

r = run("validate", args.sample)
check("sample validates", r.returncode == 0 and "valid" in r.stdout, r.stderr)

r = run("analyze", args.sample, "--json", "-")
check("analyze sample exits 0", r.returncode == 0, r.stderr)
doc = json.loads(r.stdout)
schema = json.loads(pathlib.Path(args.data, "schema", "analysis.schema.json").read_text())
validate(doc, schema, "analysis JSON matches data/schema/analysis.schema.json")

# The contract's copy in tests/data/contract must be there: a missing file is a failure.
contract = json.loads(pathlib.Path(args.contract, "analysis.schema.json").read_text())
validate(doc, contract, "analysis JSON matches the contract (tests/data/contract)")

sample = json.loads(pathlib.Path(args.sample).read_text())
ids = [c["id"] for c in sample["components"]]
check("every sample component analysed", [c["id"] for c in doc["components"]] == ids)
for c in doc["components"]:
    for fam in ("serverless", "container", "vm"):
        e = c["families"][fam]
        if e["feasible"]:
            check(f"{c['id']}/{fam} priced", e["monthly_cost"]["total"] > 0 and e["variant"], json.dumps(e)[:200])
            items = sum(e["monthly_cost"]["items"].values())
            check(f"{c['id']}/{fam} items add up", abs(items - e["monthly_cost"]["infrastructure"]) < 0.011,
                  f"{items} vs {e['monthly_cost']['infrastructure']}")
        else:
            check(f"{c['id']}/{fam} blocked with reasons", len(e["blockers"]) > 0)
    if c["recommended"]:
        check(f"{c['id']} assigned in layout", doc["layout"]["assignment"].get(c["id"]) == c["recommended"])
layout_sum = sum(c["families"][c["recommended"]]["monthly_cost"]["total"] for c in doc["components"] if c["recommended"])
check("layout total is the sum of the recommendations", abs(layout_sum - doc["layout"]["monthly_cost"]) < 0.02,
      f"{layout_sum} vs {doc['layout']['monthly_cost']}")
check("catalog date present", doc["pricing"]["catalog_date"] >= "2026-01-01")

# Text summary (the headless main job) names every component.
r = run("analyze", args.sample)
check("text summary lists every component", r.returncode == 0 and all(i in r.stdout for i in ids), r.stderr)
# #23: it echoes the settings, lists every finding and the SLO misses of the recommendations.
text = r.stdout
w = json.loads(pathlib.Path(args.sample).read_text())["weights"]
check("text summary echoes the weights",
      f"cost {w['cost']:.2f}, latency {w['latency']:.2f}" in text, text[:400])
for label in ("Traffic:     growth x1; free tier ", "Labour:      ", "Purchase:    ",
              f"Catalog:     {doc['pricing']['catalog_name']}, dated {doc['pricing']['catalog_date']}"):
    check(f"text summary echoes {label.split(':')[0]}", label in text, text[:400])
misses = [c for c in doc["components"] if c["recommended"] and c["families"][c["recommended"]]["slo_miss"]]
miss_ids = {c["id"] for c in misses}
# #19: a finding about one SLO miss is printed under "SLO misses" only, so no miss is listed twice.
slo_findings = [f for f in doc["findings"] if f["components"] and len(f["components"]) == 1
                and f["components"][0] in miss_ids and "SLO" in f["text"]]
others = [f for f in doc["findings"] if f not in slo_findings]
check("text summary: every other finding with its severity",
      all(f"[{f['severity']}] " + f["text"].split()[0] in text for f in others)
      and f"Findings ({len(others)}):" in text if others else "Findings: none" in text,
      text[-1500:])
check("text summary: SLO misses of the recommended families, each once",
      (f"SLO misses ({len(misses)}):" in text and all(text.count(f"  {c['id']} ({c['recommended']}): estimated p99 ") == 1
                                                       for c in misses)
       and not any(f["text"][:40] in text for f in slo_findings))
      if misses else "SLO misses: none" in text, text[-1500:])
long_lines = [line for line in text.splitlines() if len(line) > 100]
check("text summary fits in 100 columns", not long_lines, "\n".join(long_lines[:3]))
r = run("analyze", args.sample, "--growth", "2", "--weights", "cost=1")
check("text summary echoes --growth and --weights", "growth x2.00" in r.stdout and "cost 1.00," in r.stdout,
      r.stdout[:400])
# A forced family ("decision") and a waived blocker are marked in the table and justified under it.
marked = json.loads(pathlib.Path(args.sample).read_text())
forced_why = "The client's search team runs its own search VMs."
waiver_why = "Will be split into 15-minute steps."
for c in marked["components"]:
    if c["id"] == "search-api":
        c["decision"] = {"family": "vm", "justification": forced_why}
    if c["id"] == "nightly-reconciliation":
        c["waivers"] = [{"family": "serverless", "blocker": "max_duration", "justification": waiver_why}]
(work / "marked.json").write_text(json.dumps(marked))
r = run("analyze", str(work / "marked.json"))
rows = {}
for line in r.stdout.splitlines():
    if line.split():
        rows.setdefault(line.split()[0], line)  # the table row comes before the lists under it
flat = " ".join(r.stdout.split())  # justifications may wrap
check("text summary marks the forced family", " vm* " in rows.get("search-api", ""), rows.get("search-api"))
check("text summary marks the waived blocker's family", "+ " in rows.get("nightly-reconciliation", ""),
      rows.get("nightly-reconciliation"))
check("text summary lists the justifications",
      f"search-api -> vm: {forced_why}" in flat and waiver_why in flat, r.stdout[-1500:])

# Growth doubles the traffic.
r2 = run("analyze", args.sample, "--growth", "2", "--json", "-")
doc2 = json.loads(r2.stdout)
for a, b in zip(doc["components"], doc2["components"]):
    check(f"--growth 2 doubles {a['id']}", abs(b["profile"]["requests_per_month"] - 2 * a["profile"]["requests_per_month"]) <= 1)

# Weights from the command line re-score; bad weights are a usage error.
r = run("analyze", args.sample, "--weights", "cost=1,latency=0,compliance=0,lock_in=0,operations=0", "--json", "-")
check("--weights cost=1 exits 0", r.returncode == 0, r.stderr)
if r.returncode == 0:
    costonly = json.loads(r.stdout)
    for c in costonly["components"]:
        fits = {f: e["fit"] for f, e in c["families"].items() if e["feasible"]}
        if c["recommended"]:
            check(f"cost-only fit of {c['id']} is its cost score",
                  all(abs(fits[f] - c["families"][f]["scores"]["cost"]) < 1e-3 for f in fits))
for bad in ("cost=2", "speed=0.5", "cost=0,latency=0,compliance=0,lock_in=0,operations=0", "cost"):
    r = run("analyze", args.sample, "--weights", bad)
    check(f"--weights {bad} exits 2", r.returncode == 2 and "--weights" in r.stderr, r.stderr)

# A private price book lowers prices and is named in the result.
book = pathlib.Path(args.data, "samples", "northwind.price-book.json")
r = run("analyze", args.sample, "--price-book", str(book), "--json", "-")
check("--price-book exits 0", r.returncode == 0, r.stderr)
if r.returncode == 0:
    booked = json.loads(r.stdout)
    check("price book named in pricing.catalog_name", "price book" in booked["pricing"]["catalog_name"])
    check("price book lowers the all-VM baseline",
          booked["layout"]["baselines"]["all_vm"]["monthly_cost"] < doc["layout"]["baselines"]["all_vm"]["monthly_cost"])
(work / "bad-book.json").write_text('{"schema": "archfit/price-book@1", "name": "x", "source": "y", "prices": {"nope": 1}}')
r = run("analyze", args.sample, "--price-book", str(work / "bad-book.json"))
check("unknown price id in a price book exits 1 naming it", r.returncode == 1 and "nope" in r.stderr, r.stderr)

# Baselines count every component (issue 18): a component a family cannot run counts at its
# fallback family, never 0.00; one no family can run is left out and named.
for name, b in doc["layout"]["baselines"].items():
    check(f"{name}: blocked = fallbacks + not counted",
          b["blocked"] == b["fallback_count"] + b["not_counted"] == len(b["fallbacks"]) + b["not_counted"], b)
    family = name[len("all_"):]
    counted = 0.0
    fallback = {f["id"]: f["family"] for f in b["fallbacks"]}
    for c in doc["components"]:
        if c["families"][family]["feasible"]:
            continue
        check(f"{name}: {c['id']} falls back to its recommendation", fallback.get(c["id"]) == c["recommended"], b)
        counted += c["families"][c["recommended"]]["monthly_cost"]["total"]
    check(f"{name}: at least the fallbacks' cost", b["monthly_cost"] >= counted - 0.01, (b["monthly_cost"], counted))
check("the sample's all-serverless baseline has fallbacks", doc["layout"]["baselines"]["all_serverless"]["fallback_count"] > 0)
one = work / "one-blocked.workload.json"
one.write_text(json.dumps({"schema": "archfit/workload@1", "assessment": {"options": {"operations_labour": False}},
                           "components": [{"id": "nightly", "kind": "batch", "memory_mb": 2048, "vcpu": 1,
                                           "avg_duration_ms": 600000, "max_duration_s": 1200,
                                           "pattern": "scheduled", "requests_per_month": 150}]}))
r = run("analyze", str(one))
line = [l for l in r.stdout.splitlines() if l.strip().startswith("all serverless")]
check("one blocked component: all serverless counts it at its fallback (1.23, not 0.00)",
      r.returncode == 0 and line and "1.23 USD" in line[0] and "1 container" in line[0], r.stdout + r.stderr)
both = work / "one-runs-nowhere.workload.json"
w = json.loads(one.read_text())
w["components"].append({"id": "big-gpu", "kind": "http_api", "runtime": "python", "memory_mb": 262144, "vcpu": 96,
                        "needs": ["gpu"], "avg_duration_ms": 800, "requests_per_day": 10000})
both.write_text(json.dumps(w))
r = run("analyze", str(both))
check("a component no family runs is named as left out",
      r.returncode == 0 and "blocked in every family, left out of the layout and every baseline: big-gpu" in r.stdout,
      r.stdout + r.stderr)
r = run("analyze", str(both), "--json", "-")
nowhere = json.loads(r.stdout)
validate(nowhere, schema, "analysis JSON with an unplaced component matches the schema")
check("layout.unplaced names it and every baseline leaves it out",
      nowhere["layout"]["unplaced"] == ["big-gpu"]
      and all(b["not_counted"] == 1 for b in nowhere["layout"]["baselines"].values()), nowhere["layout"])

# Honest currency (issue 18): EUR is converted with a dated rate, or refused naming the field.
eur = json.loads(pathlib.Path(args.sample).read_text())
eur["assessment"]["currency"] = "EUR"
eur_path = work / "shop-eur.workload.json"
eur_path.write_text(json.dumps(eur))
r = run("analyze", str(eur_path))
check("EUR without a rate exits 1 naming $.assessment.currency",
      r.returncode == 1 and "($.assessment.currency)" in r.stderr and "USD->EUR" in r.stderr and r.stdout == "",
      r.stderr)
r = run("analyze", str(eur_path), "--fx", "EUR=0.92@2026-12-01")
check("EUR with --fx prints the rate in the header",
      r.returncode == 0 and "Currency:    EUR, converted from USD at 1 USD = 0.92 EUR (2026-12-01, --fx on the command line)"
      in r.stdout and "EUR/month" in r.stdout, r.stdout[:600] + r.stderr)
r = run("analyze", str(eur_path), "--fx", "EUR=0.92@2026-12-01", "--json", "-")
converted = json.loads(r.stdout)
validate(converted, schema, "EUR analysis JSON matches data/schema/analysis.schema.json")
validate(converted, contract, "EUR analysis JSON matches the contract (tests/data/contract)")
check("EUR JSON: pricing.currency and exchange_rate",
      converted["pricing"]["currency"] == "EUR" and converted["pricing"]["exchange_rate"] ==
      {"from": "USD", "to": "EUR", "rate": 0.92, "date": "2026-12-01", "source": "--fx on the command line"},
      converted["pricing"])
# Every line item is converted then rounded to cents: within a cent per item of 0.92 x USD.
for a, b in zip(doc["components"], converted["components"]):
    for fam in ("serverless", "container", "vm"):
        ua, eb = a["families"][fam]["monthly_cost"], b["families"][fam]["monthly_cost"]
        same = a["families"][fam]["variant"] == b["families"][fam]["variant"] and ua["items"].keys() == eb["items"].keys()
        if a["families"][fam]["feasible"] and same:
            check(f"EUR {a['id']}/{fam} is 0.92 x USD",
                  abs(eb["total"] - 0.92 * ua["total"]) <= 0.01 * (len(ua["items"]) + 1), (ua["total"], eb["total"]))
for bad in ("EUR", "EUR=0@2026-12-01", "EUR=0.92@yesterday"):
    r = run("analyze", str(eur_path), "--fx", bad)
    check(f"--fx {bad} exits 2", r.returncode == 2 and "--fx" in r.stderr, r.stderr)
r = run("analyze", args.sample, "--fx", "EUR=0.92@2026-12-01", "--json", "-")
check("USD unchanged by an unused --fx", r.returncode == 0 and json.loads(r.stdout) == doc, "differs")
check("USD analysis has no exchange_rate", "exchange_rate" not in doc["pricing"])
fxbook = work / "fx-book.json"
fxbook.write_text(json.dumps({"schema": "archfit/price-book@1", "name": "FX only", "source": "treasury",
                              "fx": {"EUR": {"rate": 0.92, "date": "2026-12-01", "source": "ECB reference rate"}}}))
r = run("analyze", str(eur_path), "--price-book", str(fxbook), "--json", "-")
check("EUR with the price book's fx rate",
      r.returncode == 0 and json.loads(r.stdout)["pricing"]["exchange_rate"]["source"] == "ECB reference rate",
      r.stderr)

# Save a project, analyse it again: same figures.
proj = work / "sample.archfit"
proj.unlink(missing_ok=True)
r = run("analyze", args.sample, "--save", str(proj), "--json", str(work / "first.json"))
check("--save writes a project", r.returncode == 0 and proj.exists(), r.stderr)
r = run("analyze", str(proj), "--json", "-")
check("project re-analyses to the same result", r.returncode == 0 and
      json.loads(r.stdout)["components"] == json.loads((work / "first.json").read_text())["components"], r.stderr)

# A broken workload: every error, each with file:line:column and JSON path; exit 1.
r = run("validate", args.broken)
check("broken workload exits 1", r.returncode == 1, str(r.returncode))
name = pathlib.Path(args.broken).name
for path in ("$.components[0].memory_mb", "$.components[0].runtime", "$.components[1].requests_per_day",
             "$.components[1].calls[0]", "$.components[2].id", "$.components[2].memroy_mb"):
    lines = [l for l in r.stderr.splitlines() if f"({path})" in l]
    check(f"error reported for {path}", bool(lines) and lines[0].startswith(args.broken + ":") and lines[0][len(args.broken) + 1:].split(":")[0].isdigit(),
          r.stderr)
check("2GB quoted in the memory error", '"2GB"' in r.stderr, r.stderr)
r = run("analyze", args.broken, "--json", "-")
check("analyze of a broken workload exits 1 with no JSON", r.returncode == 1 and r.stdout == "", r.stdout[:100])
r = run("analyze", str(work / "does-not-exist.json"))
check("missing input exits 1 naming the file", r.returncode == 1 and "does-not-exist.json" in r.stderr, r.stderr)
(work / "notjson.json").write_text("this is not json\n")
r = run("validate", str(work / "notjson.json"))
check("non-JSON exits 1 with line:column", r.returncode == 1 and "notjson.json:1:" in r.stderr, r.stderr)

check.finish()
