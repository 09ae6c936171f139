-- GET /api/v2/orders/{id}: the one statement the service sends, in autocommit (no BEGIN/COMMIT), as captured
-- with log_statement=all (sql-get.txt in the report; see docs/performance.md).
\set id random(:minid, :maxid)
SELECT o.id, o.customer_id, o.restaurant_id, o.restaurant_owner_id, o.status, o.version, o.total_amount, o.delivery_address, o.payment_method, o.payment_amount, o.paid_at, o.cancellation_reason, o.cancelled_by, o.refund_due, o.cancelled_at, o.rider_id, o.created_at, o.updated_at, l.line_no, l.menu_item_id, l.name, l.unit_price, l.quantity FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id WHERE o.id = :id ORDER BY l.line_no;
