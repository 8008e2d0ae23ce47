#!/usr/bin/env python3
"""Instructions per load, counted by callgrind: the load bench's functions as ratios to the
hand-written loader, in one run. Unlike wall time, the count does not move with the machine's
load, so small differences show.

Each function runs in the bench binary (`benches/load.rs`) 0 and --iterations times under
`valgrind --tool=callgrind`; the difference over the iterations is one load's instructions,
the process and its set-up subtracted.

Usage: python3 benches/load-instructions.py [--iterations 20]
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

FUNCTIONS = {
    "load_200": ["handwritten_env_var", "handwritten_env_var_and_file", "resources_from_env",
                 "resources_load_snapshot"],
    "load_mixed_200": ["handwritten_env_var", "resources_from_env", "resources_load_snapshot"],
}


def bench_binary():
    out = subprocess.run(["cargo", "bench", "--bench", "load", "--no-run", "--message-format=json"],
                         cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"building the load bench failed:\n{out.stderr[-3000:]}")
    for line in out.stdout.splitlines():
        if '"executable"' in line and '"load"' in line:
            m = re.search(r'"executable":"([^"]+)"', line)
            if m:
                return m.group(1)
    sys.exit("no load bench executable in cargo's output")


def instructions(binary, only, n):
    """Instructions of the bench's child process, which runs `only` n times."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, RESOURCES_LOAD_BENCH_ONLY=only, RESOURCES_LOAD_BENCH_ITERATIONS=str(n))
        result = subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes",
                                 f"--callgrind-out-file={tmp}/cg.%p", binary],
                                env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"{only} x{n} failed:\n{result.stderr[-2000:]}")
        totals = []
        for f in glob.glob(f"{tmp}/cg.*"):
            text = pathlib.Path(f).read_text(errors="replace")
            m = re.search(r"^(?:summary|totals): (\d+)", text, re.M)
            if m:
                totals.append(int(m.group(1)))
        # The parent only spawns the child; the child holds the loads.
        return max(totals)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--iterations", type=int, default=20)
    args = ap.parse_args()
    binary = bench_binary()
    print("| function | instructions per load | ratio to handwritten_env_var |")
    print("| --- | ---: | ---: |")
    for group, functions in FUNCTIONS.items():
        per = {}
        for f in functions:
            only = f"{group}/{f}"
            base = instructions(binary, only, 0)
            per[f] = (instructions(binary, only, args.iterations) - base) / args.iterations
        for f in functions:
            print(f"| {group} / {f} | {per[f] / 1e6:.3f} M | {per[f] / per['handwritten_env_var']:.2f} |",
                  flush=True)


if __name__ == "__main__":
    main()
