package com.quickeats.order.domain;

/**
 * Who may see and do what (contract §3), as one pure rule that every adapter enforces the same way.
 *
 * <p>The policy answers "may this caller take this kind of action on this order at all"; whether the
 * order's current status allows the action is the state machine's question, asked afterwards. The one
 * status-dependent rule lives here because it is about the caller: a restaurant may cancel only to
 * decline an order awaiting its acceptance, never one still awaiting the customer's payment.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** The orders {@code actor} may read or list. */
    public static VisibilityScope visibleTo(Actor actor) {
        return switch (actor.role()) {
            case ADMIN -> new VisibilityScope.Everything();
            case CUSTOMER -> new VisibilityScope.PlacedBy(actor.id());
            case RESTAURANT_OWNER -> new VisibilityScope.ForRestaurantsOf(actor.id());
            case RIDER -> new VisibilityScope.RiddenByOrAwaitingPickup(actor.id());
        };
    }

    public static boolean maySee(Actor actor, Order order) {
        return visibleTo(actor).includes(order);
    }

    /**
     * Refuses unless {@code actor} may take {@code action} on {@code order}. Call only for an order the actor
     * may see.
     *
     * @throws ActionNotPermittedException naming what the caller would need to be
     */
    public static void checkMayTake(Actor actor, OrderAction action, Order order) {
        boolean customer = actor.is(Role.CUSTOMER, order.customerId());
        boolean owner = actor.is(Role.RESTAURANT_OWNER, order.restaurantOwnerId());
        boolean permitted = switch (action) {
            case PAYMENT -> customer;
            case ACCEPTANCE, PREPARATION_COMPLETE -> owner;
            case PICKUP -> actor.role() == Role.RIDER;
            case DELIVERY -> actor.role() == Role.RIDER && order.riderId().map(actor.id()::equals).orElse(false);
            case CANCELLATION -> customer || (owner && order.status() != OrderStatus.PENDING_PAYMENT);
        };
        if (!permitted) {
            throw new ActionNotPermittedException(actor.role().wireName() + " " + actor.id() + " may not take "
                    + action.wireName() + " on order " + order.id() + "; " + whoMay(action));
        }
    }

    /** Which side a permitted cancellation comes from. */
    public static CancelledBy cancellingParty(Actor actor) {
        return actor.role() == Role.RESTAURANT_OWNER ? CancelledBy.RESTAURANT : CancelledBy.CUSTOMER;
    }

    public static void checkMayPlaceOrders(Actor actor) {
        if (actor.role() != Role.CUSTOMER) {
            throw new ActionNotPermittedException("only a customer may place an order; you are "
                    + actor.role().wireName());
        }
    }

    public static void checkMayRegisterRestaurants(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new ActionNotPermittedException("only an admin may register a restaurant; you are "
                    + actor.role().wireName());
        }
    }

    public static void checkMayManageMenu(Actor actor, Restaurant restaurant) {
        if (!actor.is(Role.RESTAURANT_OWNER, restaurant.ownerId())) {
            throw new ActionNotPermittedException("only the owner of restaurant " + restaurant.id()
                    + " may change its menu");
        }
    }

    private static String whoMay(OrderAction action) {
        return switch (action) {
            case PAYMENT -> "only the order's customer may pay";
            case ACCEPTANCE, PREPARATION_COMPLETE -> "only the owner of the order's restaurant may";
            case PICKUP -> "only a rider may pick an order up";
            case DELIVERY -> "only the rider who picked the order up may deliver it";
            case CANCELLATION -> "the customer may cancel before acceptance; the restaurant may only decline an"
                    + " order awaiting acceptance";
        };
    }
}
