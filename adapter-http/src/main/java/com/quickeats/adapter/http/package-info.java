/**
 * The HTTP adapter: the QuickEats order API v2 on Javalin, built by {@link com.quickeats.adapter.http.HttpApi}
 * from the use cases alone.
 *
 * <p>A request goes through one handler in {@code order} or {@code restaurant}: it authenticates the
 * caller ({@code auth}), lets {@code idempotency} claim or replay its {@code Idempotency-Key}, reads the
 * body into a command ({@code json}, {@code request}) and calls one use case. Responses are rendered once,
 * as bytes ({@code web}), so that a replay is exactly what the first caller got. Every failure becomes an
 * RFC 9457 problem ({@code problem}); ETags and {@code If-Match} live in {@code conditional}. No business
 * rule lives here: visibility, permissions, preconditions and the state machine are the use cases'.
 */
package com.quickeats.adapter.http;
