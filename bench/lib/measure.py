#!/usr/bin/env python3
"""Runs one load command (wrk or pgbench) and appends what it cost, as one JSON line, to a results file.

    measure.py RESULTS.jsonl key=value... -- COMMAND...

key=value pairs (phase, scenario, tool, concurrency, requests_per_txn, ...) are copied into the record.
Environment: BENCH_JVM_PID (the service), BENCH_PG_POSTMASTER (PostgreSQL's postmaster, empty when it is not on
this machine), BENCH_PGSS=1 when pg_stat_statements is loaded; PGHOST/PGPORT/PGUSER/PGDATABASE for psql.

Before and after the command it reads from /proc the CPU seconds (utime + stime) of the JVM and of every
PostgreSQL process (the postmaster's own and its reaped children's, plus each live child's, so backends that
end during the run still count), the JVM's resident set, and pg_stat_statements' total calls (statements
executed; the sampler's own queries excluded). The command's own CPU (the load generator) comes from
getrusage(RUSAGE_CHILDREN).
"""
import json
import os
import re
import resource
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def stat_fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        text = f.read()
    rest = text[text.rindex(")") + 2:].split()  # fields from 3 (state) on
    return rest


def cpu_seconds(pid, with_children=False):
    fields = stat_fields(pid)
    ticks = int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)
    if with_children:
        ticks += int(fields[13]) + int(fields[14])  # cutime, cstime
    return ticks / TICK


def postgres_cpu(postmaster):
    total = cpu_seconds(postmaster, with_children=True)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = stat_fields(entry)
                if fields[1] == postmaster:
                    total += (int(fields[11]) + int(fields[12])) / TICK
            except (OSError, ValueError, IndexError):
                pass  # the process ended while we looked; its time is in the postmaster's cutime
    return total


def memory_kb(pid):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(value.split()[0])
    return values


def statements():
    if os.environ.get("BENCH_PGSS") != "1":
        return None
    out = subprocess.run(["psql", "-X", "-Atc", "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements "
                          "WHERE query NOT ILIKE '%pg_stat%'"], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def sample():
    jvm, postmaster = os.environ["BENCH_JVM_PID"], os.environ.get("BENCH_PG_POSTMASTER", "")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"time": time.monotonic(), "jvm": cpu_seconds(jvm), "pg": postgres_cpu(postmaster) if postmaster else None,
            "statements": statements(), "client": children.ru_utime + children.ru_stime, **memory_kb(jvm)}


def parse_wrk(output):
    match = re.search(r"^BENCHJSON (.*)$", output, re.M)
    if not match:
        raise SystemExit("wrk printed no BENCHJSON summary:\n" + output)
    data = json.loads(match.group(1))
    seconds = data["duration_us"] / 1e6
    return {"txns": data["requests"], "seconds": seconds, "errors": data["errors_status"] + data["errors_other"],
            "p50_ms": data["p50_us"] / 1000, "p90_ms": data["p90_us"] / 1000, "p99_ms": data["p99_us"] / 1000,
            "p999_ms": data["p999_us"] / 1000, "max_ms": data["max_us"] / 1000, "mean_ms": data["mean_us"] / 1000,
            "statuses": data["statuses"]}


def parse_pgbench(output, seconds):
    def number(pattern):
        match = re.search(pattern, output)
        return float(match.group(1)) if match else None
    txns = number(r"number of transactions actually processed: (\d+)") or 0
    failed = number(r"number of failed transactions: (\d+)") or 0
    aborted = len(re.findall(r"client \d+ aborted", output))
    return {"txns": int(txns), "seconds": seconds, "errors": int(failed) + aborted,
            "mean_ms": number(r"latency average = ([\d.]+) ms"), "tps": number(r"tps = ([\d.]+) \(without")}


def main():
    separator = sys.argv.index("--")
    results, pairs, command = sys.argv[1], sys.argv[2:separator], sys.argv[separator + 1:]
    record = dict(pair.split("=", 1) for pair in pairs)
    before = sample()
    run = subprocess.run(command, capture_output=True, text=True)
    after = sample()
    output = run.stdout + run.stderr
    with open(os.path.join(os.path.dirname(results), "raw", f"{record['phase']}-{record['scenario']}-"
                           f"{record['tool']}-c{record.get('concurrency', '')}-r{record.get('round', 1)}.txt"), "w") as f:
        f.write(" ".join(command) + "\n\n" + output)
    if record["tool"] == "wrk":
        record.update(parse_wrk(output))
    else:
        record.update(parse_pgbench(output, after["time"] - before["time"]))
    if run.returncode != 0:
        record["errors"] = max(record.get("errors", 0), 1)
        print(f"warning: {command[0]} exited with {run.returncode}: {output[-500:]}", file=sys.stderr)
    record["wall_s"] = after["time"] - before["time"]
    record["jvm_cpu_s"] = after["jvm"] - before["jvm"]
    record["pg_cpu_s"] = None if after["pg"] is None else after["pg"] - before["pg"]
    record["client_cpu_s"] = after["client"] - before["client"]
    record["statements"] = None if after["statements"] is None else after["statements"] - before["statements"]
    record["rss_kb"], record["hwm_kb"] = after.get("VmRSS"), after.get("VmHWM")
    with open(results, "a") as f:
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
    rate = record["txns"] / record["seconds"] if record["seconds"] else 0
    print(f"  {record['phase']:>5} {record['scenario']:<14} {record['tool']:<7} c={record.get('concurrency', '?'):<3}"
          f" {rate:9.1f}/s  errors={record['errors']}")


if __name__ == "__main__":
    main()
