/**
 * Deliberate violations, in test sources only: {@code PlantedViolationsTest} imports them on their own and
 * asserts that each architecture rule reports them. The production import never sees them.
 */
package com.quickeats.order.domain.planted;
