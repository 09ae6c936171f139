-- The transactional outbox (contract §9, §10): one row per order event, written in the same transaction as the
-- order change it describes, so a rolled-back change never yields a row and a committed one always has one.
-- Debezium's outbox event router reads the inserts from the WAL (id, aggregatetype, aggregateid, type,
-- payload) and relays them to Kafka; the live feed (SSE) reads the same rows for its history and resume.
--
-- Feed order. `seq` is numbered when the row is inserted, not when its transaction commits, so a reader that
-- remembers "the last seq I saw" can skip a row for good. The feed therefore walks rows by (txid, seq) and only
-- up to pg_snapshot_xmin(pg_current_snapshot()): every transaction below that xid has ended, so no row can
-- appear behind the reader's position later. Per order, version v+1 always has a larger txid than version v
-- because an order-writing transaction gets its xid from its first write, which happens only after it read the
-- order at version v (idempotency claims take an advisory lock, which assigns no xid).
-- Rows are kept for a retention period, then purged by the service: the table does not grow without bound.
CREATE TABLE order_outbox (
    id            uuid        PRIMARY KEY,                  -- the event's id: the Kafka header consumers dedupe by
    aggregatetype text        NOT NULL DEFAULT 'order',
    aggregateid   text        NOT NULL,                     -- the order id: the Kafka message key
    type          text        NOT NULL,                     -- order_placed, order_paid, …
    payload       jsonb       NOT NULL,                     -- §9's data: the event and the order at that version
    seq           bigint      GENERATED ALWAYS AS IDENTITY,
    txid          xid8        NOT NULL DEFAULT pg_current_xact_id(),
    order_id      bigint      NOT NULL,
    version       bigint      NOT NULL,
    -- Who may read the order at this version (§3), so the feed filters without parsing the payload.
    status        text        NOT NULL,
    restaurant_id bigint      NOT NULL,
    customer_id   text        NOT NULL,
    owner_id      text        NOT NULL,
    rider_id      text,
    occurred_at   timestamptz NOT NULL,
    CONSTRAINT order_outbox_order_version_unique UNIQUE (order_id, version)
);
CREATE INDEX order_outbox_position_idx ON order_outbox (txid, seq);
CREATE INDEX order_outbox_occurred_idx ON order_outbox (occurred_at);

-- Wakes every instance's feed reader when rows commit (NOTIFY is delivered at commit, in commit order, and
-- collapsed to one per transaction): no extra statement on the write path.
CREATE FUNCTION order_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('order_outbox', '');
    RETURN NULL;
END $$;
CREATE TRIGGER order_outbox_notify AFTER INSERT ON order_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION order_outbox_notify();
