# Sourced by bench/run: starting and stopping the service under test, and reaching its PostgreSQL.
# Uses: JAR, WORK, SECRET, JAVA_OPTS_BENCH; sets JVM_PID, BASE, and PGHOST/PGPORT/PGUSER/PGDATABASE/PGPASSWORD.

start_service() {
    local log="$WORK/service.log"
    : >"$log"
    # shellcheck disable=SC2086  # JAVA_OPTS_BENCH holds several options on purpose
    PORT=0 QUICKEATS_DATA_DIR="$WORK/data" QUICKEATS_JWT_SECRET="$SECRET" \
        java $JAVA_OPTS_BENCH -jar "$JAR" >>"$log" 2>&1 &
    JVM_PID=$!
    local waited=0
    until grep -q '^Stop with' "$log"; do
        if ! kill -0 "$JVM_PID" 2>/dev/null; then
            echo "bench: the service exited during start-up; its log:" >&2
            tail -20 "$log" >&2
            exit 1
        fi
        sleep 0.5
        waited=$((waited + 1))
        [ "$waited" -lt 240 ] || { echo "bench: the service did not start in 120 s (log: $log)" >&2; exit 1; }
    done
    BASE=$(sed -n 's/^  API base   \(http[^ ]*\).*/\1/p' "$log" | tail -1)
    BASE=${BASE%/api/v2}
    if [ -z "${QUICKEATS_DATABASE_URL:-}" ]; then
        # The banner names the embedded server's port; its password is the one the service keeps (0600) in
        # its data directory, for user postgres.
        export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=quickeats
        PGPASSWORD=$(cat "$WORK/data/postgres-password")
        export PGPASSWORD
        PGPORT=$(sed -n 's/^  Database   embedded PostgreSQL 17 on 127\.0\.0\.1:\([0-9]*\),.*/\1/p' "$log" | tail -1)
        export PGPORT
    fi
    echo "service: pid $JVM_PID, $BASE, PostgreSQL $PGHOST:$PGPORT/$PGDATABASE"
}

stop_service() {
    [ -n "${JVM_PID:-}" ] || return 0
    if kill -0 "$JVM_PID" 2>/dev/null; then
        kill -TERM "$JVM_PID"
        wait "$JVM_PID" 2>/dev/null || true
    fi
    JVM_PID=
}

# PGHOST… from QUICKEATS_DATABASE_URL (jdbc:postgresql://host:port/db or postgresql://user:pw@host:port/db) and
# QUICKEATS_DATABASE_USER/PASSWORD, which win over the URL's, as in the service.
external_database() {
    eval "$(python3 - <<'EOF'
import os, shlex, urllib.parse
url = urllib.parse.urlsplit(os.environ["QUICKEATS_DATABASE_URL"].removeprefix("jdbc:"))
query = urllib.parse.parse_qs(url.query)
values = {"PGHOST": url.hostname or "localhost", "PGPORT": str(url.port or 5432), "PGDATABASE": url.path.lstrip("/"),
          "PGUSER": os.environ.get("QUICKEATS_DATABASE_USER") or url.username or query.get("user", [""])[0],
          "PGPASSWORD": os.environ.get("QUICKEATS_DATABASE_PASSWORD") or url.password or query.get("password", [""])[0]}
print(" ".join(f"export {k}={shlex.quote(v)};" for k, v in values.items()))
EOF
)"
}

# The postmaster's pid if PostgreSQL runs on this machine (the checkpointer's parent), else empty: then the
# report says "n/a" for PostgreSQL CPU.
find_postmaster() {
    local checkpointer
    checkpointer=$(psql -X -Atc "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")
    BENCH_PG_POSTMASTER=
    if [ -n "$checkpointer" ] && grep -q '^postgres$' "/proc/$checkpointer/comm" 2>/dev/null; then
        BENCH_PG_POSTMASTER=$(sed 's/.*) //' "/proc/$checkpointer/stat" | awk '{print $2}')
    fi
    export BENCH_PG_POSTMASTER
}
