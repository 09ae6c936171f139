-- Adds :n orders of history in bulk (psql -v n=…): orders placed before the ones seeded through the API,
-- each with two lines from its restaurant's menu, 90 % delivered and 10 % cancelled (history is terminal).
-- Customers customer-1..customer-10000 (the bench's 100 customers among them), riders rider-1..rider-50,
-- one order every 3 s going back from the oldest API-seeded order. No order_events rows: no scenario reads
-- or writes the history of these orders. Ids come from the service's own sequence.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_menu ON COMMIT DROP AS
    SELECT r.id AS restaurant_id, r.owner_id, row_number() OVER (ORDER BY r.id) - 1 AS slot,
           (array_agg(m.id ORDER BY m.position, m.id))[1] AS item1, (array_agg(m.name ORDER BY m.position, m.id))[1] AS name1,
           (array_agg(m.price ORDER BY m.position, m.id))[1] AS price1,
           (array_agg(m.id ORDER BY m.position, m.id))[2] AS item2, (array_agg(m.name ORDER BY m.position, m.id))[2] AS name2,
           (array_agg(m.price ORDER BY m.position, m.id))[2] AS price2
      FROM restaurants r JOIN menu_items m ON m.restaurant_id = r.id
     GROUP BY r.id, r.owner_id;
CREATE TEMP TABLE bench_orders ON COMMIT DROP AS
    SELECT nextval('order_ids') AS id, g,
           (SELECT min(created_at) FROM orders) - make_interval(secs => 3 * (:n - g + 1)) AS created_at,
           m.*
      FROM generate_series(1, :n) g
      JOIN bench_menu m ON m.slot = g % (SELECT count(*) FROM bench_menu);
INSERT INTO orders (id, customer_id, restaurant_id, restaurant_owner_id, status, version, total_amount, delivery_address,
                    payment_method, payment_amount, paid_at, cancellation_reason, cancelled_by, refund_due, cancelled_at,
                    rider_id, creation_key, created_at, updated_at)
SELECT id, 'customer-' || (g % 10000 + 1), restaurant_id, owner_id,
       CASE WHEN g % 10 = 0 THEN 'cancelled' ELSE 'delivered' END,
       CASE WHEN g % 10 = 0 THEN 2 ELSE 6 END,
       price1 * 2 + price2, '서울시 강남구 테헤란로 ' || g,
       CASE WHEN g % 10 = 0 THEN NULL ELSE 'card' END,
       CASE WHEN g % 10 = 0 THEN NULL ELSE price1 * 2 + price2 END,
       CASE WHEN g % 10 = 0 THEN NULL ELSE created_at + interval '1 minute' END,
       CASE WHEN g % 10 = 0 THEN 'bench' END,
       CASE WHEN g % 10 = 0 THEN 'customer' END,
       CASE WHEN g % 10 = 0 THEN false END,
       CASE WHEN g % 10 = 0 THEN created_at + interval '2 minutes' END,
       CASE WHEN g % 10 = 0 THEN NULL ELSE 'rider-' || (g % 50 + 1) END,
       'bulk-' || g, created_at, created_at + interval '40 minutes'
  FROM bench_orders;
INSERT INTO order_lines (order_id, line_no, menu_item_id, name, unit_price, quantity)
SELECT id, 1, item1, name1, price1, 2 FROM bench_orders
UNION ALL
SELECT id, 2, item2, name2, price2, 1 FROM bench_orders;
COMMIT;
VACUUM ANALYZE orders;
VACUUM ANALYZE order_lines;
