-- Run once, in the quickeats database, as a superuser (or a role with REPLICATION that owns order_outbox),
-- after the service has migrated its schema (V4 creates order_outbox) and before the connector starts.
-- The server needs wal_level = logical first: see postgresql.conf in this folder.

-- What Debezium reads: inserts into the outbox only. The service's purge of old rows (DELETE) is not published.
CREATE PUBLICATION quickeats_outbox FOR TABLE public.order_outbox WITH (publish = 'insert');

-- Created here rather than by the connector, so that the WAL of every outbox row committed from now on is kept
-- until Kafka has it, even if the connector is started later or is down for a while.
SELECT pg_create_logical_replication_slot('quickeats_outbox', 'pgoutput');
