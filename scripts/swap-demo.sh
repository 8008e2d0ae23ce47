#!/usr/bin/env bash
# The twelve-factor swap, by hand: one binary, two PostgreSQL clusters, config changes only.
# Needs the services: scripts/services.sh start. The same steps run as a test:
# cargo test -p resources-services --test swap.
set -euo pipefail
cd "$(dirname "$0")/.."

set -a; . target/services/.env; set +a     # PG_A_URL, PG_B_URL and friends, from the script
cargo build -q -p resources-services --bin swap-app
app=target/debug/swap-app

echo "1. The app writes 25 orders through DATABASE_URL = cluster A."
DATABASE_URL=$PG_A_URL SHARD_URL_0=$PG_A_URL SHARD_URL_1=$PG_B_URL $app reset
DATABASE_URL=$PG_B_URL $app reset
DATABASE_URL=$PG_A_URL $app write 25
DATABASE_URL=$PG_A_URL $app read

echo "2. An operator dumps A and restores it into B."
dump=$(mktemp)
pg_dump --format=custom --table=orders --file "$dump" --dbname "$PG_A_URL"
pg_restore --clean --if-exists --no-owner --dbname "$PG_B_URL" "$dump"
rm -f "$dump"

echo "3. Only DATABASE_URL changes: the same binary reads the same orders from B."
DATABASE_URL=$PG_B_URL $app read

echo "4. A second shard is attached as a new variable, SHARD_URL_1: no code changes."
DATABASE_URL=$PG_B_URL SHARD_URL_0=$PG_A_URL $app shards
DATABASE_URL=$PG_B_URL SHARD_URL_0=$PG_A_URL SHARD_URL_1=$PG_B_URL $app shards
