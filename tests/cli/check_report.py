#!/usr/bin/env python3
"""archfit-cli report (issue #8): every format from the sample; the PDF's text carries each
component's recommendation and cost as the JSON has them; the HTML is well-formed and refers to
nothing outside itself; the CSV round-trips to the JSON's numbers; hostile names are escaped or
neutralised; no directory path leaks; CSV/JSON/HTML are byte-identical across runs."""
import argparse
import csv
import html.parser
import io
import json
import pathlib
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from checks import check, summary  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--cli", required=True)
ap.add_argument("--loggen", required=True)
ap.add_argument("--sample", required=True)
ap.add_argument("--golden", required=True)
ap.add_argument("--data", required=True)
ap.add_argument("--workdir", required=True)
args = ap.parse_args()
work = pathlib.Path(args.workdir)
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)


def run(*argv):
    return subprocess.run([args.cli, *argv], capture_output=True, text=True, timeout=300)


def report(src, out, *extra):
    r = run("report", str(src), "-o", str(out), "--data-dir", args.data, *extra)
    check(f"report {out.name} exits 0", r.returncode == 0 and out.exists(), r.stderr)
    return r


def pdf_text(pdf, mode="-layout"):
    r = subprocess.run(["pdftotext", mode, str(pdf), "-"], capture_output=True, text=True)
    check(f"pdftotext {pdf.name}", r.returncode == 0, r.stderr)
    return r.stdout


def squash(text):
    return re.sub(r"\s+", " ", text)


def png(width, height):
    """A small RGB PNG: a blue bar over white (the cover logo of the hostile run)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + (b"\x1f\x5f\xae" if y < height // 2 else b"\xff\xff\xff") * width
                    for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def money(v):
    return f"{v:,.2f} USD"


class TagBalance(html.parser.HTMLParser):
    """Every element closed in order (void elements written as <x/>), no scripts or links out."""
    VOID = {"meta", "img", "br", "hr", "link", "input"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.external = [], [], []

    def handle_starttag(self, tag, attrs):
        self._refs(tag, attrs)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self._refs(tag, attrs)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'} at {self.getpos()}")
        else:
            self.stack.pop()

    def _refs(self, tag, attrs):
        if tag in ("script", "link", "iframe", "object", "embed"):
            self.external.append(f"<{tag}>")
        for k, v in attrs:
            if k in ("src", "href", "xlink:href", "action") and v and not (v.startswith("#") or v.startswith("data:image/")):
                self.external.append(f"{k}={v}")
            if k.startswith("on"):
                self.external.append(f"event handler {k}")


def check_html(path, label):
    text = path.read_text(encoding="utf-8")
    try:
        ET.fromstring(text.split("\n", 1)[1])  # after <!DOCTYPE html>
        check(f"{label}: HTML is well-formed XML", True)
    except ET.ParseError as e:
        check(f"{label}: HTML is well-formed XML", False, e)
    p = TagBalance()
    p.feed(text)
    p.close()
    check(f"{label}: every HTML element closed", not p.errors and not p.stack, p.errors[:5] + p.stack)
    check(f"{label}: no external references", not p.external, p.external[:5])
    styles = "".join(re.findall(r"<style>(.*?)</style>", text, re.S))
    check(f"{label}: no @import or url() in the CSS", "@import" not in styles and "url(" not in styles)
    check(f"{label}: no http(s) src/href", not re.search(r'(src|href)\s*=\s*["\']?\s*(https?:)?//', text))
    return text


# 1. The sample in every format.
sample = pathlib.Path(args.sample)
out = {ext: work / f"shop.{ext}" for ext in ("pdf", "html", "csv", "json")}
for path in out.values():
    report(sample, path)
doc = json.loads(out["json"].read_text())
analysis = doc.get("analysis", {})
check("JSON is archfit/report@1 around archfit/analysis@1",
      doc.get("schema") == "archfit/report@1" and analysis.get("schema") == "archfit/analysis@1", doc.get("schema"))
for key in ("weights", "assessment", "growth", "catalog", "sources"):
    check(f"JSON assumptions.{key}", key in doc.get("assumptions", {}), list(doc.get("assumptions", {})))
r = run("analyze", str(sample), "--json", "-", "--data-dir", args.data)
check("report JSON's analysis equals analyze --json", json.loads(r.stdout) == analysis, "differs")
components = analysis["components"]

# 2. PDF: each component's name, recommendation and cost as the JSON has them.
text = pdf_text(out["pdf"])
flat = squash(text)
for c in components:
    rec = c["recommended"]
    heading = re.search(r"\n\s*(3\.\d+)\s+" + re.escape(c["name"]) + r" \(" + re.escape(c["id"]) + r"\)\s*\n", text)
    check(f"PDF has a section for {c['id']}", heading is not None)
    if not heading:
        continue
    start = heading.end()
    nxt = re.search(r"\n\s*(3\.\d+|4)\s+\S", text[start:])
    section = squash(text[start:start + (nxt.start() if nxt else len(text))])
    total = c["families"][rec]["monthly_cost"]["total"]
    check(f"PDF {c['id']}: recommendation {rec}", f"Recommendation {rec} (" in section, section[:300])
    check(f"PDF {c['id']}: cost {money(total)}", f"{money(total)} a month" in section, section[:300])
    check(f"PDF {c['id']}: margin {c['margin']:.1f}", f"{c['margin']:.1f} fit points" in section
          or "only feasible family" in section, section[:400])
layout = analysis["layout"]
check("PDF summary: layout cost per month and per year",
      f"{money(layout['monthly_cost'])} a month ({money(12 * layout['monthly_cost'])} a year)" in flat)
for name, b in layout["baselines"].items():
    check(f"PDF summary: baseline {name}", money(b["monthly_cost"]) in flat, name)
for title in ("Contents", "Executive summary", "Recommended layout", "Findings", "Assumptions", "Data sources",
              "Method notes", "Glossary", "The three decisions that matter most", "Sensitivity",
              "Estimated p99 latency per family", "Page 3 of"):
    check(f"PDF has '{title}'", title in flat)
check("PDF states the catalog date", analysis["pricing"]["catalog_date"] in flat)
raw = out["pdf"].read_bytes()
check("PDF contents entries link inside the document", raw.count(b"/Dest [") >= len(components) + 8
      and b"/URI (#" not in raw, raw.count(b"/Dest ["))
fonts = subprocess.run(["pdffonts", str(out["pdf"])], capture_output=True, text=True).stdout.splitlines()[2:]
check("PDF fonts all embedded", fonts and all(line.split()[-5] == "yes" for line in fonts), fonts)
info = subprocess.run(["pdfinfo", str(out["pdf"])], capture_output=True, text=True).stdout
check("PDF is A4 by default", "595 x 842" in info, info)
letter = work / "shop-letter.pdf"
report(sample, letter, "--paper", "letter")
info = subprocess.run(["pdfinfo", str(letter)], capture_output=True, text=True).stdout
check("--paper letter gives Letter pages", "612 x 792" in info, info)

# 3. HTML: well-formed, self-contained, same figures.
html_text = check_html(out["html"], "sample")
for c in components:
    total = c["families"][c["recommended"]]["monthly_cost"]["total"]
    check(f"HTML has {c['id']} with {money(total)}", f'id="component-{c["id"]}"' in html_text
          and money(total) in html_text)
check("HTML is responsive and printable", 'name="viewport"' in html_text and "@media print" in html_text)

# 3b. Product language (issue #19, item 2): the variant ids of the JSON appear in no output
# meant for people: the text summary, the HTML and the PDF.
ids = set()
for c in components:
    for fam in c["families"].values():
        if fam.get("variant"):
            ids.add(fam["variant"])
        ids.update(fam.get("variants") or {})
check("JSON names on demand and committed variants", len(ids) >= 6, sorted(ids))
summary_text = run("analyze", str(sample), "--data-dir", args.data).stdout
for label, body in (("text summary", summary_text), ("HTML", html_text), ("PDF", flat)):
    # A whole word: not inside a longer id, a URL ("for-kubernetes-versions") or a path.
    leaked = sorted(i for i in ids if re.search(r"(?<![\w/-])" + re.escape(i) + r"(?!\w)", body))
    check(f"{label} names no variant id", not leaked, leaked)
# Cost line items read as words in the HTML and the PDF ("Load balancer", not "load_balancer").
item_keys = {k for c in components for fam in c["families"].values() for k in fam["monthly_cost"]["items"] if "_" in k}
check("JSON has multi-word cost items", {"load_balancer", "block_storage"} <= item_keys, sorted(item_keys))
for label, body in (("HTML", html_text), ("PDF", flat)):
    leaked = sorted(k for k in item_keys if re.search(r"(?<![\w/-])" + re.escape(k) + r"(?!\w)", body))
    check(f"{label} names no cost item key", not leaked, leaked)
check("text summary names the products", "AWS Lambda" in summary_text and "Amazon EC2 " in summary_text,
      summary_text[-1500:])

# 4. CSV round-trips to the JSON numbers.
rows = list(csv.DictReader(io.StringIO(out["csv"].read_text(encoding="utf-8"), newline="")))
check("CSV: one row per component x family", len(rows) == 3 * len(components), len(rows))
by_key = {(r["component_id"], r["family"]): r for r in rows}
mismatch = []
for c in components:
    for fam, e in c["families"].items():
        r = by_key.get((c["id"], fam))
        if r is None:
            mismatch.append(f"{c['id']}/{fam} missing")
            continue
        pairs = [("total", e["monthly_cost"]["total"]), ("infrastructure", e["monthly_cost"]["infrastructure"]),
                 ("operations", e["monthly_cost"]["operations"]), ("margin", c["margin"]),
                 ("requests_per_month", c["profile"]["requests_per_month"])]
        pairs += [(f"item_{k}", v) for k, v in e["monthly_cost"]["items"].items()]
        pairs += [(f"score_{k}", v) for k, v in e["scores"].items() if v is not None]
        if e.get("fit") is not None:
            pairs.append(("fit", e["fit"]))
        for col, want in pairs:
            if col not in r or float(r[col]) != float(want):
                mismatch.append(f"{c['id']}/{fam}/{col}: csv {r.get(col)!r} json {want!r}")
        if (r["recommended"] == "true") != (c["recommended"] == fam):
            mismatch.append(f"{c['id']}/{fam}/recommended")
check("CSV numbers equal the JSON's", not mismatch, mismatch[:8])
check("CSV uses CRLF line ends", out["csv"].read_bytes().count(b"\r\n") == len(rows) + 1)

# 5. Determinism: same input, same bytes (no clock in CSV/JSON/HTML).
for ext in ("csv", "json", "html"):
    again = work / f"again.{ext}"
    report(sample, again)
    check(f"{ext} is byte-identical across runs", again.read_bytes() == out[ext].read_bytes())
dated = work / "dated.json"
report(sample, dated, "--date", "1 March 2027")
check("--date sets the printed date", json.loads(dated.read_text())["report"]["date"] == "1 March 2027")

# 6. Hostile strings: escaped in HTML, neutralised in CSV, plain text in the PDF; no paths leak.
hostile = json.loads(sample.read_text())
evil = {
    0: '<script>alert("x")</script> & co',
    1: '=HYPERLINK("http://evil.example/x","click")',
    2: "+SUM(1,2)",
    3: "-2+3",
    4: "@cmd",
    5: "\tTabbed, \"quoted\"",
}
for i, name in evil.items():
    hostile["components"][i]["name"] = name
hostile["assessment"]["name"] = '"><img src=x onerror=alert(1)>'
hostile["assessment"]["client"] = "</title><style>@import 'http://evil.example/a.css';</style>"
secret = work / "secret-dir-7f3a"
secret.mkdir()
src = secret / "hostile.workload.json"
src.write_text(json.dumps(hostile))
g = subprocess.run([args.loggen, "--workload", str(sample), "--days", "1", "--scale", "0.0002", "-o",
                    str(secret / "access.log")], capture_output=True, text=True)
check("loggen ran", g.returncode == 0, g.stderr)
logo = secret / "logo.png"
logo.write_bytes(png(120, 40))
hout = {ext: secret / f"hostile.{ext}" for ext in ("pdf", "html", "csv", "json")}
for path in hout.values():
    report(src, path, "--logs", str(secret / "access.log"), "--logo", str(logo), "--author", "<b>Ann</b>")
h = check_html(hout["html"], "hostile")
check("hostile HTML: script tag escaped", "<script" not in h and "&lt;script&gt;alert(&quot;x&quot;)" in h)
check("hostile HTML: attribute break-out escaped", "<img src=x" not in h and "&quot;&gt;&lt;img src=x" in h)
check("hostile HTML: style injection escaped", "<style>@import" not in h and "&lt;/title&gt;" in h)
check("hostile HTML: logo inlined as data URI", 'src="data:image/png;base64,' in h)
hrows = list(csv.DictReader(io.StringIO(hout["csv"].read_text(encoding="utf-8"), newline="")))
names = {r["component_name"] for r in hrows}
for i in (1, 2, 3, 4, 5):
    check(f"CSV neutralises {evil[i]!r}", "'" + evil[i] in names, sorted(names))
check("CSV has no cell starting with = + @ or tab",
      not any(v[:1] in ("=", "+", "@", "\t") for r in hrows for v in r.values() if v), "")
htext = squash(pdf_text(hout["pdf"]))
check("hostile PDF prints names as text", '<script>alert("x")</script> & co' in htext, htext[:300])
for ext, path in hout.items():
    body = pdf_text(path) if ext == "pdf" else path.read_text(encoding="utf-8")
    check(f"{ext}: no directory path", str(secret) not in body and "secret-dir-7f3a" not in body
          and str(work) not in body, ext)
hj = json.loads(hout["json"].read_text())
raw_text = re.sub(r"\s+", "", pdf_text(hout["pdf"], "-raw"))
check("PDF data sources list the log by name with its SHA-256",
      "access.log" in htext and hj["data_sources"]["logs"][0]["sha256"] in raw_text)
check("JSON data_sources: file name, sha256, lines",
      hj["data_sources"]["logs"] and hj["data_sources"]["logs"][0]["file"] == "access.log"
      and len(hj["data_sources"]["logs"][0]["sha256"]) == 64 and hj["data_sources"]["logs"][0]["lines"] > 0,
      hj["data_sources"])

# 7. Golden cases with blockers, a recorded decision and findings render too.
for case in ("forced-family", "gpu-inference", "db-behind-functions"):
    w = pathlib.Path(args.golden) / case / "workload.json"
    pdf, page = work / f"{case}.pdf", work / f"{case}.html"
    report(w, pdf)
    report(w, page)
    check_html(page, case)
    t = squash(pdf_text(pdf))
    if case == "forced-family":
        check("forced decision and its justification printed", "Licence is bound to a host ID until 2027" in t)
    if case == "gpu-inference":
        check("blockers printed", "blocked:" in t, t[:500])

# 7b. Baselines: how many fell back, and to what, in every format (issue 18).
baselines = layout["baselines"]
for name, b in baselines.items():
    if b["fallback_count"]:
        fam = name[len("all_"):]
        title = {"serverless": "Serverless", "container": "Container", "vm": "VM"}[fam]
        phrase = f"All {title}: {b['blocked']} cannot run there; counted at fallback:"
        check(f"PDF and HTML say {name}'s fallbacks", phrase in flat and phrase in html_text, phrase)
wrong = []
for c in components:
    for fam in ("serverless", "container", "vm"):
        want = "" if c["families"][fam]["feasible"] else \
            {f["id"]: f["family"] for f in baselines["all_" + fam]["fallbacks"]}.get(c["id"], "not counted")
        if by_key[(c["id"], fam)]["baseline_fallback"] != want:
            wrong.append(f"{c['id']}/{fam}")
check("CSV baseline_fallback column matches the JSON's fallbacks", not wrong, wrong[:5])

# 7c. Currency: a EUR assessment is refused without a rate, converted and labelled with one.
eur = json.loads(sample.read_text())
eur["assessment"]["currency"] = "EUR"
eur_path = work / "shop-eur.workload.json"
eur_path.write_text(json.dumps(eur))
r = run("report", str(eur_path), "-o", str(work / "eur-refused.pdf"), "--data-dir", args.data)
check("EUR report without a rate exits 1 naming $.assessment.currency",
      r.returncode == 1 and "($.assessment.currency)" in r.stderr, r.stderr)
rate = "1 USD = 0.92 EUR (2026-12-01, --fx on the command line)"
eur_out = {ext: work / f"shop-eur.{ext}" for ext in ("pdf", "html", "csv", "json")}
for path in eur_out.values():
    report(eur_path, path, "--fx", "EUR=0.92@2026-12-01")
check("EUR PDF prints the rate", rate in squash(pdf_text(eur_out["pdf"])))
check("EUR HTML prints the rate", rate in eur_out["html"].read_text(encoding="utf-8"))
eur_rows = list(csv.DictReader(io.StringIO(eur_out["csv"].read_text(encoding="utf-8"), newline="")))
check("EUR CSV carries the rate on every row",
      all(r["currency"] == "EUR" and r["fx_from"] == "USD" and r["fx_rate"] == "0.92" and r["fx_date"] == "2026-12-01"
          for r in eur_rows), eur_rows[0] if eur_rows else None)
check("USD CSV has empty rate columns", all(r["fx_rate"] == "" for r in rows))
eur_doc = json.loads(eur_out["json"].read_text())
check("EUR report JSON: assumptions.catalog.exchange_rate and analysis.pricing.exchange_rate",
      eur_doc["assumptions"]["catalog"]["exchange_rate"]["rate"] == 0.92
      and eur_doc["analysis"]["pricing"]["exchange_rate"]["to"] == "EUR", eur_doc["assumptions"]["catalog"])

# 8. Usage errors.
for argv, why in ((["report", str(sample)], "missing -o"), (["report", str(sample), "-o", "x.docx"], "bad extension"),
                  (["report", str(sample), "-o", "x.pdf", "--paper", "a3"], "bad paper"),
                  (["report", str(sample), "-o", "x.pdf", "--bogus"], "unknown option")):
    r = run(*argv)
    check(f"usage error ({why}) exits 2", r.returncode == 2 and "archfit-cli:" in r.stderr, r.stderr)
r = run("report", str(sample), "-o", str(work / "no-such-dir" / "x.html"), "--data-dir", args.data)
check("unwritable OUT exits 1 naming it", r.returncode == 1 and "x.html" in r.stderr, r.stderr)
r = run("report", str(sample), "-o", str(work / "x.pdf"), "--logo", str(sample), "--data-dir", args.data)
check("a logo that is not an image exits 1", r.returncode == 1 and "PNG or JPEG" in r.stderr, r.stderr)

sys.exit(summary("report"))
