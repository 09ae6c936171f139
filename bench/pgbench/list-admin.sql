-- GET /api/v2/orders?limit=20 (first page) as the admin: the statements the service sends. The lines and
-- restaurants of the page are looked up by the ids of a real first page (-D ids_admin, rids_admin, taken by
-- bench/run from the database), since pgbench cannot carry a result set into an array parameter. LIMIT is a
-- parameter (-D lim=21) as in the service, so a generic plan is planned as the service's is.
BEGIN;
SELECT o.id, o.customer_id, o.restaurant_id, o.status, o.version, o.total_amount, o.delivery_address, o.payment_method, o.payment_amount, o.paid_at, o.cancellation_reason, o.cancelled_by, o.refund_due, o.cancelled_at, o.rider_id, o.created_at, o.updated_at FROM orders o ORDER BY o.created_at DESC, o.id DESC LIMIT :lim;
SELECT order_id, line_no, menu_item_id, name, unit_price, quantity FROM order_lines WHERE order_id = ANY(:ids_admin) ORDER BY order_id, line_no;
SELECT id, name, owner_id FROM restaurants WHERE id = ANY(:rids_admin) ORDER BY id;
COMMIT;
