#!/usr/bin/env python3
"""What the audit adds to an incremental `cargo build` of the quickstart.

Builds two copies of examples/quickstart as binaries in target/audit-build-cost/: one plain,
one whose build.rs runs the audit. After each is built once, it edits main.rs (a comment) and
times `cargo build -p CRATE`, alternately, --runs times each, and prints the medians and the
ratio. Usage: python3 benches/audit-build-cost.py [--runs 7]
"""

import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
WORK = ROOT / "target" / "audit-build-cost"


def setup():
    WORK.mkdir(parents=True, exist_ok=True)
    main = (ROOT / "examples/quickstart/main.rs").read_text()
    backing = (ROOT / "examples/quickstart/backing.rs").read_text()
    for name, audit in [("qs_plain", False), ("qs_audit", True)]:
        crate = WORK / name
        (crate / "src").mkdir(parents=True, exist_ok=True)
        deps = f'resources = {{ path = "{ROOT}" }}\n'
        build_deps = f'[build-dependencies]\nresources = {{ path = "{ROOT}", default-features = false, features = ["audit"] }}\n' if audit else ""
        (crate / "Cargo.toml").write_text(
            f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n{deps}\n{build_deps}'
        )
        (crate / "src" / "main.rs").write_text(main)
        (crate / "src" / "backing.rs").write_text(backing)
        if audit:
            (crate / "build.rs").write_text("fn main() {\n    resources::audit::Audit::from_build_script().run_build_script();\n}\n")
    (WORK / "Cargo.toml").write_text('[workspace]\nresolver = "3"\nmembers = ["qs_plain", "qs_audit"]\n')


def cargo(*args):
    r = subprocess.run(["cargo", *args], cwd=WORK, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"cargo {' '.join(args)} failed:\n{r.stderr[-3000:]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    setup()
    for name in ["qs_plain", "qs_audit"]:
        cargo("build", "-p", name)
    times = {"qs_plain": [], "qs_audit": []}
    for r in range(args.runs):
        for name in times:
            main_rs = WORK / name / "src" / "main.rs"
            text = main_rs.read_text()
            main_rs.write_text(text + f"// edit {r}\n")
            start = time.perf_counter()
            cargo("build", "-p", name)
            times[name].append(time.perf_counter() - start)
    plain, audited = statistics.median(times["qs_plain"]), statistics.median(times["qs_audit"])
    print(f"incremental `cargo build` of the quickstart after an edit, median of {args.runs}:")
    print(f"| build | seconds | ratio |\n| --- | ---: | ---: |")
    print(f"| without the audit | {plain:.3f} | 1.00 |")
    print(f"| with the audit in build.rs | {audited:.3f} | {audited / plain:.3f} |")


if __name__ == "__main__":
    main()
