#!/usr/bin/env python3
"""Instructions per load, counted by callgrind: the load bench's functions as ratios to the
hand-written loader, in one run. Unlike wall time, the count does not move with the machine's
load, so small differences show.

Each function runs in the bench binary (`benches/load.rs`) 0 and --iterations times under
`valgrind --tool=callgrind`; the difference over the iterations is one load's instructions,
the process and its set-up subtracted. The binary runs with `PATH` alone of the caller's
environment (both a snapshot and `std::env::var` scan the whole environment, so its size
moves the counts), plus the bench's 400 variables.

`--breakdown` adds, per function, the instructions per load spent in a few functions
(inclusive, by `callgrind_annotate`): the environment snapshot, `std::env::vars_os`,
`std::env::var`, and the URL parser.

Usage: python3 benches/load-instructions.py [--iterations 20] [--breakdown]
Needs valgrind (`apt-get install valgrind`).
"""

import argparse
import glob
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]

def functions(binary):
    """The bench's functions, as {group: [function, …]}, in the order the bench lists them."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "RESOURCES_LOAD_BENCH_ONLY": "list"}
    out = subprocess.run([binary], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"the bench could not list its functions:\n{out.stderr[-2000:]}")
    groups = {}
    for line in out.stdout.split():
        group, _, function = line.partition("/")
        groups.setdefault(group, []).append(function)
    if not all("handwritten_env_var" in fs for fs in groups.values()):
        sys.exit(f"every group needs its handwritten_env_var baseline: {groups}")
    return groups


# Functions whose inclusive cost `--breakdown` reports, by a part of callgrind's name for them.
PARTS = {
    "snapshot": "resources_core::source::env::Env::snapshot",
    "vars_os": "std::env::vars_os",
    "env::var": "std::env::_var",
    "URL parser": "resources_core::locator::parse::parse",
}


def inclusive(path):
    """Inclusive instructions of each of PARTS in a callgrind file."""
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
                         capture_output=True, text=True).stdout
    found = dict.fromkeys(PARTS, 0)
    for line in out.splitlines():
        # `1,234 (5.6%)  file:function [binary]`; the file is `???` without debug info.
        m = re.match(r"\s*([\d,]+) \([^)]*\)\s+(?:[^\s:]*:(?!:))?(\S+) \[", line)
        if not m:
            continue
        cost, name = int(m.group(1).replace(",", "")), m.group(2)
        for part, fn in PARTS.items():
            if name == fn:
                found[part] = max(found[part], cost)
    return found


def instructions(binary, only, n):
    """Instructions of the bench's child process (the bench re-runs itself with its variables
    set), which runs `only` n times."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
               "RESOURCES_LOAD_BENCH_ONLY": only, "RESOURCES_LOAD_BENCH_ITERATIONS": str(n)}
        proc = subprocess.Popen(["valgrind", "--tool=callgrind", "--trace-children=yes",
                                 f"--callgrind-out-file={tmp}/cg.%p", binary],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        _, stderr = proc.communicate()
        if proc.returncode != 0:
            sys.exit(f"{only} x{n} failed:\n{stderr[-2000:]}")
        files = glob.glob(f"{tmp}/cg.*")
        children = [f for f in files if not f.endswith(f".{proc.pid}")]
        if len(files) != 2 or len(children) != 1:
            sys.exit(f"{only} x{n}: expected the bench and its child under callgrind, got {files}")
        text = pathlib.Path(children[0]).read_text(errors="replace")
        m = re.search(r"^totals: (\d+)", text, re.M) or re.search(r"^summary: (\d+)", text, re.M)
        if not m:
            sys.exit(f"{only} x{n}: no totals in {children[0]}")
        return int(m.group(1)), inclusive(children[0])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iterations", type=int, default=20)
    ap.add_argument("--breakdown", action="store_true")
    args = ap.parse_args()
    if args.iterations < 1:
        sys.exit("--iterations must be at least 1")
    binary = bench_binary()
    print("| function | instructions per load | ratio to handwritten_env_var |")
    print("| --- | ---: | ---: |")
    breakdown = []
    for group, names in functions(binary).items():
        per = {}
        for f in names:
            only = f"{group}/{f}"
            base, base_parts = instructions(binary, only, 0)
            total, parts = instructions(binary, only, args.iterations)
            per[f] = (total - base) / args.iterations
            if per[f] <= 0:
                sys.exit(f"{only}: {per[f]} instructions per load: the loads were not counted")
            breakdown.append((only, {p: (parts[p] - base_parts[p]) / args.iterations for p in PARTS}))
        for f in names:
            print(f"| {group} / {f} | {per[f] / 1e6:.3f} M | {per[f] / per['handwritten_env_var']:.2f} |",
                  flush=True)
    if args.breakdown:
        print()
        print("| function (M instructions per load) | " + " | ".join(PARTS) + " |")
        print("| --- |" + " ---: |" * len(PARTS))
        for only, parts in breakdown:
            print(f"| {only} | " + " | ".join(f"{parts[p] / 1e6:.3f}" for p in PARTS) + " |")


if __name__ == "__main__":
    main()
