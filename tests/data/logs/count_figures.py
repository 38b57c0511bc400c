#!/usr/bin/env python3
"""Counts, independently of ArchFit's readers, the figures that tests/engine/ingest/
log_real_files_test.cpp expects of each log here: records, '#' lines, status classes, bytes,
first and last minute (minutes since the epoch, UTC), distinct minutes, records with a latency
and records without a path. Plain re/csv/json/datetime; run it after changing a file here and
copy its lines into the test's table.

    python3 tests/data/logs/count_figures.py
"""
import datetime
import json
import pathlib
import re
import shlex

HERE = pathlib.Path(__file__).resolve().parent
NCSA = re.compile(r'^(\S+) (\S+) (\S+) \[([^\]]+)\] "([^"]*)" (\d{3}) (\S+)')


def minute(dt):
    return int(dt.timestamp()) // 60


def ncsa(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        m = NCSA.match(line)
        assert m, line
        when = datetime.datetime.strptime(m.group(4), "%d/%b/%Y:%H:%M:%S %z")
        parts = m.group(5).split()
        size = m.group(7)
        yield dict(minute=minute(when), status=int(m.group(6)), bytes=0 if size == "-" else int(size),
                   latency=False, path=len(parts) >= 2)


def w3c_style(path, bytes_field, sep):
    """W3C extended and CloudFront: '#Fields:' names the columns; '-' is empty."""
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            if line.startswith("#Fields:"):
                names = line[len("#Fields:"):].split()
            continue
        if not line.strip():
            continue
        values = line.split(sep)
        row = dict(zip(names, values))
        when = datetime.datetime.fromisoformat(row["date"] + "T" + row["time"] + "+00:00")
        status = row["sc-status"]
        yield dict(minute=minute(when), status=int(status),
                   bytes=int(row[bytes_field]) if row.get(bytes_field, "-") != "-" else 0,
                   latency=row.get("time-taken", "-") != "-", path=row["cs-uri-stem"] != "-")


def alb(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        # shlex splits on the quotes; a field glued to a closing quote stays one token with it, so
        # only the first 13 fields (all before the first glue point in any ALB line) are used.
        f = shlex.split(line)
        when = datetime.datetime.fromisoformat(f[1].replace("Z", "+00:00"))
        timings = f[5:8]
        request = f[12].split()
        url = request[1] if len(request) >= 2 else "-"
        has_path = bool(re.match(r"^[a-z]+://[^/]+/", url)) or url.startswith("/")
        yield dict(minute=minute(when), status=int(f[8]), bytes=int(f[11]),
                   latency="-1" not in timings, path=has_path)


def gcp(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        h = entry["httpRequest"]
        when = datetime.datetime.fromisoformat(entry["timestamp"].replace("Z", "+00:00"))
        yield dict(minute=minute(when), status=int(h["status"]), bytes=int(h.get("responseSize", "0")),
                   latency="latency" in h, path=True)


FILES = [
    ("apache-combined.log", "combined", ncsa),
    ("basjes-hackers-combined.log", "combined", ncsa),
    ("nasa-jul95-common.log", "common", ncsa),
    ("lnav-iis-w3c.log", "w3c", lambda p: w3c_style(p, "sc-bytes", " ")),
    ("fixture-cloudfront.tsv", "cloudfront", lambda p: w3c_style(p, "sc-bytes", "\t")),
    ("fixture-alb.log", "alb", alb),
    ("fixture-gcp-lb.jsonl", "gcp-lb", gcp),
]

for name, fmt, reader in FILES:
    path = HERE / name
    records = list(reader(path))
    headers = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
    classes = [sum(1 for r in records if r["status"] // 100 == k) for k in (2, 3, 4, 5)]
    other = len(records) - sum(classes)
    minutes = {r["minute"] for r in records}
    print(f'{{"{name}", "{fmt}", {len(records)}, {headers}, {", ".join(map(str, classes))}, {other}, '
          f'{sum(r["bytes"] for r in records)}, {min(minutes)}, {max(minutes)}, {len(minutes)}, '
          f'{sum(r["latency"] for r in records)}, {sum(not r["path"] for r in records)}}},')
