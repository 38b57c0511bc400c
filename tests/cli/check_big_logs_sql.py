#!/usr/bin/env python3
"""Runs the SQLite query of docs/big-logs.md (the text between its sqlite-query markers) and feeds
its CSV to `archfit-cli ingest`:
  A. a hand-written table of 8 requests: the query's rows equal the hand-computed ones, and the
     import gives the expected per-component figures;
  B. a log from archfit-loggen (shop sample), loaded into SQLite by an independent reader here:
     the query's rows equal a plain-Python aggregation, and importing the CSV gives, per
     component, the same requests, 5xx, bytes, minutes and latency samples as ingesting the log."""
import collections
import csv
import datetime
import json
import pathlib
import re
import sqlite3
import subprocess
import sys

from checks import Checks, arguments

args, work = arguments("cli", "loggen", "sample", "doc")
check = Checks()


doc = pathlib.Path(args.doc).read_text()
m = re.search(r"<!-- begin sqlite-query.*?-->\s*```sql\n(.*?)```\s*<!-- end sqlite-query -->", doc, re.S)
if not m:
    print("FAIL: no sqlite-query block in " + args.doc)
    sys.exit(1)
QUERY = m.group(1)
h = re.search(r"<!-- begin sqlite-histogram-select.*?-->\s*```sql\n(.*?)```\s*<!-- end sqlite-histogram-select -->",
              doc, re.S)
cut = QUERY.find(",\nranked AS")
if not h or cut < 0:
    print("FAIL: no sqlite-histogram-select block, or the query has no ranked step, in " + args.doc)
    sys.exit(1)
HIST_QUERY = QUERY[:cut] + "\n" + h.group(1)
EDGES = [float(e) for e in re.findall(r"AS le_([0-9.]+)", h.group(1))]

workload = json.loads(pathlib.Path(args.sample).read_text())
ROUTES = []
for c in workload["components"]:
    for r in c.get("routes", []):
        ROUTES.append((len(ROUTES) + 1, c["id"], r.get("host"), r.get("path"), r.get("method")))


def database(rows):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE access_log(ts TEXT, host TEXT, method TEXT, path TEXT, status INTEGER, "
               "bytes INTEGER, latency_ms REAL)")
    db.execute("CREATE TABLE routes(priority INTEGER, component TEXT, host TEXT, path TEXT, method TEXT)")
    db.executemany("INSERT INTO access_log VALUES (?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO routes VALUES (?,?,?,?,?)", ROUTES)
    return db


def aggregate_csv(rows, name, query=QUERY):
    cursor = database(rows).execute(query)
    db_rows = cursor.fetchall()
    path = work / name
    with path.open("w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([d[0] for d in cursor.description])  # the query's own column names
        w.writerows(db_rows)
    return db_rows, path


def ingest(path):
    r = subprocess.run([args.cli, "ingest", "--workload", args.sample, "--json", "-", str(path)],
                       capture_output=True, text=True, timeout=300)
    check(f"ingest {path.name} exits 0", r.returncode == 0, r.stderr)
    return json.loads(r.stdout)


# ---------------------------------------------------------------- A. hand-written table
hand = [
    ("2026-11-02T10:15:01", "shop.example.com", "GET", "/api/catalog/7?x=1", 200, 1000, 10.0),   # storefront
    ("2026-11-02T10:15:20", None, "GET", "/api/cart/", 503, 100, 30.0),                        # storefront: no host
    ("2026-11-02T10:15:59.999", "SHOP.example.com:443", "POST", "/api/cart/add", 200, 50, 20.0),  # host case, port
    ("2026-11-02T10:15:30", None, "GET", "/api/orders/42/status", 200, 10, 5.0),               # orders: glob
    ("2026-11-02T10:15:31", None, "DELETE", "/api/orders/42", 500, 0, None),                   # orders: prefix
    ("2026-11-02T10:15:40", "other.example.com", "GET", "/api/search?q=a", 200, 300, 8.0),     # host differs
    ("2026-11-02T10:16:00", None, "GET", "/api/catalog/1", 200, None, 12.0),                   # no bytes
    ("2026-11-02T10:15:45", "shop.example.com", "GET", "/api/Catalog/x", 404, 5, 1.0),         # prefix is case-sensitive
]
# Nearest rank: n=2 -> p50 the 1st, p95/p99 the 2nd; n=3 -> p50 the 2nd, p95/p99 the 3rd.
expected = [
    ("2026-11-02T10:15:00Z", "(unmapped)", 2, 0, 305, 1.0, 8.0, 8.0),
    ("2026-11-02T10:15:00Z", "orders-api", 2, 1, 10, 5.0, 5.0, 5.0),
    ("2026-11-02T10:15:00Z", "storefront-api", 3, 1, 1150, 20.0, 30.0, 30.0),
    ("2026-11-02T10:16:00Z", "storefront-api", 1, 0, 0, 12.0, 12.0, 12.0),
]
got, csv_path = aggregate_csv(hand, "hand.csv")
check("query on the hand table gives the hand-computed rows", got == expected, f"{got}")
d = ingest(csv_path)
comp = d["components"]
check("hand CSV: storefront-api 4 requests, 1 5xx, 1150 bytes, 2 minutes",
      comp["storefront-api"]["requests"] == 4 and comp["storefront-api"]["status"]["5xx"] == 1 and
      comp["storefront-api"]["bytes"] == 1150 and comp["storefront-api"]["minutes_with_traffic"] == 2,
      json.dumps(comp.get("storefront-api")))
check("hand CSV: orders-api 2 requests, 1 5xx, p50 = midpoint of 5 ms's bucket [4.608, 5.12) ms",
      comp["orders-api"]["requests"] == 2 and comp["orders-api"]["status"]["5xx"] == 1 and
      comp["orders-api"]["p50_ms"] == 4.864, json.dumps(comp.get("orders-api")))
check("hand CSV: 2 unmapped requests", d["unmapped"] == 2 and d["lines_parsed"] == 4, json.dumps(d)[:300])

# ---------------------------------------------------------------- B. generated log
log = work / "gen.log"
g = subprocess.run([args.loggen, "--workload", args.sample, "--days", "1", "--scale", "0.0005", "-o", str(log)],
                   capture_output=True, text=True, timeout=300)
check("loggen ran", g.returncode == 0, g.stderr)
LINE = re.compile(r'^\S+ \S+ \S+ \[([^\]]+)\] "(\S+) (\S+) [^"]*" (\d{3}) (\d+|-) .* ([0-9]+\.[0-9]{3})$')
rows, unread = [], 0
for text in log.read_text().splitlines():
    mm = LINE.match(text)
    if not mm:
        unread += 1
        continue
    t = datetime.datetime.strptime(mm.group(1), "%d/%b/%Y:%H:%M:%S %z").astimezone(datetime.timezone.utc)
    size = None if mm.group(5) == "-" else int(mm.group(5))
    latency = round(float(mm.group(6)) * 1000.0, 3)
    rows.append((t.strftime("%Y-%m-%dT%H:%M:%S"), None, mm.group(2), mm.group(3), int(mm.group(4)), size, latency))
check("independent reader read every generated line", unread == 0 and rows, f"{unread} unread of {len(rows) + unread}")

got, csv_path = aggregate_csv(rows, "gen.csv")


def route(method, path):
    path = path.split("?", 1)[0]
    for _, comp_id, host, rpath, rmethod in ROUTES:
        if rmethod not in (None, "", "*") and rmethod != method:
            continue
        if rpath:
            if "*" in rpath or "?" in rpath:
                if not re.fullmatch(re.escape(rpath).replace(r"\*", ".*").replace(r"\?", "."), path, re.S):
                    continue
            elif not path.startswith(rpath):
                continue
        return comp_id
    return "(unmapped)"


cells = collections.defaultdict(list)
for ts, _, method, path, status, size, latency in rows:
    cells[(ts[:16] + ":00Z", route(method, path))].append((status, size or 0, latency))
mine = []
for (minute, comp_id), reqs in sorted(cells.items()):
    lat = sorted(r[2] for r in reqs)
    rank = lambda q: lat[max(1, -(-q * len(lat) // 100)) - 1]
    mine.append((minute, comp_id, len(reqs), sum(1 for r in reqs if 500 <= r[0] <= 599), sum(r[1] for r in reqs),
                 rank(50), rank(95), rank(99)))
check(f"query rows equal a plain-Python aggregation ({len(mine)} rows)", got == mine,
      f"first difference: {next(((a, b) for a, b in zip(got, mine) if a != b), (len(got), len(mine)))}")

raw = ingest(log)
agg = ingest(csv_path)
check("every generated line parsed", raw["lines_skipped"] == 0 and raw["lines_parsed"] == len(rows))
check("requests per component: CSV import = raw log", raw["requests_by_component"] == agg["requests_by_component"],
      f"{raw['requests_by_component']} vs {agg['requests_by_component']}")
for cid, rc in raw["components"].items():
    ac = agg["components"].get(cid, {})
    same = (rc["requests"], rc["bytes"], rc["status"]["5xx"], rc["minutes_with_traffic"], rc["latency_samples"]) == \
           (ac.get("requests"), ac.get("bytes"), ac.get("status", {}).get("5xx"), ac.get("minutes_with_traffic"),
            ac.get("latency_samples"))
    check(f"{cid}: requests, bytes, 5xx, minutes, latency samples equal", same, f"{rc} vs {ac}")

# ---------------------------------------------------------------- C. histogram columns
got, hist_path = aggregate_csv(rows, "gen-hist.csv", HIST_QUERY)
check(f"histogram query: {len(EDGES)} edges, header le_... then le_inf",
      len(EDGES) >= 5 and hist_path.read_text().splitlines()[0].endswith(",le_inf"), hist_path.read_text()[:200])
mine_hist = []
for (minute, comp_id), reqs in sorted(cells.items()):
    lat = [r[2] for r in reqs if r[2] is not None]
    mine_hist.append((minute, comp_id, len(reqs), sum(1 for r in reqs if 500 <= r[0] <= 599), sum(r[1] for r in reqs),
                      *[sum(1 for v in lat if v <= e) for e in EDGES], len(lat)))
check(f"histogram query rows equal a plain-Python count ({len(mine_hist)} rows)", got == mine_hist,
      f"first difference: {next(((a, b) for a, b in zip(got, mine_hist) if a != b), (len(got), len(mine_hist)))}")
hist = ingest(hist_path)
check("histogram CSV: every row parsed", hist["lines_skipped"] == 0 and hist["lines_parsed"] == len(got),
      json.dumps(hist.get("skipped_examples"))[:300])
for cid, rc in raw["components"].items():
    hc = hist["components"].get(cid, {})
    same = (rc["requests"], rc["bytes"], rc["status"]["5xx"], rc["minutes_with_traffic"], rc["latency_samples"]) == \
           (hc.get("requests"), hc.get("bytes"), hc.get("status", {}).get("5xx"), hc.get("minutes_with_traffic"),
            hc.get("latency_samples"))
    check(f"{cid} (histogram CSV): requests, bytes, 5xx, minutes, latency samples equal", same, f"{rc} vs {hc}")
    for q in ("p50_ms", "p95_ms", "p99_ms"):
        r, a = rc[q], hc.get(q)
        # ArchFit's buckets are within 1/16 of their midpoint; the import puts a bucket's requests
        # at its upper edge, so the percentile is the raw one or above, up to the next edge.
        above = [e for e in EDGES if e >= r * 1.0625]
        ok = a is not None and a >= r and (not above or a <= above[0] * 1.0625)
        check(f"{cid} {q}: raw {r} <= histogram CSV {a} <= next edge", ok)

check.finish()
