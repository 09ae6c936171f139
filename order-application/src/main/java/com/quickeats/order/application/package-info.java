/**
 * The use cases of QuickEats: one class per thing a caller can ask for, each taking the caller's
 * identity, running inside one unit of work, and letting the domain's {@code AccessPolicy} decide what
 * the caller may see and do. {@link com.quickeats.order.application.IdempotentExecutor} wraps any of them
 * so that a retried request never runs twice.
 */
package com.quickeats.order.application;
