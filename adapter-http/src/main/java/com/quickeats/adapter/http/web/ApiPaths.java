package com.quickeats.adapter.http.web;

/** The API's paths (contract §5); a trailing slash is accepted on every one of them. */
public final class ApiPaths {
    public static final String BASE = "/api/v2";
    public static final String ORDERS = BASE + "/orders";
    public static final String ORDER = ORDERS + "/{id}";
    public static final String RESTAURANTS = BASE + "/restaurants";
    public static final String RESTAURANT = RESTAURANTS + "/{id}";
    public static final String MENU_ITEMS = RESTAURANT + "/menu-items";
    public static final String MENU_ITEM = MENU_ITEMS + "/{item_id}";

    private ApiPaths() {
    }

    public static String order(long id) {
        return ORDERS + "/" + id;
    }

    public static String restaurant(long id) {
        return RESTAURANTS + "/" + id;
    }

    public static String menuItem(long restaurantId, long itemId) {
        return restaurant(restaurantId) + "/menu-items/" + itemId;
    }
}
