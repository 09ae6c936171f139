-- POST /api/v2/orders, then POST /api/v2/orders/{id}/payment of that order: the statements the service sends
-- for each, in the same transaction shape (captured with log_statement=all: sql-create.txt and sql-pay.txt in
-- the report; see docs/performance.md). One pgbench transaction of this script is two service requests.
-- Round trips as the driver makes them: BEGIN + lock + look-up pipelined, then one statement per round trip,
-- then DELETE + INSERT of the idempotency record + COMMIT pipelined (\startpipeline needs -M prepared).
-- What differs from the service, unavoidably: string parameters are built with || from numbers
-- ('customer-' || :u); the advisory lock's key is a random int4 (the SQL types an untyped parameter so), not
-- the hash of (caller, key); times are now() and the outbox id gen_random_uuid() where the service binds
-- values; values a request does not vary (payloads, line arrays) are literals or -D variables (hdr, body, fp,
-- placed, paid: real sizes, from the database). Order ids: the service draws them 32 at a time from the
-- sequence (one create in 32 pays that round trip: the \if below); pgbench cannot keep such a block, so its
-- orders take ids from a range of their own, above the sequence's (-D idbase per run, + client × 10^6 + n).
\set u random(1, 100)
\set r random(1, 20)
\set k random(1, 1000000000000)
\set lk random(1, 1000000000)
\set n :n + 1
\set oid :idbase + :client_id * 1000000 + :n
\set amount 41000
\startpipeline
BEGIN;
SELECT pg_advisory_xact_lock(:lk + 0 * length(set_config('lock_timeout', '5000ms' || left(set_config('quickeats.lock_timeout_before', current_setting('lock_timeout'), true), 0), true)));
SELECT r.fingerprint, r.status, r.headers, r.body, r.expires_at FROM (SELECT set_config('lock_timeout', current_setting('quickeats.lock_timeout_before'), true)) AS restored LEFT JOIN idempotency_records r ON r.caller = 'customer-' || :u AND r.key = 'pgb-c-' || :k;
\endpipeline
SELECT o.id, o.customer_id, o.restaurant_id, o.restaurant_owner_id, o.status, o.version, o.total_amount, o.delivery_address, o.payment_method, o.payment_amount, o.paid_at, o.cancellation_reason, o.cancelled_by, o.refund_due, o.cancelled_at, o.rider_id, o.created_at, o.updated_at, l.line_no, l.menu_item_id, l.name, l.unit_price, l.quantity FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id WHERE o.customer_id = 'customer-' || :u AND o.creation_key = 'pgb-c-' || :k ORDER BY l.line_no;
SELECT r.id, r.name, r.owner_id, m.id AS item_id, m.name AS item_name, m.price, m.available FROM restaurants r LEFT JOIN menu_items m ON m.restaurant_id = r.id WHERE r.id = :r ORDER BY m.position, m.id;
\if :n % 32 = 1
SELECT nextval('order_ids') FROM generate_series(1, 32);
\endif
WITH restaurant AS (SELECT FROM restaurants WHERE id = :r), written AS (INSERT INTO orders (id, customer_id, restaurant_id, restaurant_owner_id, status, version, total_amount, delivery_address, payment_method, payment_amount, paid_at, cancellation_reason, cancelled_by, refund_due, cancelled_at, rider_id, creation_key, created_at, updated_at) SELECT :oid, 'customer-' || :u, :r, 'owner-' || (:r + 1) / 2, 'pending_payment', 1, :amount, '서울시 강남구 테헤란로 1', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'pgb-c-' || :k, now(), now() FROM restaurant ON CONFLICT (customer_id, creation_key) DO NOTHING RETURNING id, restaurant_id, customer_id, restaurant_owner_id), lines AS (INSERT INTO order_lines (order_id, line_no, menu_item_id, name, unit_price, quantity) SELECT w.id, l.line_no, l.menu_item_id, l.name, l.unit_price, l.quantity FROM written w CROSS JOIN unnest(CAST(ARRAY[:r * 4 - 3, :r * 4] AS bigint[]), CAST(ARRAY['후라이드치킨', '떡볶이'] AS text[]), CAST(ARRAY[18000, 5000] AS bigint[]), CAST(ARRAY[2, 1] AS integer[])) WITH ORDINALITY AS l(menu_item_id, name, unit_price, quantity, line_no)), events AS (INSERT INTO order_events (order_id, version, type, payload, actor, occurred_at) SELECT w.id, e.version, e.type, CAST(e.payload AS jsonb), e.actor, e.occurred_at FROM written w CROSS JOIN unnest(CAST(ARRAY[1] AS bigint[]), CAST(ARRAY['order_placed'] AS text[]), CAST(ARRAY['{"restaurant_id":1,"total_amount":41000,"currency":"KRW"}'] AS text[]), CAST(ARRAY['customer-' || :u] AS text[]), CAST(ARRAY[now()] AS timestamptz[])) AS e(version, type, payload, actor, occurred_at)), outbox AS (INSERT INTO order_outbox (id, aggregateid, type, payload, order_id, version, status, previous_status, restaurant_id, customer_id, owner_id, rider_id, occurred_at) SELECT x.id, CAST(w.id AS text), x.type, CAST(x.payload AS jsonb), w.id, x.version, x.status, x.previous_status, w.restaurant_id, w.customer_id, w.restaurant_owner_id, x.rider_id, x.occurred_at FROM written w CROSS JOIN unnest(CAST(ARRAY[gen_random_uuid()] AS uuid[]), CAST(ARRAY['order_placed'] AS text[]), CAST(ARRAY[:placed] AS text[]), CAST(ARRAY[1] AS bigint[]), CAST(ARRAY['pending_payment'] AS text[]), CAST(ARRAY[NULL] AS text[]), CAST(ARRAY[NULL] AS text[]), CAST(ARRAY[now()] AS timestamptz[])) AS x(id, type, payload, version, status, previous_status, rider_id, occurred_at)) SELECT EXISTS (SELECT FROM restaurant) AS restaurant_known, EXISTS (SELECT FROM written) AS inserted;
\startpipeline
DELETE FROM idempotency_records WHERE caller = 'customer-' || :u AND key = 'pgb-c-' || :k AND expires_at <= now();
INSERT INTO idempotency_records (caller, key, fingerprint, created_at, expires_at, status, headers, body) VALUES ('customer-' || :u, 'pgb-c-' || :k, :fp, now(), now() + interval '1 day', 201, CAST(:hdr AS jsonb), :body);
COMMIT;
\endpipeline
\startpipeline
BEGIN;
SELECT pg_advisory_xact_lock(:lk + 1 + 0 * length(set_config('lock_timeout', '5000ms' || left(set_config('quickeats.lock_timeout_before', current_setting('lock_timeout'), true), 0), true)));
SELECT r.fingerprint, r.status, r.headers, r.body, r.expires_at FROM (SELECT set_config('lock_timeout', current_setting('quickeats.lock_timeout_before'), true)) AS restored LEFT JOIN idempotency_records r ON r.caller = 'customer-' || :u AND r.key = 'pgb-p-' || :k;
\endpipeline
SELECT o.id, o.customer_id, o.restaurant_id, o.restaurant_owner_id, o.status, o.version, o.total_amount, o.delivery_address, o.payment_method, o.payment_amount, o.paid_at, o.cancellation_reason, o.cancelled_by, o.refund_due, o.cancelled_at, o.rider_id, o.created_at, o.updated_at, l.line_no, l.menu_item_id, l.name, l.unit_price, l.quantity FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id WHERE o.id = :oid ORDER BY l.line_no;
WITH written AS (UPDATE orders SET status = 'pending_acceptance', version = 2, payment_method = 'card', payment_amount = :amount, paid_at = now(), cancellation_reason = NULL, cancelled_by = NULL, refund_due = NULL, cancelled_at = NULL, rider_id = NULL, updated_at = now() WHERE id = :oid AND version = 1 RETURNING id, restaurant_id, customer_id, restaurant_owner_id), events AS (INSERT INTO order_events (order_id, version, type, payload, actor, occurred_at) SELECT w.id, e.version, e.type, CAST(e.payload AS jsonb), e.actor, e.occurred_at FROM written w CROSS JOIN unnest(CAST(ARRAY[2] AS bigint[]), CAST(ARRAY['order_paid'] AS text[]), CAST(ARRAY['{"payment_method":"card","amount":41000,"paid_at":"2026-12-01T05:20:32.472644Z"}'] AS text[]), CAST(ARRAY['customer-' || :u] AS text[]), CAST(ARRAY[now()] AS timestamptz[])) AS e(version, type, payload, actor, occurred_at)), outbox AS (INSERT INTO order_outbox (id, aggregateid, type, payload, order_id, version, status, previous_status, restaurant_id, customer_id, owner_id, rider_id, occurred_at) SELECT x.id, CAST(w.id AS text), x.type, CAST(x.payload AS jsonb), w.id, x.version, x.status, x.previous_status, w.restaurant_id, w.customer_id, w.restaurant_owner_id, x.rider_id, x.occurred_at FROM written w CROSS JOIN unnest(CAST(ARRAY[gen_random_uuid()] AS uuid[]), CAST(ARRAY['order_paid'] AS text[]), CAST(ARRAY[:paid] AS text[]), CAST(ARRAY[2] AS bigint[]), CAST(ARRAY['pending_acceptance'] AS text[]), CAST(ARRAY['pending_payment'] AS text[]), CAST(ARRAY[NULL] AS text[]), CAST(ARRAY[now()] AS timestamptz[])) AS x(id, type, payload, version, status, previous_status, rider_id, occurred_at)) SELECT count(*) FROM written;
\startpipeline
DELETE FROM idempotency_records WHERE caller = 'customer-' || :u AND key = 'pgb-p-' || :k AND expires_at <= now();
INSERT INTO idempotency_records (caller, key, fingerprint, created_at, expires_at, status, headers, body) VALUES ('customer-' || :u, 'pgb-p-' || :k, :fp, now(), now() + interval '1 day', 200, CAST(:hdr AS jsonb), :body);
COMMIT;
\endpipeline
