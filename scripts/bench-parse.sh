#!/usr/bin/env bash
# Runs benches/parse.rs and prints, per kind, our parse time, url::Url::parse's on the same
# string in the same run, and the ratio. Usage: scripts/bench-parse.sh [criterion args]
#
# `scripts/bench-parse.sh --instructions [N]` counts instructions instead (valgrind's
# callgrind, N parses per kind and parser, 20000 by default): deterministic, so comparable on a
# shared, noisy machine where wall time is not.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--instructions" ]]; then
    n="${2:-20000}"
    bin=$(cargo bench --bench parse --no-run --message-format=json 2>/dev/null |
        python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "parse" and m.get("executable"):
        print(m["executable"])')
    count() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --loop "$1" "$2" "$3" 2>&1 |
            sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
    }
    echo "| kind | resources (instructions/parse) | url::Url::parse (instructions/parse) | ratio |"
    echo "| --- | ---: | ---: | ---: |"
    for kind in postgres mysql redis amqp smtp mongodb nats http api s3 sqlite couchdb beanstalkd; do
        base=$(count "$kind" none "$n")
        ours=$(count "$kind" resources "$n")
        theirs=$(count "$kind" url "$n")
        python3 -c "b, o, u, n = $base, $ours, $theirs, $n
o, u = (o - b) / n, (u - b) / n
print(f'| $kind | {o:.0f} | {u:.0f} | {o / u:.2f} |')"
    done
    exit 0
fi
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
