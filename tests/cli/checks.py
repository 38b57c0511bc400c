"""Pass/fail counting shared by the CLI check scripts: check() records, summary() prints the
closing 'N passed, N failed' line ctest readers look for and returns the exit status."""

counts = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    if ok:
        counts["passed"] += 1
    else:
        counts["failed"] += 1
        print(f"FAIL {name}: {str(detail)[:2000]}")


def summary(label):
    print(f"{label}: {counts['passed']} passed, {counts['failed']} failed")
    return 1 if counts["failed"] else 0
