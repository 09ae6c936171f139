#!/usr/bin/env python3
"""Writes OUT/report.md and OUT/*.png from OUT/runs.jsonl (bench/lib/measure.py) and OUT/run.env.

Every figure is the median over the rounds of a measurement (bench/run --repeat). Rates are requests per
second of the service (wrk) or, for pgbench, transactions per second × service requests per transaction.
"""
import json
import os
import statistics
import subprocess
import sys

SCENARIOS = ["get", "list-admin", "list-customer", "list-owner", "list-rider", "create-pay", "mix"]
ROLES = ["admin", "customer", "owner", "rider"]


def load(out):
    with open(os.path.join(out, "runs.jsonl")) as f:
        runs = [json.loads(line) for line in f if line.strip()]
    env = {}
    with open(os.path.join(out, "run.env")) as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            env[key] = value
    captured = {}
    path = os.path.join(out, "captured-statements.txt")
    if os.path.exists(path):
        with open(path) as f:
            captured = dict((name, int(n)) for name, n in (line.split() for line in f if line.strip()))
    return runs, env, captured


def derive(run):
    """Per-request figures of one measurement."""
    per = float(run["requests_per_txn"])
    requests = run["txns"] * per
    value = {"rate": requests / run["seconds"] if run["seconds"] else None, "errors": run["errors"]}
    value["jvm_us"] = run["jvm_cpu_s"] * 1e6 / requests if requests else None
    value["pg_us"] = run["pg_cpu_s"] * 1e6 / requests if requests and run["pg_cpu_s"] is not None else None
    value["stmts"] = run["statements"] / requests if requests and run["statements"] is not None else None
    for key in ("p50_ms", "p99_ms", "p999_ms", "mean_ms"):
        value[key] = run.get(key)
    value["rss_mb"] = run["rss_kb"] / 1024 if run.get("rss_kb") else None
    value["hwm_mb"] = run["hwm_kb"] / 1024 if run.get("hwm_kb") else None
    return value


def median(runs, phase, scenario, tool, concurrency=None):
    chosen = [derive(r) for r in runs if r["phase"] == phase and r["scenario"] == scenario and r["tool"] == tool
              and (concurrency is None or int(r["concurrency"]) == concurrency)]
    if not chosen:
        return None
    result = {"rounds": len(chosen)}
    for key in chosen[0]:
        values = [c[key] for c in chosen if c[key] is not None]
        result[key] = statistics.median(values) if values else None
        if key == "rate" and values:
            result["rate_min"], result["rate_max"] = min(values), max(values)
        if key == "errors":
            result[key] = sum(values)
    return result


MIX = {"get": 0.5, "list-admin": 0.05, "list-customer": 0.05, "list-owner": 0.05, "list-rider": 0.05,
       "create-pay": 0.3}  # shares of requests, as in bench/wrk/mix.lua


def script_statements(name):
    """Statements in a pgbench script (one per line: SQL ending in ';' or '\\gset'), per service request. Those
    in an \\if block are left out: the service's counterpart (an order id block from the sequence) runs for one
    request in 32, which the capture of one request does not show either."""
    path = os.path.join(os.path.dirname(__file__), "..", "pgbench", name + ".sql")
    count, depth = 0, 0
    with open(path) as f:
        for line in (line.strip() for line in f):
            depth += line.startswith("\\if") - line.startswith("\\endif")
            count += depth == 0 and not line.startswith(("--", "\\")) and line.endswith((";", "\\gset"))
    return count / (2 if name == "create-pay" else 1)


def statements_per_request(scenario, captured):
    """(from the service's statement log, in the pgbench script) for one request of a scenario."""
    if scenario == "mix":
        pairs = [statements_per_request(name, captured) for name in MIX]
        service = None if None in (p[0] for p in pairs) else sum(MIX[n] * p[0] for n, p in zip(MIX, pairs))
        return service, sum(MIX[n] * p[1] for n, p in zip(MIX, pairs))
    if scenario == "create-pay":
        service = (captured["create"] + captured["pay"]) / 2 if "create" in captured and "pay" in captured else None
    else:
        service = captured.get(scenario)
    return service, script_statements(scenario)


def fmt(value, digits=0):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}"


def headline(runs, phase, concurrency, captured):
    rows, data = [], []
    for scenario in SCENARIOS:
        service, limit = median(runs, phase, scenario, "wrk", concurrency), median(runs, phase, scenario, "pgbench", concurrency)
        if not service:
            continue
        ratio = service["rate"] / limit["rate"] if limit and limit["rate"] else None
        spread = f"{fmt(service['rate_min'])}–{fmt(service['rate_max'])}" if service["rounds"] > 1 else ""
        p99_p50 = service["p99_ms"] / service["p50_ms"] if service["p50_ms"] else None
        logged, scripted = statements_per_request(scenario, captured)
        rows.append(f"| {scenario} | {fmt(service['rate'])} | {spread} | {fmt(limit and limit['rate'])} | {fmt(ratio, 2)} "
                    f"| {fmt(service['jvm_us'])} | {fmt(service['pg_us'])} | {fmt(limit and limit['pg_us'])} "
                    f"| {fmt(logged, 1)} | {fmt(scripted, 1)} | {fmt(service['stmts'], 1)} / {fmt(limit and limit['stmts'], 1)} "
                    f"| {fmt(service['p50_ms'], 1)} "
                    f"| {fmt(service['p99_ms'], 1)} | {fmt(p99_p50, 1)} | {fmt(service['rss_mb'])} | {service['errors']} |")
        data.append((scenario, service["rate"], limit and limit["rate"] or 0, service["jvm_us"] or 0,
                     service["pg_us"] or 0, limit and limit["pg_us"] or 0))
    header = ("| scenario | service req/s | range | pgbench req/s | ratio | service CPU µs/req | PG CPU µs/req "
              "| PG CPU µs/req (pgbench) | statements/req | statements/req (pgbench script) | pgss calls/req service / pgbench "
              "| p50 ms | p99 ms | p99/p50 | RSS MB | errors |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    return header + "\n" + "\n".join(rows), data


def sweep(runs):
    rows, data = [], []
    levels = sorted({int(r["concurrency"]) for r in runs if r["phase"] == "sweep"})
    for c in levels:
        m = median(runs, "sweep", "get", "wrk", c)
        rows.append(f"| {c} | {fmt(m['rate'])} | {fmt(m['p50_ms'], 2)} | {fmt(m['p99_ms'], 2)} | {fmt(m['jvm_us'])} "
                    f"| {fmt(m['pg_us'])} |")
        data.append((c, m["p50_ms"], m["p99_ms"], m["rate"]))
    header = ("| concurrency | req/s | p50 ms | p99 ms | service CPU µs/req | PG CPU µs/req |\n"
              "|---|---|---|---|---|---|")
    return header + "\n" + "\n".join(rows), data


def lists(runs, concurrency, small_label, big_label):
    rows, data = [], []
    for role in ROLES:
        small, big = (median(runs, phase, f"list-{role}", "wrk", concurrency) for phase in ("base", "bulk"))
        small_pg, big_pg = (median(runs, phase, f"list-{role}", "pgbench", concurrency) for phase in ("base", "bulk"))
        if not small or not big:
            continue
        ratio = big["p50_ms"] / small["p50_ms"] if small["p50_ms"] else None
        rows.append(f"| {role} | {fmt(small['p50_ms'], 1)} | {fmt(big['p50_ms'], 1)} | {fmt(ratio, 2)} "
                    f"| {fmt(small['p99_ms'], 1)} | {fmt(big['p99_ms'], 1)} | {fmt(small['rate'])} | {fmt(big['rate'])} "
                    f"| {fmt(small_pg and small_pg['rate'])} | {fmt(big_pg and big_pg['rate'])} |")
        data.append((role, small["p50_ms"], big["p50_ms"]))
    get_small, get_big = median(runs, "base", "get", "wrk", concurrency), median(runs, "bulk", "get", "wrk", concurrency)
    if get_small and get_big:
        rows.append(f"| (GET one order) | {fmt(get_small['p50_ms'], 1)} | {fmt(get_big['p50_ms'], 1)} "
                    f"| {fmt(get_big['p50_ms'] / get_small['p50_ms'], 2)} | {fmt(get_small['p99_ms'], 1)} "
                    f"| {fmt(get_big['p99_ms'], 1)} | {fmt(get_small['rate'])} | {fmt(get_big['rate'])} | | |")
    s, b = small_label, big_label
    header = (f"| role | p50 ms ({s}) | p50 ms ({b}) | {b} / {s} | p99 ms ({s}) | p99 ms ({b}) | req/s ({s}) | req/s ({b}) "
              f"| pgbench req/s ({s}) | pgbench req/s ({b}) |\n|---|---|---|---|---|---|---|---|---|---|")
    return header + "\n" + "\n".join(rows), data


# The capacity model's assumptions (docs/performance.md explains each): orders a day, peak over the daily
# mean, and what one order costs in requests over its life.
ORDERS_PER_DAY, PEAK_FACTOR = 10_000_000, 5
WRITES_PER_ORDER, GETS_PER_ORDER, LISTS_PER_ORDER = 6, 10, 10
UTILISATION, CORES_PER_INSTANCE, RTT_MS = 0.6, 2, 0.3


def capacity(runs, concurrency, captured, sizes):
    """Instances and database size for ORDERS_PER_DAY with a PEAK_FACTOR peak, from this run's CPU/request."""
    def cost(scenario):
        m = median(runs, "base", scenario, "wrk", concurrency)
        return (m["jvm_us"], m["pg_us"]) if m and m["jvm_us"] else (None, None)
    lists = [cost(f"list-{role}") for role in ROLES]
    if None in (cost("get")[0], cost("create-pay")[0]) or any(c[0] is None for c in lists):
        return []
    peak_orders = ORDERS_PER_DAY / 86_400 * PEAK_FACTOR
    kinds = [("write (create, pay, …)", WRITES_PER_ORDER, cost("create-pay"), statements_per_request("create-pay", captured)[0]),
             ("GET one order", GETS_PER_ORDER, cost("get"), statements_per_request("get", captured)[0]),
             ("list page (mean of roles)", LISTS_PER_ORDER,
              (statistics.mean(c[0] for c in lists), statistics.mean(c[1] or 0 for c in lists)),
              statements_per_request("list-admin", captured)[0])]
    rows = ["| request | per order | peak req/s | service CPU µs/req | PG CPU µs/req | service cores | PG cores "
            "| statements/req | busy connections (RTT only) |", "|---|---|---|---|---|---|---|---|---|"]
    total_service = total_pg = total_busy = 0
    for name, per_order, (service_us, pg_us), statements in kinds:
        rate = peak_orders * per_order
        service_cores, pg_cores = rate * service_us / 1e6, rate * (pg_us or 0) / 1e6
        busy = rate * (statements or 0) * RTT_MS / 1000
        total_service, total_pg, total_busy = total_service + service_cores, total_pg + pg_cores, total_busy + busy
        rows.append(f"| {name} | {per_order} | {fmt(rate)} | {fmt(service_us)} | {fmt(pg_us)} | {fmt(service_cores, 1)} "
                    f"| {fmt(pg_cores, 1)} | {fmt(statements, 1)} | {fmt(busy, 1)} |")
    rows.append(f"| **total** | | {fmt(peak_orders * (WRITES_PER_ORDER + GETS_PER_ORDER + LISTS_PER_ORDER))} | | "
                f"| **{fmt(total_service, 1)}** | **{fmt(total_pg, 1)}** | | {fmt(total_busy, 1)} |")
    instances = -(-total_service // (UTILISATION * CORES_PER_INSTANCE)) + 1
    bytes_per_order = None
    if sizes:
        per_row = {name: size / rows for name, rows, size in sizes if rows > 0}
        if "orders" in per_row and "order_lines" in per_row:
            bytes_per_order = per_row["orders"] + 2 * per_row["order_lines"] + WRITES_PER_ORDER * per_row.get("order_events", 0)
    text = [f"Peak: {ORDERS_PER_DAY:,} orders/day ÷ 86,400 s × {PEAK_FACTOR} = {fmt(peak_orders)} orders/s; per order "
            f"{WRITES_PER_ORDER} writes, {GETS_PER_ORDER} GETs, {LISTS_PER_ORDER} list pages. Cores = req/s × CPU µs/req "
            f"÷ 10⁶; busy connections = req/s × statements/req × {RTT_MS} ms round trip (Little's law, network only).", "",
            *rows, "",
            f"Service: {fmt(total_service, 1)} cores at peak → {int(instances)} instances of {CORES_PER_INSTANCE} cores "
            f"at {UTILISATION:.0%} utilisation, plus one spare. PostgreSQL primary: {fmt(total_pg, 1)} cores of CPU "
            f"→ {fmt(total_pg / UTILISATION, 1)} cores at {UTILISATION:.0%}."]
    if bytes_per_order:
        text.append(f"Storage: {fmt(bytes_per_order)} bytes per order (order + 2 lines + {WRITES_PER_ORDER} events, "
                    f"indexes included) → {fmt(bytes_per_order * ORDERS_PER_DAY / 2**30, 1)} GiB a day, "
                    f"{fmt(bytes_per_order * ORDERS_PER_DAY * 365 / 2**40, 2)} TiB a year before the idempotency "
                    "records' 24 h window and WAL.")
    return text


def plot(out, name, data, script):
    raw = os.path.join(out, "raw", name + ".dat")
    with open(raw, "w") as f:
        for row in data:
            f.write("\t".join(str(v) for v in row) + "\n")
    commands = (f"set terminal pngcairo size 900,480 font 'sans,10'; set output '{os.path.join(out, name)}.png';"
                f"set grid ytics; set key top right; data='{raw}'; " + script)
    subprocess.run(["gnuplot", "-e", commands], check=True)


BARS = "set yrange [0:*]; set style data histograms; set style histogram clustered gap 1; set style fill solid 0.8 border -1; set xtics rotate by -20; "


def main(out):
    runs, env, captured = load(out)
    c = int(env["concurrency"])
    table, bars = headline(runs, "base", c, captured)
    sweep_table, sweep_data = sweep(runs)
    small, big = (f"{int(n):,}" if int(n) % 1000 else f"{int(n) // 1000}k" if int(n) < 10**6 else f"{int(n) // 10**6}M"
                  for n in (env["orders_api"], env["orders_bulk_total"]))
    list_table, list_data = lists(runs, c, small, big)
    if bars:
        plot(out, "throughput", bars, BARS + f"set title 'Throughput at concurrency {c}: service vs pgbench (same SQL)';"
             "set ylabel 'requests/s'; plot data using 2:xtic(1) title 'service (wrk)', '' using 3 title 'pgbench limit'")
        plot(out, "cpu-per-request", bars, BARS + "set title 'CPU per request'; set key top left;set ylabel 'µs'; plot data using 4:xtic(1) "
             "title 'service (JVM)', '' using 5 title 'PostgreSQL, under the service', '' using 6 title 'PostgreSQL, under pgbench'")
    if sweep_data:
        plot(out, "latency-vs-concurrency", sweep_data, "set title 'GET one order: latency vs concurrency';"
             "set logscale x 2; set logscale y; set xlabel 'concurrent connections'; set ylabel 'ms'; set key top left;"
             "plot data using 1:2 with linespoints title 'p50', '' using 1:3 with linespoints title 'p99'")
    if list_data:
        plot(out, "list-10k-vs-1m", list_data, BARS + f"set title 'List a page of 20: p50 at {small} vs {big} orders';"
             f"set ylabel 'ms'; plot data using 2:xtic(1) title '{small} orders', '' using 3 title '{big} orders'")
    sections = [f"# QuickEats benchmark — {env['started_utc']} ({env['mode']} mode)", "",
                f"Commit `{env['commit']}`, {env['cpus']} × {env['cpu_model']}, {env['memory_mb']} MB, {env['java']}, "
                f"JVM options `{env['java_opts'] or '(none)'}`. PostgreSQL: {env['postgres']}. Load average "
                f"{env['load_before']} before, {env['load_after']} after: **the machine is shared and noisy** — "
                "read CPU µs/request (stable) before req/s (not).", "",
                f"{int(env['orders_api']):,} orders seeded through the API in {env['seed_api_s']} s; concurrency {c} "
                f"(wrk -t2; pgbench -j{c}, a thread per client), {env['repeats']} round(s) of {env['duration_s']} s per measurement, medians "
                f"shown. Whole run: {env['elapsed_s']} s. How to read this: docs/performance.md.", "",
                f"## Per scenario at {int(env['orders_api']):,} orders (and those the warm-up's mix placed)", "", table, "",
                "![throughput](throughput.png)", "", "![CPU per request](cpu-per-request.png)", ""]
    if sweep_data:
        sections += ["## GET one order: latency vs concurrency", "", sweep_table, "",
                     "![latency vs concurrency](latency-vs-concurrency.png)", ""]
    if list_data:
        sections += [f"## List a page of 20: {small} vs {big} orders", "", list_table, "",
                     "![list 10k vs 1M](list-10k-vs-1m.png)", ""]
    if captured:
        sections += ["## Statements the service sent for one request (log_statement = all)", "",
                     "| request | statements | log |", "|---|---|---|"]
        sections += [f"| {name} | {n} | [sql-{name}.txt](sql-{name}.txt) |" for name, n in captured.items()]
        sections.append("")
    sizes_path = os.path.join(out, "sizes.tsv")
    if os.path.exists(sizes_path):
        sections += ["## Tables at the end of the run (rows estimated by ANALYZE; bytes include indexes and TOAST)", "",
                     "| table | rows | MB | bytes/row |", "|---|---|---|---|"]
        with open(sizes_path) as f:
            for name, rows, size in (line.rstrip("\n").split("\t") for line in f if line.strip()):
                per_row = int(size) / int(rows) if int(rows) > 0 else None
                sections.append(f"| {name} | {int(rows):,} | {int(size) / 2**20:,.1f} | {fmt(per_row)} |")
        sections.append("")
    sizes = []
    if os.path.exists(sizes_path):
        with open(sizes_path) as f:
            sizes = [(n, int(r), int(b)) for n, r, b in (line.rstrip("\n").split("\t") for line in f if line.strip())]
    model = capacity(runs, c, captured, sizes)
    if model:
        sections += ["## Capacity model from this run's figures (method: docs/performance.md)", "", *model, ""]
    errors = sum(r["errors"] for r in runs)
    sections.append(f"Errors (non-2xx responses, socket errors, failed or aborted pgbench transactions): {errors}.")
    with open(os.path.join(out, "report.md"), "w") as f:
        f.write("\n".join(sections) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
