-- POST /api/v2/orders, then POST /api/v2/orders/{id}/payment: the statements the service sends for each, in
-- two transactions (captured with log_statement=all, see docs/performance.md). One pgbench transaction of this
-- script is two service requests. String parameters the service binds ('customer-17', the key) are built
-- with || from numbers; the stored answer's headers/body have the service's sizes (-D hdr, body, fp).
\set u random(1, 100)
\set r random(1, 20)
\set k random(1, 1000000000000)
BEGIN;
SAVEPOINT idempotency_claim;
SET LOCAL lock_timeout = '5000ms';
INSERT INTO idempotency_records (caller, key, fingerprint, created_at, expires_at) VALUES ('customer-' || :u, 'pgb-c-' || :k, :fp, now(), now() + interval '1 day') ON CONFLICT (caller, key) DO NOTHING;
RELEASE SAVEPOINT idempotency_claim;
SET LOCAL lock_timeout TO DEFAULT;
SELECT o.id, o.customer_id, o.restaurant_id, o.status, o.version, o.total_amount, o.delivery_address, o.payment_method, o.payment_amount, o.paid_at, o.cancellation_reason, o.cancelled_by, o.refund_due, o.cancelled_at, o.rider_id, o.created_at, o.updated_at FROM orders o WHERE o.customer_id = 'customer-' || :u AND o.creation_key = 'pgb-c-' || :k;
SELECT id, name, owner_id FROM restaurants WHERE id = :r;
SELECT id, name, price, available FROM menu_items WHERE restaurant_id = :r ORDER BY position, id;
SELECT nextval('order_ids') AS oid \gset
WITH restaurant AS (SELECT owner_id FROM restaurants WHERE id = :r), inserted AS (INSERT INTO orders (id, customer_id, restaurant_id, restaurant_owner_id, status, version, total_amount, delivery_address, payment_method, payment_amount, paid_at, cancellation_reason, cancelled_by, refund_due, cancelled_at, rider_id, creation_key, created_at, updated_at) SELECT :oid, 'customer-' || :u, :r, restaurant.owner_id, 'pending_payment', 1, 38500, '서울시 강남구 테헤란로 1', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'pgb-c-' || :k, now(), now() FROM restaurant ON CONFLICT (customer_id, creation_key) DO NOTHING RETURNING id) SELECT EXISTS (SELECT FROM restaurant) AS restaurant_known, EXISTS (SELECT FROM inserted) AS inserted;
INSERT INTO order_lines (order_id, line_no, menu_item_id, name, unit_price, quantity) VALUES (:oid, 1, :r * 4 - 3, '후라이드치킨', 18000, 2);
INSERT INTO order_lines (order_id, line_no, menu_item_id, name, unit_price, quantity) VALUES (:oid, 2, :r * 4, '떡볶이', 2500, 1);
INSERT INTO order_events (order_id, version, type, payload, actor, occurred_at) VALUES (:oid, 1, 'order_placed', CAST('{"restaurant_id":1,"total_amount":38500,"currency":"KRW"}' AS jsonb), 'customer-' || :u, now());
UPDATE idempotency_records SET status = 201, headers = CAST(:hdr AS jsonb), body = :body WHERE caller = 'customer-' || :u AND key = 'pgb-c-' || :k AND fingerprint = :fp AND status IS NULL;
COMMIT;
BEGIN;
SAVEPOINT idempotency_claim;
SET LOCAL lock_timeout = '5000ms';
INSERT INTO idempotency_records (caller, key, fingerprint, created_at, expires_at) VALUES ('customer-' || :u, 'pgb-p-' || :k, :fp, now(), now() + interval '1 day') ON CONFLICT (caller, key) DO NOTHING;
RELEASE SAVEPOINT idempotency_claim;
SET LOCAL lock_timeout TO DEFAULT;
SELECT o.id, o.customer_id, o.restaurant_id, o.status, o.version, o.total_amount, o.delivery_address, o.payment_method, o.payment_amount, o.paid_at, o.cancellation_reason, o.cancelled_by, o.refund_due, o.cancelled_at, o.rider_id, o.created_at, o.updated_at FROM orders o WHERE o.id = :oid;
SELECT order_id, line_no, menu_item_id, name, unit_price, quantity FROM order_lines WHERE order_id = ANY(ARRAY[:oid::bigint]) ORDER BY order_id, line_no;
SELECT id, name, owner_id FROM restaurants WHERE id = ANY(ARRAY[:r::bigint]) ORDER BY id;
UPDATE orders SET status = 'pending_acceptance', version = 2, payment_method = 'card', payment_amount = 38500, paid_at = now(), cancellation_reason = NULL, cancelled_by = NULL, refund_due = NULL, cancelled_at = NULL, rider_id = NULL, updated_at = now() WHERE id = :oid AND version = 1;
INSERT INTO order_events (order_id, version, type, payload, actor, occurred_at) VALUES (:oid, 2, 'order_paid', CAST('{"payment_method":"card","amount":38500,"paid_at":"2026-12-01T03:24:33.392721Z"}' AS jsonb), 'customer-' || :u, now());
UPDATE idempotency_records SET status = 200, headers = CAST(:hdr AS jsonb), body = :body WHERE caller = 'customer-' || :u AND key = 'pgb-p-' || :k AND fingerprint = :fp AND status IS NULL;
COMMIT;
