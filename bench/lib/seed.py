#!/usr/bin/env python3
"""Benchmark helper: signs the bench users' tokens and seeds QuickEats through its own API.

    seed.py tokens  OUT SECRET                    writes OUT: one "role<TAB>subject<TAB>token" line per user
    seed.py catalog BASE TOKENS OUT               restaurants + menus via the API; writes OUT: restaurant, item, price
    seed.py orders  BASE TOKENS MENU N THREADS    N orders placed via the API (bench/sql/order-states.sql then
                                                  moves them to a realistic mix of states)

Standard library only. Users: admin-1; owner-1..owner-10 (two restaurants each); customer-1..customer-100;
rider-1..rider-50.
"""
import base64
import hashlib
import hmac
import http.client
import json
import random
import sys
import threading
import time
import urllib.parse

OWNERS, RESTAURANTS_PER_OWNER, CUSTOMERS, RIDERS = 10, 2, 100, 50
DISHES = [("후라이드치킨", 18000), ("양념치킨", 19000), ("콜라 1.25L", 2500), ("떡볶이", 5000)]


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(secret, subject, role, ttl=86400 * 2):
    now = int(time.time())
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps({"sub": subject, "role": role, "iat": now, "exp": now + ttl}).encode())
    mac = hmac.new(secret.encode(), f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}.{b64(mac)}"


def users():
    yield "admin", "admin-1"
    for i in range(1, OWNERS + 1):
        yield "restaurant_owner", f"owner-{i}"
    for i in range(1, CUSTOMERS + 1):
        yield "customer", f"customer-{i}"
    for i in range(1, RIDERS + 1):
        yield "rider", f"rider-{i}"


def read_tokens(path):
    tokens = {}
    with open(path) as f:
        for line in f:
            role, subject, token = line.rstrip("\n").split("\t")
            tokens[subject] = token
    return tokens


class Client:
    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.host, self.port, self.prefix = url.hostname, url.port, url.path.rstrip("/")
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def call(self, method, path, token, body=None, headers=None, expect=(200, 201)):
        all_headers = {"Authorization": "Bearer " + token}
        all_headers.update(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            all_headers["Content-Type"] = "application/json"
        for attempt in range(3):
            try:
                self.conn.request(method, self.prefix + path, body=data, headers=all_headers)
                response = self.conn.getresponse()
                payload = response.read()
                break
            except (ConnectionError, http.client.HTTPException):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                if attempt == 2:
                    raise
        if response.status not in expect:
            raise RuntimeError(f"{method} {path}: {response.status} {payload[:300]!r}")
        return response, (json.loads(payload) if payload else None)


def catalog(base, tokens_path, out):
    tokens = read_tokens(tokens_path)
    client = Client(base)
    with open(out, "w") as f:
        for o in range(1, OWNERS + 1):
            for r in range(RESTAURANTS_PER_OWNER):
                _, restaurant = client.call("POST", "/restaurants", tokens["admin-1"],
                                            {"name": f"bench-{o}-{r}", "owner_id": f"owner-{o}"},
                                            {"Idempotency-Key": f"r-{o}-{r}-{random.random()}"})
                for d, (name, price) in enumerate(DISHES):
                    _, item = client.call("POST", f"/restaurants/{restaurant['id']}/menu-items", tokens[f"owner-{o}"],
                                          {"name": name, "price": price},
                                          {"Idempotency-Key": f"m-{restaurant['id']}-{d}-{random.random()}"})
                    f.write(f"{restaurant['id']}\t{item['id']}\t{price}\n")


def read_menu(path):
    menu = {}
    with open(path) as f:
        for line in f:
            restaurant, item, price = (int(x) for x in line.split("\t"))
            menu.setdefault(restaurant, []).append((item, price))
    return menu


def create_order(client, tokens, menu, i, rng):
    customer = f"customer-{i % CUSTOMERS + 1}"
    restaurant = rng.choice(sorted(menu))
    lines = rng.sample(menu[restaurant], rng.randint(1, 3))
    body = {"restaurant_id": restaurant, "delivery_address": f"서울시 강남구 테헤란로 {i}",
            "items": [{"menu_item_id": item, "quantity": rng.randint(1, 3)} for item, _ in lines]}
    client.call("POST", "/orders", tokens[customer], body, {"Idempotency-Key": f"seed-{i}-{rng.random()}"})


def orders(base, tokens_path, menu_path, count, threads):
    tokens, menu = read_tokens(tokens_path), read_menu(menu_path)
    failures = []

    def work(t):
        client, rng = Client(base), random.Random(t)
        try:
            for i in range(t, count, threads):
                create_order(client, tokens, menu, i, rng)
        except Exception as e:  # reported below; the harness stops on it
            failures.append(e)

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if failures:
        sys.exit(f"seeding failed: {failures[0]}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "tokens":
        with open(args[0], "w") as f:
            for role, subject in users():
                f.write(f"{role}\t{subject}\t{sign(args[1], subject, role)}\n")
    elif command == "catalog":
        catalog(*args)
    elif command == "orders":
        orders(args[0], args[1], args[2], int(args[3]), int(args[4]))
    else:
        sys.exit(f"unknown command {command}")
