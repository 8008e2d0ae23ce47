#!/usr/bin/env bash
# Real backing services for the integration tests and the `attach` example, on 127.0.0.1 only.
#
#   scripts/services.sh start    install what is missing, start everything, write the .env
#   scripts/services.sh status   say what is running
#   scripts/services.sh stop     stop everything this script started (nothing is left running)
#
# Started, each on a non-default port under a scratch directory (target/services, or
# $RESOURCES_SERVICES_DIR; the PostgreSQL clusters under /tmp/resources-pg-*), with generated
# credentials whose passwords hold `@ : / %`:
#   PostgreSQL cluster A (55432) and cluster B (55433), database `app`, user `app`
#   Redis (56379), ACL user `app`
#   memcached (51211)
#   RabbitMQ (45672), vhost `/jobs`, user `app`
#   an SMTP sink (52525, aiosmtpd from PyPI) requiring AUTH, storing each mail it receives
#   MariaDB instance A (53306) and instance B (53307), database `app` (and `shard` on B),
#     user `app`: two mariadbd processes, each with its own datadir under $DIR
#   Beanstalkd (51300)
#   an S3-compatible server (59000, moto's server mode from PyPI), bucket `attach-bucket`
#   a CouchDB-compatible server (55984, PouchDB behind express-pouchdb from npm), admin `app`
#   a stand-in for third-party HTTP APIs (58080, scripts/api_sink.py), recording each request
# The Python and Node packages go into $TOOLS ($RESOURCES_TOOLS_DIR, else
# ~/.cache/resources-services), kept across scratch directories and clones.
# The locators go into $DIR/.env (DATABASE_URL is cluster A; PG_B_URL names cluster B), which
# the tests and examples read with `DotEnv`: never into code. Idempotent: `start` keeps what
# already runs.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${RESOURCES_SERVICES_DIR:-$ROOT/target/services}
ENV_FILE=$DIR/.env
# PostgreSQL runs as the `postgres` user, who may not be able to reach $DIR (a checkout under
# /root, say): its clusters live in a directory of their own under /tmp, named after $DIR.
PG_BASE=${RESOURCES_PG_DIR:-/tmp/resources-pg-$(printf '%s' "$DIR" | md5sum | cut -c1-8)}
PG_A_PORT=55432
PG_B_PORT=55433
REDIS_PORT=56379
MEMCACHED_PORT=51211
AMQP_PORT=45672
SMTP_PORT=52525
MYSQL_A_PORT=53306
MYSQL_B_PORT=53307
BEANSTALKD_PORT=51300
S3_PORT=59000
COUCH_PORT=55984
API_PORT=58080
S3_BUCKET=attach-bucket
S3_REGION=eu-west-3
TOOLS=${RESOURCES_TOOLS_DIR:-$HOME/.cache/resources-services}
# moto's S3 backend and the server's Flask only: `moto[server]` would bring every service's
# dependencies (twice the size and time).
PY_PACKAGES="moto[s3]==5.2.5 flask==3.1.3 flask-cors==6.0.5"
# Pinned: express-pouchdb 4.2 works with PouchDB 7, not 9.
NODE_PACKAGES="express-pouchdb@4.2.0 pouchdb-core@7.3.1 pouchdb-adapter-memory@7.3.1 pouchdb-adapter-http@7.3.1 pouchdb-mapreduce@7.3.1 pouchdb-replication@7.3.1"

log() { echo "services: $*" >&2; }

# Percent-encode for the userinfo of a URL.
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_missing() {
    local need=()
    [ -n "$(pg_bin)" ] && command -v pg_dump >/dev/null || need+=(postgresql postgresql-client)
    command -v redis-server >/dev/null || need+=(redis-server)
    command -v memcached >/dev/null || need+=(memcached)
    [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
    command -v mariadbd >/dev/null && command -v mariadb-dump >/dev/null || need+=(mariadb-server mariadb-client)
    command -v beanstalkd >/dev/null || need+=(beanstalkd)
    if [ ${#need[@]} -gt 0 ]; then
        log "installing ${need[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # Debian starts services on install; keep the defaults stopped (we run our own), and
        # leave an existing policy alone.
        local policy=""
        if [ ! -e /usr/sbin/policy-rc.d ]; then
            policy=/usr/sbin/policy-rc.d
            printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy"
        fi
        apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
        [ -z "$policy" ] || rm -f "$policy"
    fi
    if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
        log "installing aiosmtpd"
        python3 -m pip install -q aiosmtpd
    fi
    # moto (with boto3, which creates the bucket) in a virtualenv of its own.
    if [ ! -f "$TOOLS/py/.installed" ] || [ "$(cat "$TOOLS/py/.installed")" != "$PY_PACKAGES" ]; then
        log "installing moto into $TOOLS/py"
        rm -rf "$TOOLS/py"
        mkdir -p "$TOOLS"
        python3 -m venv "$TOOLS/py"
        # shellcheck disable=SC2086
        "$TOOLS/py/bin/pip" install -q --disable-pip-version-check $PY_PACKAGES
        printf '%s' "$PY_PACKAGES" > "$TOOLS/py/.installed"
    fi
    if [ ! -f "$TOOLS/node/.installed" ] || [ "$(cat "$TOOLS/node/.installed")" != "$NODE_PACKAGES" ]; then
        log "installing express-pouchdb and pouchdb into $TOOLS/node"
        mkdir -p "$TOOLS/node"
        # shellcheck disable=SC2086
        npm install --silent --no-audit --no-fund --omit=dev --no-save --prefix "$TOOLS/node" $NODE_PACKAGES >/dev/null
        printf '%s' "$NODE_PACKAGES" > "$TOOLS/node/.installed"
    fi
}

stop_pg() {
    local bin
    bin=$(pg_bin)
    for name in a b; do
        if [ -f "$PG_BASE/pg-$name/PG_VERSION" ] && [ -n "$bin" ]; then
            su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$PG_BASE/pg-$name' -m fast -w stop" >/dev/null 2>&1 || true
        fi
    done
}

# Credentials are generated once per scratch directory and kept in $DIR/credentials; one
# missing from an older file is added, the others are kept.
credentials() {
    mkdir -p "$DIR"
    if [ ! -f "$DIR/credentials" ]; then
        # New credentials: clusters left from older ones would refuse them.
        stop_pg
        rm -rf "$PG_BASE"
        stop_mysql
        rm -rf "$DIR/mysql-a" "$DIR/mysql-b"
        : > "$DIR/credentials"
        chmod 600 "$DIR/credentials"
    fi
    local r
    r=$(python3 -c 'import secrets; print(secrets.token_hex(6))')
    add() { grep -q "^$1=" "$DIR/credentials" || printf "%s='%s'\n" "$1" "$2" >> "$DIR/credentials"; }
    add PG_PASSWORD "pg@ss:w/rd%$r"
    add REDIS_PASSWORD "re@dis:p/w%$r"
    add AMQP_PASSWORD "mq@pa:ss/w%$r"
    add SMTP_PASSWORD "ma@il:p/w%$r"
    add MYSQL_PASSWORD "my@sq:l/p%$r"
    add S3_ACCESS_KEY "AKIARESOURCES$r"
    add S3_SECRET_KEY "s3@se:cr/t%$r"
    add COUCH_PASSWORD "co@uc:h/p%$r"
    add API_KEY "nr@ke:y/x%$r"
    add INSERT_KEY "in@se:rt/k%$r"
    add LOGGLY_TOKEN "lg@to:k/n%$r"
    add MAPS_KEY "gm@ke:y/x%$r"
    add TWITTER_TOKEN "tw@be:ar/r%$r"
    add LASTFM_KEY "lf@ke:y/x%$r"
    add POSTMARK_TOKEN "pm@to:k/n%$r"
    # shellcheck disable=SC1091
    . "$DIR/credentials"
}

alive() { [ -f "$1" ] && kill -0 "$(head -n 1 "$1")" 2>/dev/null; }

wait_port() {
    for _ in $(seq 1 120); do
        if (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        sleep 0.5
    done
    log "port $1 did not open"; return 1
}

start_pg() {
    local name=$1 port=$2 data="$PG_BASE/pg-$1" bin
    bin=$(pg_bin)
    mkdir -p "$PG_BASE/sock"
    chown postgres "$PG_BASE" "$PG_BASE/sock"
    chmod 700 "$PG_BASE"
    if [ ! -f "$data/PG_VERSION" ]; then
        mkdir -p "$data" && chown postgres "$data"
        printf '%s\n' "$PG_PASSWORD" > "$PG_BASE/pwfile"
        chown postgres "$PG_BASE/pwfile"
        su postgres -s /bin/sh -c "'$bin/initdb' -D '$data' -U app --pwfile='$PG_BASE/pwfile' --auth=scram-sha-256 -E UTF8 >/dev/null"
        rm -f "$PG_BASE/pwfile"
    fi
    if ! su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$data' status" >/dev/null 2>&1; then
        su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$data' -l '$PG_BASE/pg-$name.log' -w -o \"-p $port -c listen_addresses=127.0.0.1 -k $PG_BASE/sock\" start" >/dev/null
    fi
    PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$port" -U app -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'app'" | grep -q 1 \
        || PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -p "$port" -U app -d postgres -qc "CREATE DATABASE app"
    log "postgresql $name on 127.0.0.1:$port"
}

start_redis() {
    mkdir -p "$DIR/redis"
    if ! alive "$DIR/redis/redis.pid"; then
        cat > "$DIR/redis/redis.conf" <<EOF
bind 127.0.0.1
port $REDIS_PORT
daemonize yes
pidfile $DIR/redis/redis.pid
dir $DIR/redis
logfile $DIR/redis/redis.log
save ""
user default off
user app on >$REDIS_PASSWORD ~* &* +@all
EOF
        redis-server "$DIR/redis/redis.conf"
    fi
    wait_port "$REDIS_PORT"
    log "redis on 127.0.0.1:$REDIS_PORT"
}

start_memcached() {
    # memcached drops to `nobody` before it writes its pid file: give it a directory of its own.
    mkdir -p "$DIR/memcached" && chown nobody "$DIR/memcached"
    if ! alive "$DIR/memcached/memcached.pid"; then
        memcached -d -l 127.0.0.1 -p "$MEMCACHED_PORT" -U 0 -u nobody -P "$DIR/memcached/memcached.pid"
        for _ in $(seq 1 20); do [ -s "$DIR/memcached/memcached.pid" ] && break; sleep 0.2; done
    fi
    wait_port "$MEMCACHED_PORT"
    log "memcached on 127.0.0.1:$MEMCACHED_PORT"
}

rabbit_env() {
    export HOME="$DIR/rabbit"                       # the Erlang cookie lives here
    export RABBITMQ_NODENAME=resources@localhost
    export RABBITMQ_DIST_PORT=$((AMQP_PORT + 1))
    export ERL_EPMD_ADDRESS=127.0.0.1
    export RABBITMQ_MNESIA_BASE="$DIR/rabbit/mnesia"
    export RABBITMQ_LOG_BASE="$DIR/rabbit/log"
    export RABBITMQ_PID_FILE="$DIR/rabbit/rabbit.pid"
    export RABBITMQ_CONFIG_FILE="$DIR/rabbit/rabbitmq"
    export RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/rabbit/enabled_plugins"
}

start_rabbitmq() {
    mkdir -p "$DIR/rabbit/mnesia" "$DIR/rabbit/log"
    (
        rabbit_env
        [ -f "$RABBITMQ_ENABLED_PLUGINS_FILE" ] || echo '[].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
        printf 'listeners.tcp.1 = 127.0.0.1:%s\nloopback_users = none\n' "$AMQP_PORT" > "$RABBITMQ_CONFIG_FILE.conf"
        if ! /usr/lib/rabbitmq/bin/rabbitmqctl -q status >/dev/null 2>&1; then
            /usr/lib/rabbitmq/bin/rabbitmq-server > "$DIR/rabbit/server.out" 2>&1 &
            /usr/lib/rabbitmq/bin/rabbitmqctl -q wait --timeout 120 "$RABBITMQ_PID_FILE" >/dev/null
        fi
        ctl() { /usr/lib/rabbitmq/bin/rabbitmqctl -q "$@"; }
        ctl list_vhosts | grep -qx '/jobs' || ctl add_vhost /jobs >/dev/null
        if ! ctl list_users | grep -q '^app'; then
            ctl add_user app "$AMQP_PASSWORD" >/dev/null
        fi
        ctl set_permissions -p /jobs app '.*' '.*' '.*' >/dev/null
    )
    wait_port "$AMQP_PORT"
    log "rabbitmq on 127.0.0.1:$AMQP_PORT"
}

start_smtp() {
    mkdir -p "$DIR/mail"
    if ! alive "$DIR/smtp.pid"; then
        SMTP_USER=mailer SMTP_PASSWORD=$SMTP_PASSWORD nohup python3 "$ROOT/scripts/smtp_sink.py" \
            127.0.0.1 "$SMTP_PORT" "$DIR/mail" > "$DIR/smtp.log" 2>&1 &
        echo $! > "$DIR/smtp.pid"
    fi
    wait_port "$SMTP_PORT"
    log "smtp sink on 127.0.0.1:$SMTP_PORT, mail in $DIR/mail"
}

# MariaDB: one mariadbd process per instance, run as root (`user=root`) with its own option
# file, datadir, socket and pid file under $DIR/mysql-<name>; no system option file is read.
mysql_dir() { echo "$DIR/mysql-$1"; }
# A unix socket path has at most 107 bytes: a deep checkout puts it under /tmp instead.
mysql_socket() {
    local sock
    sock=$(mysql_dir "$1")/mysqld.sock
    [ ${#sock} -lt 100 ] || sock=/tmp/resources-mysql-$(printf '%s' "$DIR" | md5sum | cut -c1-8)-$1.sock
    echo "$sock"
}

stop_mysql() {
    local name pid
    for name in a b; do
        pid=$(mysql_dir "$name")/mysqld.pid
        if alive "$pid"; then
            kill "$(head -n 1 "$pid")" 2>/dev/null || true
            for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.2; done
        fi
    done
}

start_mysql() {
    local name=$1 port=$2 dir cnf sock
    dir=$(mysql_dir "$name"); cnf=$dir/my.cnf; sock=$(mysql_socket "$name")
    mkdir -p "$dir"
    cat > "$cnf" <<EOF
[mysqld]
user=root
datadir=$dir/data
socket=$sock
pid-file=$dir/mysqld.pid
log-error=$dir/error.log
port=$port
bind-address=127.0.0.1
skip-name-resolve
performance-schema=OFF
innodb-buffer-pool-size=32M
innodb-log-file-size=16M
EOF
    if [ ! -d "$dir/data/mysql" ]; then
        mariadb-install-db --defaults-file="$cnf" --skip-test-db --auth-root-authentication-method=socket > "$dir/install.log" 2>&1 \
            || { log "mariadb-install-db failed, see $dir/install.log"; return 1; }
    fi
    if ! alive "$dir/mysqld.pid"; then
        nohup mariadbd --defaults-file="$cnf" > "$dir/mariadbd.out" 2>&1 &
    fi
    wait_port "$port"
    local sql="CREATE DATABASE IF NOT EXISTS app;
CREATE USER IF NOT EXISTS 'app'@'127.0.0.1' IDENTIFIED BY '$MYSQL_PASSWORD';
GRANT ALL PRIVILEGES ON app.* TO 'app'@'127.0.0.1';"
    if [ "$name" = b ]; then
        sql="$sql
CREATE DATABASE IF NOT EXISTS shard;
GRANT ALL PRIVILEGES ON shard.* TO 'app'@'127.0.0.1';"
    fi
    # root over the socket (unix_socket authentication): the only account that is not `app`.
    printf '%s\n' "$sql" | mariadb --no-defaults -S "$sock" -u root
    log "mariadb $name on 127.0.0.1:$port"
}

start_beanstalkd() {
    mkdir -p "$DIR/beanstalkd"
    if ! alive "$DIR/beanstalkd/beanstalkd.pid"; then
        nohup beanstalkd -l 127.0.0.1 -p "$BEANSTALKD_PORT" > "$DIR/beanstalkd/beanstalkd.log" 2>&1 &
        echo $! > "$DIR/beanstalkd/beanstalkd.pid"
    fi
    wait_port "$BEANSTALKD_PORT"
    log "beanstalkd on 127.0.0.1:$BEANSTALKD_PORT"
}

# moto's server accepts any credentials (it checks no signature); the client signs anyway, and
# its recorder (MOTO_ENABLE_RECORDING) lets a test see which access key and region it signed with.
start_s3() {
    mkdir -p "$DIR/s3"
    if ! alive "$DIR/s3/moto.pid"; then
        MOTO_ENABLE_RECORDING=True MOTO_RECORDER_FILEPATH="$DIR/s3/recording" \
            nohup "$TOOLS/py/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT" > "$DIR/s3/moto.log" 2>&1 &
        echo $! > "$DIR/s3/moto.pid"
    fi
    wait_port "$S3_PORT"
    AWS_ACCESS_KEY_ID=$S3_ACCESS_KEY AWS_SECRET_ACCESS_KEY=$S3_SECRET_KEY "$TOOLS/py/bin/python" - "$S3_PORT" "$S3_BUCKET" "$S3_REGION" <<'EOF'
import sys, boto3
port, bucket, region = sys.argv[1:]
s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{port}", region_name=region)
if bucket not in [b["Name"] for b in s3.list_buckets().get("Buckets", [])]:
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
EOF
    log "s3 (moto) on 127.0.0.1:$S3_PORT, bucket $S3_BUCKET"
}

start_couch() {
    mkdir -p "$DIR/couch"
    if ! alive "$DIR/couch/couch.pid"; then
        COUCH_USER=app COUCH_PASSWORD=$COUCH_PASSWORD NODE_PATH="$TOOLS/node/node_modules" \
            nohup node "$ROOT/scripts/couch_server.js" 127.0.0.1 "$COUCH_PORT" "$DIR/couch" > "$DIR/couch/server.out" 2>&1 &
        echo $! > "$DIR/couch/couch.pid"
    fi
    wait_port "$COUCH_PORT"
    log "couchdb-compatible server on 127.0.0.1:$COUCH_PORT"
}

start_api() {
    mkdir -p "$DIR/api"
    if ! alive "$DIR/api/api.pid"; then
        API_KEY=$API_KEY INSERT_KEY=$INSERT_KEY LOGGLY_TOKEN=$LOGGLY_TOKEN MAPS_KEY=$MAPS_KEY TWITTER_TOKEN=$TWITTER_TOKEN \
            LASTFM_KEY=$LASTFM_KEY POSTMARK_TOKEN=$POSTMARK_TOKEN \
            nohup python3 "$ROOT/scripts/api_sink.py" 127.0.0.1 "$API_PORT" "$DIR/api/requests.jsonl" > "$DIR/api/api.log" 2>&1 &
        echo $! > "$DIR/api/api.pid"
    fi
    wait_port "$API_PORT"
    log "third-party API stand-in on 127.0.0.1:$API_PORT, requests in $DIR/api/requests.jsonl"
}

write_env() {
    local pg rd mq ml
    pg=$(urlencode "$PG_PASSWORD"); rd=$(urlencode "$REDIS_PASSWORD")
    mq=$(urlencode "$AMQP_PASSWORD"); ml=$(urlencode "$SMTP_PASSWORD")
    local my s3 co nr lg
    my=$(urlencode "$MYSQL_PASSWORD"); s3=$(urlencode "$S3_SECRET_KEY"); co=$(urlencode "$COUCH_PASSWORD")
    nr=$(urlencode "$API_KEY"); lg=$(urlencode "$LOGGLY_TOKEN")
    local mk tw
    mk=$(urlencode "$MAPS_KEY"); tw=$(urlencode "$TWITTER_TOKEN")
    local lf pm
    lf=$(urlencode "$LASTFM_KEY"); pm=$(urlencode "$POSTMARK_TOKEN")
    cat > "$ENV_FILE" <<EOF
# Written by scripts/services.sh start: the locators of the services it started.
DATABASE_URL='postgres://app:$pg@127.0.0.1:$PG_A_PORT/app'
PG_A_URL='postgres://app:$pg@127.0.0.1:$PG_A_PORT/app'
PG_B_URL='postgres://app:$pg@127.0.0.1:$PG_B_PORT/app'
REDIS_URL='redis://app:$rd@127.0.0.1:$REDIS_PORT/2'
MEMCACHED_URL='memcache://127.0.0.1:$MEMCACHED_PORT'
AMQP_URL='amqp://app:$mq@127.0.0.1:$AMQP_PORT/%2Fjobs'
SMTP_URL='smtp://mailer:$ml@127.0.0.1:$SMTP_PORT'
MAIL_DIR='$DIR/mail'
MYSQL_URL='mysql://app:$my@127.0.0.1:$MYSQL_A_PORT/app'
MYSQL_A_URL='mysql://app:$my@127.0.0.1:$MYSQL_A_PORT/app'
MYSQL_B_URL='mysql://app:$my@127.0.0.1:$MYSQL_B_PORT/app'
MYSQL_SHARD_URL='mysql://app:$my@127.0.0.1:$MYSQL_B_PORT/shard'
BEANSTALKD_URL='beanstalk://127.0.0.1:$BEANSTALKD_PORT'
S3_URL='s3://$S3_ACCESS_KEY:$s3@$S3_BUCKET?region=$S3_REGION&endpoint=http%3A%2F%2F127.0.0.1%3A$S3_PORT'
S3_ENDPOINT_URL='http://$S3_ACCESS_KEY:$s3@127.0.0.1:$S3_PORT/$S3_BUCKET?region=$S3_REGION'
COUCHDB_URL='http://app:$co@127.0.0.1:$COUCH_PORT/app'
NEW_RELIC_LOG_URL='http://127.0.0.1:$API_PORT/log/v1?Api-Key=$nr'
NEW_RELIC_EVENTS_URL='http://127.0.0.1:$API_PORT/v1/accounts/12345/events'
NEW_RELIC_INSERT_KEY='$INSERT_KEY'
LOGGLY_URL='http://127.0.0.1:$API_PORT/inputs/$lg/tag/http/'
GOOGLE_MAPS_URL='http://127.0.0.1:$API_PORT/maps/api/geocode/json?key=$mk'
TWITTER_API_URL='http://:$tw@127.0.0.1:$API_PORT/2'
LASTFM_URL='http://127.0.0.1:$API_PORT/2.0/?api_key=$lf'
POSTMARK_URL='http://$pm@127.0.0.1:$API_PORT'
S3_RECORDING='$DIR/s3/recording'
API_REQUESTS='$DIR/api/requests.jsonl'
EOF
    chmod 600 "$ENV_FILE"
    log "wrote $ENV_FILE"
}

stop_all() {
    stop_pg
    stop_mysql
    for pidfile in "$DIR/redis/redis.pid" "$DIR/memcached/memcached.pid" "$DIR/smtp.pid" \
        "$DIR/beanstalkd/beanstalkd.pid" "$DIR/s3/moto.pid" "$DIR/couch/couch.pid" "$DIR/api/api.pid"; do
        if alive "$pidfile"; then kill "$(head -n 1 "$pidfile")" 2>/dev/null || true; fi
        rm -f "$pidfile"
    done
    if [ -x /usr/lib/rabbitmq/bin/rabbitmqctl ] && [ -d "$DIR/rabbit" ]; then
        (rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl -q stop >/dev/null 2>&1 || true)
        # epmd is started by the Erlang node and outlives it.
        (rabbit_env; epmd -kill >/dev/null 2>&1 || true)
    fi
    rm -f "$ENV_FILE"
    # Return once every port is closed: "stopped" means nothing is left listening.
    for port in $PG_A_PORT $PG_B_PORT $REDIS_PORT $MEMCACHED_PORT $AMQP_PORT $SMTP_PORT \
        $MYSQL_A_PORT $MYSQL_B_PORT $BEANSTALKD_PORT $S3_PORT $COUCH_PORT $API_PORT; do
        for _ in $(seq 1 50); do
            (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
            sleep 0.2
        done
    done
    log "stopped"
}

status() {
    local up=0 total=0
    check() {
        total=$((total + 1))
        if (echo > "/dev/tcp/127.0.0.1/$2") 2>/dev/null; then echo "$1: running on 127.0.0.1:$2"; up=$((up + 1)); else echo "$1: stopped"; fi
    }
    check "postgresql a" $PG_A_PORT; check "postgresql b" $PG_B_PORT; check redis $REDIS_PORT
    check memcached $MEMCACHED_PORT; check rabbitmq $AMQP_PORT; check smtp $SMTP_PORT
    check "mariadb a" $MYSQL_A_PORT; check "mariadb b" $MYSQL_B_PORT; check beanstalkd $BEANSTALKD_PORT
    check "s3 (moto)" $S3_PORT; check "couchdb-compatible" $COUCH_PORT; check "api stand-in" $API_PORT
    [ "$up" -eq "$total" ]
}

case "${1:-}" in
    start)
        install_missing
        credentials
        start_pg a $PG_A_PORT
        start_pg b $PG_B_PORT
        start_redis
        start_memcached
        start_rabbitmq
        start_smtp
        start_mysql a $MYSQL_A_PORT
        start_mysql b $MYSQL_B_PORT
        start_beanstalkd
        start_s3
        start_couch
        start_api
        write_env
        ;;
    stop) stop_all ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
