"""Shared by the check_*.py scripts: required options, the work folder and pass/fail counting."""
import argparse
import pathlib
import sys


def arguments(*names):
    """Parses the required --options `names` (plus --workdir); returns (args, work folder)."""
    ap = argparse.ArgumentParser()
    for name in (*names, "workdir"):
        ap.add_argument("--" + name.replace("_", "-"), required=True)
    args = ap.parse_args()
    work = pathlib.Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    return args, work


class Checks:
    """check(name, ok, detail) counts a result and prints the failures; finish() exits."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def __call__(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}: {detail}")

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)
