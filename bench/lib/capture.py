#!/usr/bin/env python3
"""Captures the SQL the service sends for one request of each scenario, from PostgreSQL's statement log.

    capture.py BASE TOKENS MENU POSTGRES_LOG OUT_DIR MIN_ID MAX_ID

Expects log_statement = 'all' to be on. Writes OUT_DIR/sql-<scenario>.txt (the log lines of that request) and
prints "<scenario> <statements>" per scenario: the statements the service ran for it, BEGIN/COMMIT included,
the pool's empty validation query not (it is sent only on a connection idle for over half a second, so it
shows in the log files but never under load). The service's background sessions (the live feed's outbox
poll, the database probe) keep writing to the log; their backends are left out of the captures.
"""
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import seed  # noqa: E402  (the API client and token reader)

STATEMENT = re.compile(r"LOG:  (?:statement|execute [^:]+): (.*)", re.S)
ENTRY = re.compile(r"^\d{4}-\d\d-\d\d [\d:.]+ \S+ \[(\d+)\] ", re.M)  # log_line_prefix '%m [%p] '
QUIET_S = 1.2  # longer than the gaps of the service's background sessions (feed poll 100 ms, probe 1 s)


def entries(log, start):
    """The log's entries from byte offset start on, as (backend pid, text)."""
    with open(log, "rb") as f:
        f.seek(start)
        text = f.read().decode("utf-8", "replace")
    heads = list(ENTRY.finditer(text))
    return [(m.group(1), text[m.start():heads[i + 1].start() if i + 1 < len(heads) else len(text)])
            for i, m in enumerate(heads)]


def background(log):
    """Backends that log while no request runs: the live feed's safety poll and the database probe. Their
    statements are not the request's, and they never stop, so they are left out of every capture."""
    time.sleep(0.3)  # the previous request's last entries first
    start = os.path.getsize(log)
    time.sleep(QUIET_S)
    return {pid for pid, _ in entries(log, start)}


def settled(log, start, ignored):
    """The request's entries, once no new one has come for 0.3 s (the logging collector writes asynchronously)."""
    kept, still = [], 0
    while still < 3:
        time.sleep(0.1)
        now = [text for pid, text in entries(log, start) if pid not in ignored]
        still, kept = (still + 1, kept) if len(now) == len(kept) else (0, now)
    return kept


def statements(kept):
    """Statements among the entries: not their DETAIL lines, not the pool's empty validation query."""
    return sum(1 for text in kept if (m := STATEMENT.search(text)) and m.group(1).strip())


def main(base, tokens_path, menu_path, log, out, min_id, max_id):
    tokens, menu = seed.read_tokens(tokens_path), seed.read_menu(menu_path)
    client = seed.Client(base)
    restaurant = sorted(menu)[0]
    created = {}

    def create():
        body = {"restaurant_id": restaurant, "delivery_address": "서울시 강남구 테헤란로 1",
                "items": [{"menu_item_id": menu[restaurant][0][0], "quantity": 2},
                          {"menu_item_id": menu[restaurant][-1][0], "quantity": 1}]}
        response, order = client.call("POST", "/orders", tokens["customer-1"], body,
                                      {"Idempotency-Key": f"capture-{random.random()}"})
        created.update(order=order, etag=response.getheader("ETag"))

    def pay():
        order = created["order"]
        client.call("POST", f"/orders/{order['id']}/payment", tokens["customer-1"],
                    {"payment_method": "card", "amount": order["total_amount"]},
                    {"If-Match": created["etag"], "Idempotency-Key": f"capture-{random.random()}"})

    scenarios = [("get", lambda: client.call("GET", f"/orders/{random.randint(min_id, max_id)}", tokens["admin-1"]))]
    for role, user in (("admin", "admin-1"), ("customer", "customer-1"), ("owner", "owner-1"), ("rider", "rider-1")):
        scenarios.append((f"list-{role}", lambda user=user: client.call("GET", "/orders?limit=20", tokens[user])))
    scenarios += [("create", create), ("pay", pay)]
    for name, request in scenarios:
        # Once first, so the pooled connection is warm (no validation query in the capture); a payment needs
        # a fresh order each time.
        if name == "pay":
            create()
        request()
        if name == "pay":
            create()
        ignored = background(log)
        start = os.path.getsize(log)
        request()
        kept = settled(log, start, ignored)
        with open(os.path.join(out, f"sql-{name}.txt"), "w") as f:
            f.write("".join(kept))
        print(name, statements(kept))


if __name__ == "__main__":
    main(*sys.argv[1:6], int(sys.argv[6]), int(sys.argv[7]))
