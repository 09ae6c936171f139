package com.example.dispatch;

import com.quickeats.order.domain.CancelledBy;
import com.quickeats.order.domain.InvalidStateTransitionException;
import com.quickeats.order.domain.LineRequest;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.OrderId;
import com.quickeats.order.domain.PaymentMethod;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;

/**
 * A service that is not QuickEats (say, a dispatchers' training simulator) using QuickEats' order rules as a
 * plain library: the same prices, the same state machine, the same refusals, with no server and no database.
 * The README shows the body of {@link #deliverOneOrder}; the examples module's test keeps the two identical.
 */
public final class DeliveryDesk {
    private static final System.Logger LOG = System.getLogger(DeliveryDesk.class.getName());

    private DeliveryDesk() {
    }

    /** One order from placement to delivery, with a cancellation that comes too late on the way. */
    public static Order deliverOneOrder(Instant now) {
        UserId owner = UserId.of("owner-7"), customer = UserId.of("customer-42"), rider = UserId.of("rider-3");
        Restaurant restaurant = Restaurant.register(RestaurantId.of(7), "치킨집", owner)
                .addMenuItem(MenuItemId.of(1), "후라이드 치킨", Money.won(18_000));
        Order order = Order.place(OrderId.of(1001), customer, restaurant,
                List.of(new LineRequest(MenuItemId.of(1), 2)), "서울시 강남구 테헤란로 1", now);
        order.pay(PaymentMethod.CARD, order.total(), customer, now);   // 36,000 won; any other amount is refused
        order.accept(owner, now);                                      // preparing: too late to cancel
        try {
            order.cancel("changed my mind", CancelledBy.CUSTOMER, customer, now);
        } catch (InvalidStateTransitionException refused) {
            LOG.log(Level.INFO, "{0} allows only {1}", refused.currentStatus(), refused.allowedActions());
        }
        order.completePreparation(owner, now);
        order.pickUp(rider, now);                                      // from now on only this rider may deliver
        order.deliver(rider, now);
        return order;                            // DELIVERED at version 6; order.pendingEvents() says how
    }
}
