/**
 * Test-data builders for the order domain, shipped to the other modules as this module's test-jar.
 * They build real aggregates through the real verbs, so a builder can never produce an order the
 * domain itself would not allow.
 */
package com.quickeats.order.domain.testing;
