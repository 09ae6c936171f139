-- GET /api/v2/orders?limit=20 (first page) as a random owner-1..10: the two statements the service sends, in autocommit
-- (no BEGIN/COMMIT), as captured with log_statement=all (sql-list-owner.txt in the report): the page with its
-- lines, then the page's restaurants. Those are looked up by the restaurant ids of a real first page
-- (-D rids_owner, taken by bench/run from the database), since pgbench cannot carry a result set into an array
-- parameter. The page size is written into the statement as a number (LIMIT 21), as the service writes it, so
-- PostgreSQL keeps the same generic plan for it as for the service's.
\set u random(1, 10)
SELECT p.*, l.line_no, l.menu_item_id, l.name, l.unit_price, l.quantity FROM (SELECT o.id, o.customer_id, o.restaurant_id, o.restaurant_owner_id, o.status, o.version, o.total_amount, o.delivery_address, o.payment_method, o.payment_amount, o.paid_at, o.cancellation_reason, o.cancelled_by, o.refund_due, o.cancelled_at, o.rider_id, o.created_at, o.updated_at FROM orders o WHERE o.restaurant_owner_id = 'owner-' || :u ORDER BY o.created_at DESC, o.id DESC LIMIT 21) p LEFT JOIN order_lines l ON l.order_id = p.id ORDER BY p.created_at DESC, p.id DESC, l.line_no;
SELECT id, name, owner_id FROM restaurants WHERE id = ANY(:rids_owner) ORDER BY id;
