package com.quickeats.adapter.persistence;

import com.quickeats.order.application.port.out.RestaurantCatalog;
import com.quickeats.order.application.port.out.RestaurantSummary;
import com.quickeats.order.domain.MenuItem;
import com.quickeats.order.domain.MenuItemId;
import com.quickeats.order.domain.Money;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    @Override
    public Optional<Restaurant> find(RestaurantId id) {
        return transactions.withHandle(h -> withMenu(h,
                h.createQuery(SUMMARY_COLUMNS + " WHERE id = :id")
                        .bind("id", id.value())
                        .map(JdbiRestaurantCatalog::readSummary)
                        .findOne()));
    }

    /** Locks the restaurant's row ({@code FOR NO KEY UPDATE}: orders referencing it are not held up). */
    @Override
    public Optional<Restaurant> findForMenuChange(RestaurantId id) {
        if (!transactions.isInUnitOfWork()) {
            throw new IllegalStateException("a lock for a menu change only lasts as long as a unit of work");
        }
        return transactions.withHandle(h -> withMenu(h,
                h.createQuery(SUMMARY_COLUMNS + " WHERE id = :id FOR NO KEY UPDATE")
                        .bind("id", id.value())
                        .map(JdbiRestaurantCatalog::readSummary)
                        .findOne()));
    }

    @Override
    public Optional<Restaurant> findByName(String name) {
        Objects.requireNonNull(name, "name");
        return transactions.withHandle(h -> withMenu(h,
                h.createQuery(SUMMARY_COLUMNS + " WHERE name = :name ORDER BY id LIMIT 1")
                        .bind("name", name)
                        .map(JdbiRestaurantCatalog::readSummary)
                        .findOne()));
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

    private static Optional<Restaurant> withMenu(Handle h, Optional<RestaurantSummary> summary) {
        return summary.map(found -> Restaurant.rehydrate(found.id(), found.name(), found.ownerId(),
                h.createQuery("""
                                SELECT id, name, price, available
                                  FROM menu_items
                                 WHERE restaurant_id = :restaurant_id
                                 ORDER BY position, id""")
                        .bind("restaurant_id", found.id().value())
                        .map((rs, ctx) -> new MenuItem(MenuItemId.of(rs.getLong("id")), rs.getString("name"),
                                Money.won(rs.getLong("price")), rs.getBoolean("available")))
                        .list()));
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
