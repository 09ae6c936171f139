package com.quickeats.adapter.http.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.quickeats.adapter.http.json.FieldCheck;
import com.quickeats.adapter.http.json.JsonFields;
import com.quickeats.order.application.port.in.PlaceOrderCommand;
import com.quickeats.order.domain.LineRequest;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.RestaurantId;
import java.util.List;
import java.util.Optional;

/**
 * {@code {"restaurant_id": 1, "items": [{"menu_item_id": 10, "quantity": 2}], "delivery_address": "..."}}
 * (or {@code restaurant_name} instead of the id) into a {@link PlaceOrderCommand}. Prices never come from
 * the client; any other field is ignored.
 */
final class PlaceOrderRequest {
    /** Stands in for a line field already reported as malformed, so that the command checks the rest. */
    private static final long STAND_IN_ID = 1;
    private static final int STAND_IN_QUANTITY = 1;

    private PlaceOrderRequest() {
    }

    static PlaceOrderCommand command(JsonNode body, String creationKey) {
        FieldCheck check = new FieldCheck();
        JsonFields fields = JsonFields.of(body, check);
        Long restaurantId = fields.id("restaurant_id");
        String restaurantName = fields.text("restaurant_name");
        List<JsonFields> lines = fields.objects("items");
        List<LineRequest> items = lines == null ? null : lines.stream().map(PlaceOrderRequest::line).toList();
        String address = fields.text("delivery_address");
        return check.build(() -> new PlaceOrderCommand(Optional.ofNullable(restaurantId).map(RestaurantId::of),
                Optional.ofNullable(restaurantName), items, address, creationKey));
    }

    private static LineRequest line(JsonFields line) {
        Long menuItemId = line.id("menu_item_id");
        Integer quantity = line.smallInteger("quantity");
        line.require("menu_item_id");
        line.require("quantity");
        return new LineRequest(MenuItemId.of(menuItemId == null ? STAND_IN_ID : menuItemId),
                quantity == null ? STAND_IN_QUANTITY : quantity);
    }
}
