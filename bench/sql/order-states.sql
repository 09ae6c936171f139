-- Moves the orders placed through the API (all still pending_payment) to the mix of states a live system
-- has, by id mod 20: 0-1 pending_payment, 2 cancelled by the customer, 3 pending_acceptance, 4 preparing,
-- 5 ready_for_pickup, 6 in_transit, 7-19 delivered; riders rider-1..rider-50. Each row is what the service's
-- own transitions would have left (version = transitions + 1, payment and cancellation columns complete);
-- their order_events are not written (no scenario reads an order's history). Done in SQL because walking
-- 10,000 orders through five actions each costs minutes on a loaded 2-core machine.
\set ON_ERROR_STOP on
UPDATE orders o
   SET status = s.status, version = s.version,
       payment_method = CASE WHEN s.paid THEN 'card' END,
       payment_amount = CASE WHEN s.paid THEN o.total_amount END,
       paid_at = CASE WHEN s.paid THEN o.created_at + interval '1 minute' END,
       cancellation_reason = CASE WHEN s.status = 'cancelled' THEN 'bench' END,
       cancelled_by = CASE WHEN s.status = 'cancelled' THEN 'customer' END,
       refund_due = CASE WHEN s.status = 'cancelled' THEN false END,
       cancelled_at = CASE WHEN s.status = 'cancelled' THEN o.created_at + interval '2 minutes' END,
       rider_id = CASE WHEN s.status IN ('in_transit', 'delivered') THEN 'rider-' || (o.id % 50 + 1) END,
       updated_at = o.created_at + interval '3 minutes'
  FROM (VALUES (2, 'cancelled', 2, false), (3, 'pending_acceptance', 2, true), (4, 'preparing', 3, true),
               (5, 'ready_for_pickup', 4, true), (6, 'in_transit', 5, true)) AS s (plan, status, version, paid)
 WHERE o.status = 'pending_payment' AND o.id % 20 = s.plan;
UPDATE orders o
   SET status = 'delivered', version = 6, payment_method = 'card', payment_amount = o.total_amount,
       paid_at = o.created_at + interval '1 minute', rider_id = 'rider-' || (o.id % 50 + 1),
       updated_at = o.created_at + interval '40 minutes'
 WHERE o.status = 'pending_payment' AND o.id % 20 >= 7;
VACUUM ANALYZE;
