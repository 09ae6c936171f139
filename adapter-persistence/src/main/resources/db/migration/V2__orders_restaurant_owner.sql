-- An owner's order list walks one index, like a customer's, instead of reading up to `limit` orders from each
-- restaurant the owner has (restaurants × limit rows for an owner of many restaurants, and more as the table
-- grows). So every order carries the owner of its restaurant, copied from restaurants.owner_id when the order is
-- inserted (in the INSERT statement itself, see JdbiOrderRepository).
--
-- ASSUMPTION: a restaurant's owner never changes. No endpoint or adapter updates restaurants.owner_id; the
-- restaurant catalog only inserts restaurants and upserts their menus. If that ever changes, the same
-- transaction that moves a restaurant to another owner must also update orders.restaurant_owner_id of all its
-- orders, or the old owner keeps seeing them and the new one never does.

ALTER TABLE orders ADD COLUMN restaurant_owner_id text;

-- Orders placed before this migration: every order has a restaurant (orders.restaurant_id is NOT NULL and
-- references restaurants), so the backfill leaves no order without an owner.
UPDATE orders o
   SET restaurant_owner_id = r.owner_id
  FROM restaurants r
 WHERE r.id = o.restaurant_id;

ALTER TABLE orders ALTER COLUMN restaurant_owner_id SET NOT NULL;

-- Keyset pagination, newest first (see V1): a restaurant owner's orders, and by status. These replace, for an
-- owner's list, orders_restaurant_created_idx and orders_restaurant_status_created_idx walked once per restaurant.
CREATE INDEX orders_restaurant_owner_created_idx ON orders (restaurant_owner_id, created_at, id);
CREATE INDEX orders_restaurant_owner_status_created_idx ON orders (restaurant_owner_id, status, created_at, id);
