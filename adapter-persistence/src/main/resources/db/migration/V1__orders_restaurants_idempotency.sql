-- QuickEats order service: restaurants with their menus, orders with their lines and history, and the
-- idempotency records that make a retried request replay instead of running twice.
-- Money is an integer number of won; times are timestamptz with microsecond precision.

CREATE SEQUENCE restaurant_ids AS bigint;
CREATE SEQUENCE menu_item_ids AS bigint;
CREATE SEQUENCE order_ids AS bigint;

CREATE TABLE restaurants (
    id       bigint PRIMARY KEY CHECK (id > 0),
    name     text   NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    owner_id text   NOT NULL CHECK (char_length(owner_id) BETWEEN 1 AND 255)
);
-- A restaurant owner's order list starts from the restaurants they own.
CREATE INDEX restaurants_owner_idx ON restaurants (owner_id, id);
-- Ordering by restaurant name: exact match, lowest id first.
CREATE INDEX restaurants_name_idx ON restaurants (name, id);

CREATE TABLE menu_items (
    id            bigint  PRIMARY KEY CHECK (id > 0),
    restaurant_id bigint  NOT NULL REFERENCES restaurants (id),
    position      integer NOT NULL CHECK (position >= 0),
    name          text    NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    price         bigint  NOT NULL CHECK (price BETWEEN 0 AND 100000000),
    available     boolean NOT NULL
);
CREATE INDEX menu_items_restaurant_idx ON menu_items (restaurant_id, position);

CREATE TABLE orders (
    id                  bigint      PRIMARY KEY CHECK (id > 0),
    customer_id         text        NOT NULL,
    restaurant_id       bigint      NOT NULL REFERENCES restaurants (id),
    status              text        NOT NULL CHECK (status IN ('pending_payment', 'pending_acceptance', 'preparing',
                                                               'ready_for_pickup', 'in_transit', 'delivered',
                                                               'cancelled')),
    version             bigint      NOT NULL CHECK (version >= 1),
    total_amount        bigint      NOT NULL CHECK (total_amount >= 0),
    currency            text        NOT NULL DEFAULT 'KRW' CHECK (currency = 'KRW'),
    delivery_address    text        NOT NULL,
    payment_method      text        CHECK (payment_method IN ('card', 'bank_transfer', 'mobile_pay', 'point')),
    payment_amount      bigint      CHECK (payment_amount >= 0),
    paid_at             timestamptz,
    cancellation_reason text,
    cancelled_by        text        CHECK (cancelled_by IN ('customer', 'restaurant')),
    refund_due          boolean,
    cancelled_at        timestamptz,
    rider_id            text,
    creation_key        text        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    -- The idempotency key that created the order: a retried create never makes a second order, even after
    -- the idempotency record itself was purged.
    CONSTRAINT orders_creation_key_unique UNIQUE (customer_id, creation_key),
    CONSTRAINT orders_payment_complete CHECK (
        (payment_method IS NULL) = (payment_amount IS NULL) AND (payment_method IS NULL) = (paid_at IS NULL)),
    CONSTRAINT orders_cancellation_complete CHECK (
        (cancelled_by IS NULL) = (refund_due IS NULL) AND (cancelled_by IS NULL) = (cancelled_at IS NULL)
        AND (cancellation_reason IS NULL OR cancelled_by IS NOT NULL)),
    CONSTRAINT orders_cancelled_when_cancellation CHECK ((status = 'cancelled') = (cancelled_by IS NOT NULL))
);

-- Keyset pagination, newest first: every list query walks one of these backwards from (created_at, id) of
-- the previous page's last order, so a page costs the same however many orders there are.
-- An admin, unfiltered:
CREATE INDEX orders_created_idx ON orders (created_at, id);
-- An admin by status; a rider's "awaiting pickup" half:
CREATE INDEX orders_status_created_idx ON orders (status, created_at, id);
-- By restaurant (an admin's filter, and each restaurant of an owner):
CREATE INDEX orders_restaurant_created_idx ON orders (restaurant_id, created_at, id);
-- By restaurant and status:
CREATE INDEX orders_restaurant_status_created_idx ON orders (restaurant_id, status, created_at, id);
-- A customer's own orders, and by status:
CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at, id);
CREATE INDEX orders_customer_status_created_idx ON orders (customer_id, status, created_at, id);
-- A rider's own orders, and by status (most orders have no rider yet):
CREATE INDEX orders_rider_created_idx ON orders (rider_id, created_at, id) WHERE rider_id IS NOT NULL;
CREATE INDEX orders_rider_status_created_idx ON orders (rider_id, status, created_at, id) WHERE rider_id IS NOT NULL;

CREATE TABLE order_lines (
    order_id     bigint  NOT NULL REFERENCES orders (id),
    line_no      integer NOT NULL CHECK (line_no >= 1),
    -- A snapshot of the menu at ordering time: later menu changes never alter an order, so no foreign key.
    menu_item_id bigint  NOT NULL CHECK (menu_item_id > 0),
    name         text    NOT NULL,
    unit_price   bigint  NOT NULL CHECK (unit_price >= 0),
    quantity     integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    PRIMARY KEY (order_id, line_no)
);

-- An order's history, written in the same transaction as the state it describes. Shaped to serve as a
-- transactional outbox too: a relay can read it in id order and publish (order_id, version, type, payload).
CREATE TABLE order_events (
    id          bigserial   PRIMARY KEY,
    order_id    bigint      NOT NULL REFERENCES orders (id),
    version     bigint      NOT NULL CHECK (version >= 1),
    type        text        NOT NULL,
    payload     jsonb       NOT NULL,
    actor       text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    -- The events of an order are numbered 1..n by the version they produced, without gaps or repeats.
    CONSTRAINT order_events_order_version_unique UNIQUE (order_id, version)
);

-- The outcome of a request, by (caller, key). A row with a null status is a claim whose request is still
-- running in the transaction that inserted it; nobody else can see it before that transaction ends.
CREATE TABLE idempotency_records (
    caller      text        NOT NULL,
    key         text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
    fingerprint text        NOT NULL,
    status      integer     CHECK (status BETWEEN 100 AND 599),
    headers     jsonb,
    body        bytea,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (caller, key),
    CONSTRAINT idempotency_records_outcome_complete CHECK (
        (status IS NULL) = (headers IS NULL) AND (status IS NULL) = (body IS NULL))
);
-- The purge takes the oldest expired records first, in bounded batches.
CREATE INDEX idempotency_records_expires_idx ON idempotency_records (expires_at);
