#!/usr/bin/env python3
"""Captures the SQL the service sends for one request of each scenario, from PostgreSQL's statement log.

    capture.py BASE TOKENS MENU POSTGRES_LOG OUT_DIR MAX_ID

Expects log_statement = 'all' to be on. Writes OUT_DIR/sql-<scenario>.txt (the log lines of that request) and
prints "<scenario> <statements>" per scenario: the statements the service ran for it, BEGIN/COMMIT included,
the pool's empty validation query not (it is sent only on a connection idle for over half a second).
"""
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import seed  # noqa: E402  (the API client and token reader)

STATEMENT = re.compile(r"LOG:  (?:statement|execute [^:]+): (?=\S)")


def settled(log):
    """Waits until the log stops growing (the logging collector writes asynchronously)."""
    size, still = os.path.getsize(log), 0
    while still < 3:
        time.sleep(0.1)
        now = os.path.getsize(log)
        still, size = (still + 1, size) if now == size else (0, now)
    return size


def main(base, tokens_path, menu_path, log, out, max_id):
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

    scenarios = [("get", lambda: client.call("GET", f"/orders/{random.randint(1, max_id)}", tokens["admin-1"]))]
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
        start = settled(log)
        request()
        end = settled(log)
        with open(log, "rb") as f:
            f.seek(start)
            text = f.read(end - start).decode("utf-8", "replace")
        with open(os.path.join(out, f"sql-{name}.txt"), "w") as f:
            f.write(text)
        print(name, len(STATEMENT.findall(text)))


if __name__ == "__main__":
    main(*sys.argv[1:6], int(sys.argv[6]))
