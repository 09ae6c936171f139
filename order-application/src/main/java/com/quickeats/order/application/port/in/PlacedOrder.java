package com.quickeats.order.application.port.in;

import com.quickeats.order.domain.Order;

/**
 * The order a place-order request stands for; {@code alreadyPlaced} when the same customer and key had
 * placed it before, so nothing new was created.
 */
public record PlacedOrder(Order order, boolean alreadyPlaced) {
}
