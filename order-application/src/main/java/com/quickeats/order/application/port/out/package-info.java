/**
 * Ports the application needs from the outside world, named by role: where orders, restaurants and
 * idempotency records live, how a unit of work is made atomic. Adapters implement them; the use cases
 * depend only on these interfaces.
 */
package com.quickeats.order.application.port.out;
