#!/usr/bin/env bash
# The twelve-factor swap with MySQL, by hand: one binary, two MariaDB instances ("local MySQL"
# A, "managed MySQL" B), config changes only. Needs the services: scripts/services.sh start.
# The same steps run as a test: cargo test -p resources-services --test swap.
set -euo pipefail
cd "$(dirname "$0")/.."

set -a; . target/services/.env; set +a     # MYSQL_A_URL, MYSQL_B_URL, MYSQL_SHARD_URL, from the script
cargo build -q -p resources-services --bin swap-app-mysql
app=target/debug/swap-app-mysql
# The client tools take no URL: their arguments come from the URL (the password via MYSQL_PWD).
args() { python3 -c '
import sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
print(f"--no-defaults --host={u.hostname} --port={u.port or 3306} --user={urllib.parse.unquote(u.username)}")' "$1"; }
pwd_of() { python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote(urllib.parse.urlsplit(sys.argv[1]).password))' "$1"; }

echo "1. The app writes 25 orders through DATABASE_URL = instance A."
DATABASE_URL=$MYSQL_A_URL SHARD_URL_0=$MYSQL_A_URL SHARD_URL_1=$MYSQL_SHARD_URL $app reset
DATABASE_URL=$MYSQL_B_URL $app reset
DATABASE_URL=$MYSQL_A_URL $app write 25
DATABASE_URL=$MYSQL_A_URL $app read

echo "2. An operator dumps A and restores it into B."
dump=$(mktemp)
# shellcheck disable=SC2046
MYSQL_PWD=$(pwd_of "$MYSQL_A_URL") mariadb-dump $(args "$MYSQL_A_URL") --no-tablespaces app orders > "$dump"
# shellcheck disable=SC2046
MYSQL_PWD=$(pwd_of "$MYSQL_B_URL") mariadb $(args "$MYSQL_B_URL") --database=app < "$dump"
rm -f "$dump"

echo "3. Only DATABASE_URL changes: the same binary reads the same orders from B."
DATABASE_URL=$MYSQL_B_URL $app read

echo "4. A second database, on B, is attached as a shard by a new variable, SHARD_URL_1."
DATABASE_URL=$MYSQL_B_URL SHARD_URL_0=$MYSQL_A_URL $app shards
DATABASE_URL=$MYSQL_B_URL SHARD_URL_0=$MYSQL_A_URL SHARD_URL_1=$MYSQL_SHARD_URL $app shards
