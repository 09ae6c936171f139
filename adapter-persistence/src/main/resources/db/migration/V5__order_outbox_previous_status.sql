-- The status an event moved the order out of (NULL for order_placed), next to the status it moved it into:
-- a feed narrowed to one status shows orders entering it and leaving it (a rider watching ready_for_pickup sees
-- an order go when another rider picks it up), without parsing the payload.
ALTER TABLE order_outbox ADD COLUMN previous_status text;
