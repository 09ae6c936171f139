package com.quickeats.adapter.persistence;

import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.application.port.out.RestaurantSummary;
import com.quickeats.order.domain.MenuItem;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Restaurants and their menus in PostgreSQL; a menu keeps its order through {@code menu_items.position}. A menu
 * is saved whole, so menu changes take turns on the restaurant's row ({@link #findForMenuChange}).
 */
final class JdbiRestaurantCatalog implements RestaurantCatalog {

    /** Inserts a new item or updates a known one, but never moves an item to another restaurant. */
    private static final String UPSERT_MENU_ITEM = """
            INSERT INTO menu_items (id, restaurant_id, position, name, price, available)
            VALUES (:id, :restaurant_id, :position, :name, :price, :available)
            ON CONFLICT (id) DO UPDATE
               SET position = EXCLUDED.position, name = EXCLUDED.name, price = EXCLUDED.price,
                   available = EXCLUDED.available
             WHERE menu_items.restaurant_id = EXCLUDED.restaurant_id""";

    private static final String SUMMARY_COLUMNS = "SELECT id, name, owner_id FROM restaurants";

    /** A restaurant with its menu in one statement, one row per item. */
    private static final String WITH_MENU = """
            SELECT r.id, r.name, r.owner_id, m.id AS item_id, m.name AS item_name, m.price, m.available
              FROM restaurants r
              LEFT JOIN menu_items m ON m.restaurant_id = r.id""";

    private static final String FIND = WITH_MENU + " WHERE r.id = ? ORDER BY m.position, m.id";

    private final JdbiTransactionRunner transactions;

    JdbiRestaurantCatalog(JdbiTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public RestaurantId nextRestaurantId() {
        return RestaurantId.of(nextval("restaurant_ids"));
    }

    @Override
    public MenuItemId nextMenuItemId() {
        return MenuItemId.of(nextval("menu_item_ids"));
    }

    @Override
    public void add(Restaurant restaurant) {
        Objects.requireNonNull(restaurant, "restaurant");
        transactions.inTransactionWithHandle(h -> {
            h.createUpdate("INSERT INTO restaurants (id, name, owner_id) VALUES (:id, :name, :owner_id)")
                    .bind("id", restaurant.id().value())
                    .bind("name", restaurant.name())
                    .bind("owner_id", restaurant.ownerId().value())
                    .execute();
            upsertMenu(h, restaurant);
            return null;
        });
    }

    @Override
    public void saveMenu(Restaurant restaurant) {
        Objects.requireNonNull(restaurant, "restaurant");
        transactions.inTransactionWithHandle(h -> {
            upsertMenu(h, restaurant);
            return null;
        });
    }

    /** On every placement: plain JDBC, the driver's prepared statement reused. */
    @Override
    public Optional<Restaurant> find(RestaurantId id) {
        return transactions.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FIND)) {
                statement.setLong(1, id.value());
                try (ResultSet rs = statement.executeQuery()) {
                    return readWithMenu(rs);
                }
            }
        });
    }

    /**
     * Locks the restaurant's row ({@code FOR NO KEY UPDATE}: orders referencing it are not held up), then reads it
     * with its menu in a statement of its own: a lock that waited for another menu change sees that change's row,
     * but rows joined in the same statement would still come from before it. The lock must last until the unit of
     * work ends, so this begins its transaction.
     */
    @Override
    public Optional<Restaurant> findForMenuChange(RestaurantId id) {
        if (!transactions.isInUnitOfWork()) {
            throw new IllegalStateException("a lock for a menu change only lasts as long as a unit of work");
        }
        boolean exists = transactions.inTransactionWithHandle(h -> h.createQuery(
                        "SELECT FROM restaurants WHERE id = :id FOR NO KEY UPDATE")
                .bind("id", id.value())
                .mapToMap()
                .findOne()
                .isPresent());
        return exists ? find(id) : Optional.empty();
    }

    /** The lowest id of that name, in one statement with its menu. */
    @Override
    public Optional<Restaurant> findByName(String name) {
        Objects.requireNonNull(name, "name");
        return transactions.withHandle(h -> h.createQuery(WITH_MENU
                        + " WHERE r.id = (SELECT min(id) FROM restaurants WHERE name = :name) ORDER BY m.position, m.id")
                .bind("name", name)
                .scanResultSet((rs, ctx) -> readWithMenu(rs.get())));
    }

    @Override
    public List<RestaurantSummary> list() {
        return transactions.withHandle(h -> h.createQuery(SUMMARY_COLUMNS + " ORDER BY id")
                .map(JdbiRestaurantCatalog::readSummary)
                .list());
    }

    @Override
    public List<RestaurantSummary> summaries(Collection<RestaurantId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> values = ids.stream().map(RestaurantId::value).distinct().toList();
        return transactions.withHandle(h -> h.createQuery(SUMMARY_COLUMNS + " WHERE id = ANY(:ids) ORDER BY id")
                .bindArray("ids", Long.class, values)
                .map(JdbiRestaurantCatalog::readSummary)
                .list());
    }

    private long nextval(String sequence) {
        return transactions.withHandle(h -> h.createQuery("SELECT nextval(CAST(:sequence AS regclass))")
                .bind("sequence", sequence)
                .mapTo(Long.class)
                .one());
    }

    /** One restaurant's rows of {@link #WITH_MENU}: one per menu item, or one with no item. */
    private static Optional<Restaurant> readWithMenu(ResultSet rs) throws SQLException {
        RestaurantSummary summary = null;
        List<MenuItem> menu = new ArrayList<>();
        while (rs.next()) {
            if (summary == null) {
                summary = readSummary(rs, null);
            }
            long item = rs.getLong("item_id");
            if (!rs.wasNull()) {
                menu.add(new MenuItem(MenuItemId.of(item), rs.getString("item_name"),
                        Money.won(rs.getLong("price")), rs.getBoolean("available")));
            }
        }
        if (summary == null) {
            return Optional.empty();
        }
        return Optional.of(Restaurant.rehydrate(summary.id(), summary.name(), summary.ownerId(), menu));
    }

    private static void upsertMenu(Handle h, Restaurant restaurant) {
        List<MenuItem> menu = restaurant.menu();
        if (menu.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch(UPSERT_MENU_ITEM);
        for (int position = 0; position < menu.size(); position++) {
            MenuItem item = menu.get(position);
            batch.bindMap(Map.of(
                            "id", item.id().value(),
                            "restaurant_id", restaurant.id().value(),
                            "position", position,
                            "name", item.name(),
                            "price", item.price().amount(),
                            "available", item.available()))
                    .add();
        }
        int[] counts = batch.execute();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new IllegalStateException("menu item " + menu.get(i).id() + " belongs to another restaurant than "
                        + restaurant.id());
            }
        }
    }

    private static RestaurantSummary readSummary(ResultSet rs, StatementContext context) throws SQLException {
        return new RestaurantSummary(RestaurantId.of(rs.getLong("id")), rs.getString("name"),
                UserId.of(rs.getString("owner_id")));
    }
}
