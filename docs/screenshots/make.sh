#!/bin/sh
# Refreshes the pictures in docs/screenshots/ from the bundled sample: the real window (through
# `archfit --screenshot`, under Xvfb), the PDF report's pages (pdftoppm) and the HTML report at
# phone width (headless Chromium). Run from the repository root after a build:
#
#   docs/screenshots/make.sh [BUILD_DIR]        # default: build
#
# Needs xvfb, poppler-utils and chromium (Debian packages). Nothing here is run by the tests.
set -eu
BUILD=${1:-build}
OUT=docs/screenshots
SAMPLE=data/samples/shop.workload.json
GUI=$BUILD/app/gui/archfit
CLI=$BUILD/app/cli/archfit-cli
for tool in "$GUI" "$CLI"; do
    [ -x "$tool" ] || { echo "make.sh: $tool not built (cmake --build $BUILD)" >&2; exit 1; }
done
for cmd in xvfb-run pdftoppm chromium; do
    command -v "$cmd" >/dev/null || { echo "make.sh: $cmd not found (apt-get install xvfb poppler-utils chromium)" >&2; exit 1; }
done

# shot SIZE OUT.png [archfit options]: the window at SIZE (the virtual screen's size).
shot() {
    size=$1
    out=$2
    shift 2
    xvfb-run -a -s "-screen 0 ${size}x24" "$GUI" --screenshot "$OUT/$out" "$@" "$SAMPLE"
    echo "wrote $OUT/$out"
}

shot 1920x1080 main-window.png
shot 1280x720 main-window-1280x720.png
shot 1920x1080 traffic-tab.png --select orders-api --tab Traffic
shot 1920x1080 latency-tab.png --select search-api --tab Latency
shot 1920x1080 cost-tab.png --select orders-api --tab Cost
shot 1920x1080 cost-vs-traffic-tab.png --select storefront-api --tab "Cost vs traffic"
shot 1920x1080 scores-tab.png --select orders-api --tab Scores
shot 1920x1080 sensitivity-tab.png --select orders-api --tab Sensitivity
shot 1920x1080 reasons-tab.png --select orders-api --tab Reasons
shot 1920x1080 layout-diagram.png --dock Layout
shot 1920x1080 dark-palette.png --dark

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$CLI" report "$SAMPLE" --author "Ann Example" --company "Example Consulting" \
    --logo data/samples/logo.png -o "$tmp/report.pdf" 2>/dev/null
pdftoppm -r 70 -f 1 -l 1 -png -singlefile "$tmp/report.pdf" "$OUT/report-cover"
pdftoppm -r 70 -f 3 -l 3 -png -singlefile "$tmp/report.pdf" "$OUT/report-executive-summary"
# The page that holds the layout diagram: the first page whose text starts the layout chapter.
page=$(pdftotext -layout "$tmp/report.pdf" - | awk 'BEGIN{RS="\f"} /Recommended layout/ && /Each component in the lane/ {print NR; exit}')
pdftoppm -r 70 -f "${page:-4}" -l "${page:-4}" -png -singlefile "$tmp/report.pdf" "$OUT/report-layout"
echo "wrote $OUT/report-cover.png, report-executive-summary.png, report-layout.png (page ${page:-4})"

"$CLI" report "$SAMPLE" -o "$tmp/report.html" 2>/dev/null
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=390,1800 \
    --screenshot="$PWD/$OUT/report-html-phone.png" "file://$tmp/report.html" 2>/dev/null
echo "wrote $OUT/report-html-phone.png"
