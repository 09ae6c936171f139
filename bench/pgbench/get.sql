-- GET /api/v2/orders/{id}: the statements the service sends (captured with log_statement=all, see
-- docs/performance.md). Array parameters are written ARRAY[:x::bigint] (pgbench has no array variables).
\set id random(1, :maxid)
BEGIN;
SELECT o.id, o.customer_id, o.restaurant_id, o.status, o.version, o.total_amount, o.delivery_address, o.payment_method, o.payment_amount, o.paid_at, o.cancellation_reason, o.cancelled_by, o.refund_due, o.cancelled_at, o.rider_id, o.created_at, o.updated_at FROM orders o WHERE o.id = :id \gset
SELECT order_id, line_no, menu_item_id, name, unit_price, quantity FROM order_lines WHERE order_id = ANY(ARRAY[:id::bigint]) ORDER BY order_id, line_no;
SELECT id, name, owner_id FROM restaurants WHERE id = ANY(ARRAY[:restaurant_id::bigint]) ORDER BY id;
COMMIT;
