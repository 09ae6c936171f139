# Sourced by bench/run: one scenario = wrk against the service, then pgbench running the service's SQL for it,
# same concurrency, same database, same duration. Uses BENCH, RESULTS, BASE, DURATION, WARMUP, PHASE.
# pgbench gets a thread per client (-j = -c), as the service has a request thread per connection: with two
# threads for 32 clients, pgbench's own threads starve on a loaded machine and its "limit" came out 2-4× low.

# wrk script and environment of a scenario name.
wrk_script() {
    case "$1" in
        get) echo get.lua ;;
        list-*) echo list.lua ;;
        create-pay) echo create-pay.lua ;;
        mix) echo mix.lua ;;
    esac
}

wrk_role() {
    case "$1" in
        list-owner) echo restaurant_owner ;;
        list-*) echo "${1#list-}" ;;
        *) echo none ;;
    esac
}

threads_for() { if [ "$1" -lt 2 ]; then echo 1; else echo 2; fi; }

wrk_command() { # scenario concurrency seconds
    echo env BENCH_ROLE="$(wrk_role "$1")" wrk -t"$(threads_for "$2")" -c"$2" -d"$3s" --timeout 10s \
        -s "$BENCH/wrk/$(wrk_script "$1")" "$BASE"
}

warm() { # scenario seconds
    # shellcheck disable=SC2046
    $(wrk_command "$1" "$CONCURRENCY" "$2") >/dev/null
}

measure_wrk() { # phase scenario concurrency seconds [key=value…]
    # shellcheck disable=SC2046
    python3 "$BENCH/lib/measure.py" "$RESULTS" phase="$1" scenario="$2" tool=wrk concurrency="$3" \
        requests_per_txn=1 "${@:5}" -- $(wrk_command "$2" "$3" "$4")
}

# The restaurant ids of a first page of each role's list, for the pgbench list scripts (pgbench has no way to
# carry the first statement's rows into the second's array parameter).
page_vars() {
    local role who
    for role in admin customer owner rider; do
        case "$role" in
            admin) who="true" ;;
            customer) who="customer_id = 'customer-1'" ;;
            owner) who="restaurant_owner_id = 'owner-1'" ;;
            rider) who="rider_id = 'rider-1' OR status = 'ready_for_pickup'" ;;
        esac
        psql -X -Atc "SELECT '-Drids_$role={' || coalesce(string_agg(DISTINCT restaurant_id::text, ','), '') || '}'
            FROM (SELECT restaurant_id FROM orders WHERE $who ORDER BY created_at DESC, id DESC LIMIT 20) page"
    done
}

# What the service stores and writes for a create or payment, at its real sizes: the stored answer, and the
# outbox payloads of both events (the payment's falls back to the placement's when none was written yet).
answer_vars() {
    local body placed paid
    body=$(psql -X -Atc "SELECT body FROM idempotency_records
        WHERE status = 201 AND fingerprint LIKE 'POST /api/v2/orders %' LIMIT 1")
    placed=$(psql -X -Atc "SELECT payload FROM order_outbox WHERE type = 'order_placed' LIMIT 1")
    paid=$(psql -X -Atc "SELECT payload FROM order_outbox WHERE type = 'order_paid' LIMIT 1")
    echo "-Dbody=${body:-\\x7b7d}"
    echo '-Dhdr={"Content-Type":"application/json","ETag":"\"order-7-v1\"","Location":"/api/v2/orders/7"}'
    echo "-Dfp=POST /api/v2/orders sha256:fd4835bdba64ba808f99d069a49dfde9c2aca1f01c5b426bb7cd4bdca50cbb86"
    echo "-Dplaced=${placed:-{\}}"
    echo "-Dpaid=${paid:-${placed:-{\}}}"
}

pgbench_scripts() { # scenario -> "-f file[@weight]" words
    local dir=$BENCH/pgbench
    case "$1" in
        mix) echo "-f $dir/get.sql@50 -f $dir/list-admin.sql@5 -f $dir/list-customer.sql@5" \
            "-f $dir/list-owner.sql@5 -f $dir/list-rider.sql@5 -f $dir/create-pay.sql@15" ;;
        *) echo "-f $dir/$1.sql" ;;
    esac
}

# Service requests per pgbench transaction: create-pay's script is two requests; the mix's average
# (50 + 20 + 15 × 2) / 85 scripts.
requests_per_txn() {
    case "$1" in
        create-pay) echo 2 ;;
        mix) echo 1.17647 ;;
        *) echo 1 ;;
    esac
}

# The first order id of a pgbench run's own range: 10^15 + (the run's second mod 10^7) × 10^8, then 10^6 per
# client (create-pay.sql). Above anything the sequence reaches in a benchmark, unique per run, and below 2^53.
pgbench_id_base() { echo $(( 1000000000000000 + ($(date +%s) % 10000000) * 100000000 )); }

measure_pgbench() { # phase scenario concurrency seconds [key=value…]
    local -a vars
    mapfile -t vars < <(page_vars; answer_vars)
    # shellcheck disable=SC2046
    python3 "$BENCH/lib/measure.py" "$RESULTS" phase="$1" scenario="$2" tool=pgbench concurrency="$3" \
        requests_per_txn="$(requests_per_txn "$2")" "${@:5}" -- \
        pgbench -n -M prepared -c "$3" -j "$3" -T "$4" -Dminid="$BENCH_MIN_ID" -Dmaxid="$BENCH_MAX_ID" \
        -Dn=0 -Didbase="$(pgbench_id_base)" \
        "${vars[@]}" $(pgbench_scripts "$2")
}

# Warm-up, then REPEATS rounds of wrk and pgbench taking turns: the report gives the median of the rounds.
run_scenario() { # scenario concurrency
    local round
    warm "$1" "$WARMUP"
    for round in $(seq "$REPEATS"); do
        measure_wrk "$PHASE" "$1" "$2" "$DURATION" round="$round"
        measure_pgbench "$PHASE" "$1" "$2" "$DURATION" round="$round"
    done
}
