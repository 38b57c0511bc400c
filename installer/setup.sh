#!/usr/bin/env bash
# ArchFit setup on Debian 12: installs the build and test dependencies, builds in ./build, then
# runs the app, runs the tests, or stops after the build.
#
#   installer/setup.sh [run|test|build]     (default: run)
#
#   run    build, then open the GUI on the sample assessment (or, without a display, print the
#          command-line analysis of it)
#   test   build, then the CI stages (installer/ci_stages.sh): the whole test suite (ctest),
#          an ASan+UBSan build running it again, each fuzz target briefly, and the .deb
#          package build + install check; exits non-zero when any stage fails
#   build  install dependencies and build only
#
# Environment: BUILD_DIR (default ./build), BUILD_TYPE (default RelWithDebInfo),
#              JOBS (default: number of cores); for test also SAN_BUILD_DIR, FUZZ_SECONDS,
#              CI_STAGES (see installer/ci_stages.sh).
set -euo pipefail

mode="${1:-run}"
case "$mode" in
  run|test|build) ;;
  -h|--help)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
    exit 0 ;;
  *)
    echo "usage: installer/setup.sh [run|test|build]" >&2
    exit 2 ;;
esac

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build_dir="${BUILD_DIR:-build}"
build_type="${BUILD_TYPE:-RelWithDebInfo}"
jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
sample="data/samples/shop.workload.json"

step() { printf '\n==> %s\n' "$*"; }

# Debian 12 (bookworm) package names. qt6-svg-dev is the Qt 6 SVG module (SVG chart export);
# googletest + libgtest-dev give GoogleTest; python3-jsonschema validates JSON outputs in tests;
# xvfb/xauth run GUI checks without a screen; poppler-utils (pdftoppm) checks PDF reports;
# clang + libclang-rt-14-dev give libFuzzer and the sanitizer runtimes (CI sanitize/fuzz stages);
# dpkg-dev (dpkg-shlibdeps) and desktop-file-utils build and check the .deb; libisal-dev inflates
# gzip logs (ISA-L igzip, zlib is the fallback when absent); libyaml-cpp-dev reads Kubernetes,
# compose and SAM / Serverless YAML for `archfit-cli import`.
packages=(
  build-essential cmake pkg-config
  qt6-base-dev qt6-svg-dev libgl-dev libqcustomplot-dev
  nlohmann-json3-dev libsqlite3-dev zlib1g-dev libisal-dev libyaml-cpp-dev
  googletest libgtest-dev libbenchmark-dev
  python3 python3-jsonschema
  xvfb xauth poppler-utils
  clang libclang-rt-14-dev dpkg-dev desktop-file-utils
)

install_packages() {
  step "Checking Debian packages (${#packages[@]})"
  local missing=() p status
  for p in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    echo "All packages already installed; skipping apt."
    return
  fi
  echo "Missing: ${missing[*]}"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: apt-get not found. ArchFit's setup script supports Debian 12; install the" >&2
    echo "packages above with your system's package manager, then rerun." >&2
    exit 1
  fi
  local sudo=()
  if ((EUID != 0)); then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "error: not root and sudo is not available; as root run:" >&2
      echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  step "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

build() {
  local start=$SECONDS
  step "Configuring ($build_type) in $build_dir"
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type"
  step "Building with $jobs parallel jobs"
  cmake --build "$build_dir" -j "$jobs"
  echo "Build took $((SECONDS - start)) s"
}

install_packages
build

case "$mode" in
  build)
    step "Build done: $build_dir/app/gui/archfit, $build_dir/app/cli/archfit-cli"
    ;;
  test)
    # ctest, sanitizers, fuzzing, package: each timed, summary at the end; its status is ours.
    exec installer/ci_stages.sh "$build_dir"
    ;;
  run)
    if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]] && [[ -x "$build_dir/app/gui/archfit" ]]; then
      step "Starting ArchFit on the sample assessment ($sample)"
      exec "$build_dir/app/gui/archfit" "$sample"
    fi
    echo
    echo "No display found: showing the command-line analysis of the sample instead" \
         "(archfit-cli analyze $sample)"
    exec "$build_dir/app/cli/archfit-cli" analyze "$sample"
    ;;
esac
