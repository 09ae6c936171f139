/**
 * In-memory adapters for every outbound port, for tests of the use cases. They behave like the PostgreSQL
 * adapter where the use cases can tell the difference: writes are buffered per unit of work and applied only
 * when it commits; an updated row, a unique key being inserted and an idempotency claim stay locked until the
 * unit of work ends, so concurrent units of work wait for each other as concurrent transactions would.
 */
package com.quickeats.order.application.inmemory;
