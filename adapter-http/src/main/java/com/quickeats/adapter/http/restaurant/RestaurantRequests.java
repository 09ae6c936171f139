package com.quickeats.adapter.http.restaurant;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickeats.adapter.http.json.FieldCheck;
import com.quickeats.adapter.http.json.JsonFields;
import com.quickeats.order.application.port.in.AddMenuItemCommand;
import com.quickeats.order.application.port.in.ChangeMenuItemCommand;
import com.quickeats.order.application.port.in.RegisterRestaurantCommand;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.RestaurantId;
import java.util.Optional;

/** The catalogue's request bodies into commands. */
final class RestaurantRequests {
    /** Stands in for a price already reported as malformed, so that the command checks the rest. */
    private static final long STAND_IN_PRICE = 0;

    private RestaurantRequests() {
    }

    /** {@code {"name": "...", "owner_id": "..."}}. */
    static RegisterRestaurantCommand register(JsonNode body) {
        FieldCheck check = new FieldCheck();
        JsonFields fields = JsonFields.of(body, check);
        String name = fields.text("name");
        String ownerId = fields.text("owner_id");
        return check.build(() -> new RegisterRestaurantCommand(name, ownerId));
    }

    /** {@code {"name": "...", "price": 18000}}. */
    static AddMenuItemCommand addItem(JsonNode body, RestaurantId restaurant) {
        FieldCheck check = new FieldCheck();
        JsonFields fields = JsonFields.of(body, check);
        String name = fields.text("name");
        Long price = fields.integer("price");
        fields.require("price");
        return check.build(() -> new AddMenuItemCommand(restaurant, name, price == null ? STAND_IN_PRICE : price));
    }

    /** {@code {"available": false}} and/or {@code {"price": 19000}}. */
    static ChangeMenuItemCommand changeItem(JsonNode body, RestaurantId restaurant, MenuItemId item) {
        FieldCheck check = new FieldCheck();
        JsonFields fields = JsonFields.of(body, check);
        Long price = fields.integer("price");
        Boolean available = fields.bool("available");
        boolean priceReported = price == null && fields.present("price");
        boolean availableReported = available == null && fields.present("available");
        return check.build(() -> new ChangeMenuItemCommand(restaurant, item,
                Optional.ofNullable(price).or(() -> priceReported ? Optional.of(STAND_IN_PRICE) : Optional.empty()),
                Optional.ofNullable(available).or(() -> availableReported ? Optional.of(true) : Optional.empty())));
    }
}
