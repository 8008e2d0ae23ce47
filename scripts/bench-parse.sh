#!/usr/bin/env bash
# Runs benches/parse.rs and prints, per kind, our parse time, url::Url::parse's on the same
# string in the same run, and the ratio. Usage: scripts/bench-parse.sh [criterion args]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --bench parse -- --warm-up-time 1 --measurement-time 3 "$@" >/dev/null
python3 - <<'PY'
import json, pathlib
root = pathlib.Path("target/criterion")
rows = []
for group in sorted(p for p in root.iterdir() if (p / "resources").is_dir()):
    est = lambda who: json.loads((group / who / "new" / "estimates.json").read_text())["median"]["point_estimate"]
    ours, base = est("resources"), est("url")
    rows.append((group.name, ours, base, ours / base))
print("| kind | resources (ns) | url::Url::parse (ns) | ratio |")
print("| --- | ---: | ---: | ---: |")
for name, ours, base, ratio in rows:
    print(f"| {name} | {ours:.0f} | {base:.0f} | {ratio:.2f} |")
PY
