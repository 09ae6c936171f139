/**
 * The order domain of QuickEats: the {@link com.quickeats.order.domain.Order} aggregate with its
 * state machine ({@link com.quickeats.order.domain.OrderTransitions}), the
 * {@link com.quickeats.order.domain.Restaurant} aggregate with its menu, and the
 * {@link com.quickeats.order.domain.AccessPolicy} that decides who may see and do what.
 *
 * <p>Pure Java: this package depends on the JDK only, never reads the system clock and never
 * invents identities, so other JVM services can embed it as a plain library.
 */
package com.quickeats.order.domain;
