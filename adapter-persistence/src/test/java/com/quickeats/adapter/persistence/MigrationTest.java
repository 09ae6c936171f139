package com.quickeats.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

@WithPostgres
class MigrationTest {

    @Test
    void migratingAnEmptyDatabaseCreatesTheWholeSchema(TestDatabase database) {
        TestDatabase empty = database.newDatabase();
        Jdbi jdbi = PersistenceAdapters.jdbi(empty.dataSource());
        assertThat(tables(jdbi)).isEmpty();

        PersistenceAdapters.migrate(empty.dataSource());

        assertThat(tables(jdbi)).containsExactlyInAnyOrder("flyway_schema_history", "restaurants", "menu_items",
                "orders", "order_lines", "order_events", "idempotency_records", "order_outbox");
        List<String> sequences = jdbi.withHandle(h -> h.createQuery(
                        "SELECT sequence_name FROM information_schema.sequences ORDER BY sequence_name")
                .mapTo(String.class).list());
        assertThat(sequences).contains("menu_item_ids", "order_events_id_seq", "order_ids", "restaurant_ids");
        List<String> applied = jdbi.withHandle(h -> h.createQuery(
                        "SELECT version || ':' || success FROM flyway_schema_history WHERE version IS NOT NULL"
                                + " ORDER BY installed_rank")
                .mapTo(String.class).list());
        assertThat(applied).containsExactly("1:true", "2:true", "4:true", "5:true");
    }

    @Test
    void migratingTwiceChangesNothing(TestDatabase database) {
        TestDatabase fresh = database.newDatabase();
        PersistenceAdapters.migrate(fresh.dataSource());
        PersistenceAdapters.migrate(fresh.dataSource());

        Jdbi jdbi = PersistenceAdapters.jdbi(fresh.dataSource());
        int rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history")
                .mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(4);
    }

    @Test
    void theListIndexesExist(TestDatabase database) {
        PersistenceAdapters.migrate(database.dataSource());
        Jdbi jdbi = PersistenceAdapters.jdbi(database.dataSource());

        List<String> indexes = jdbi.withHandle(h -> h.createQuery(
                        "SELECT indexname FROM pg_indexes WHERE tablename = 'orders'")
                .mapTo(String.class).list());

        assertThat(indexes).contains("orders_created_idx", "orders_status_created_idx", "orders_restaurant_created_idx",
                "orders_restaurant_status_created_idx", "orders_customer_created_idx", "orders_customer_status_created_idx",
                "orders_rider_created_idx", "orders_rider_status_created_idx",
                "orders_restaurant_owner_created_idx", "orders_restaurant_owner_status_created_idx",
                "orders_creation_key_unique");
        List<String> ownerIndex = jdbi.withHandle(h -> h.createQuery(
                        "SELECT indexdef FROM pg_indexes WHERE indexname LIKE 'orders_restaurant_owner_%' ORDER BY 1")
                .mapTo(String.class).list());
        assertThat(ownerIndex).containsExactly(
                "CREATE INDEX orders_restaurant_owner_created_idx ON public.orders USING btree "
                        + "(restaurant_owner_id, created_at, id)",
                "CREATE INDEX orders_restaurant_owner_status_created_idx ON public.orders USING btree "
                        + "(restaurant_owner_id, status, created_at, id)");
    }

    @Test
    void v2OnADatabaseWithOrdersGivesEveryOrderTheOwnerOfItsRestaurant(TestDatabase database) {
        TestDatabase atV1 = database.newDatabase();
        Flyway.configure().dataSource(atV1.dataSource()).locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion("1")).load().migrate();
        Jdbi jdbi = PersistenceAdapters.jdbi(atV1.dataSource());
        jdbi.useHandle(h -> {
            h.execute("""
                    INSERT INTO restaurants (id, name, owner_id)
                    VALUES (1, '치킨집', 'owner-a'), (2, '피자집', 'owner-a'), (3, '족발집', 'owner-b'),
                           (4, '분식집', 'owner-c')""");
            // Orders as V1 stored them: no owner column yet. Restaurant 4 has none.
            h.execute("""
                    INSERT INTO orders (id, customer_id, restaurant_id, status, version, total_amount,
                                        delivery_address, creation_key, created_at, updated_at)
                    SELECT i, 'customer-' || (i % 5), 1 + i % 3, 'pending_payment', 1, 18000, '서울시',
                           'key-' || i, timestamptz '2026-01-01 00:00:00Z' + i * interval '1 minute',
                           timestamptz '2026-01-01 00:00:00Z' + i * interval '1 minute'
                      FROM generate_series(1, 30) i""");
        });
        assertThat(columns(jdbi)).doesNotContain("restaurant_owner_id");

        PersistenceAdapters.migrate(atV1.dataSource());

        List<String> applied = jdbi.withHandle(h -> h.createQuery(
                        "SELECT version || ':' || success FROM flyway_schema_history WHERE version IS NOT NULL"
                                + " ORDER BY installed_rank")
                .mapTo(String.class).list());
        assertThat(applied).containsExactly("1:true", "2:true", "4:true", "5:true");
        List<String> owners = jdbi.withHandle(h -> h.createQuery("""
                        SELECT restaurant_owner_id || ':' || count(*) FROM orders
                         GROUP BY restaurant_owner_id ORDER BY restaurant_owner_id""")
                .mapTo(String.class).list());
        assertThat(owners).containsExactly("owner-a:20", "owner-b:10");
        long mismatched = jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM orders o JOIN restaurants r ON r.id = o.restaurant_id
                         WHERE o.restaurant_owner_id IS DISTINCT FROM r.owner_id""")
                .mapTo(Long.class).one());
        assertThat(mismatched).isZero();
        String nullable = jdbi.withHandle(h -> h.createQuery("""
                        SELECT is_nullable FROM information_schema.columns
                         WHERE table_name = 'orders' AND column_name = 'restaurant_owner_id'""")
                .mapTo(String.class).one());
        assertThat(nullable).isEqualTo("NO");
    }

    @Test
    void afterV2AnOrderWithoutAnOwnerIsRefused(TestDatabase database) {
        TestDatabase fresh = database.newDatabase();
        PersistenceAdapters.migrate(fresh.dataSource());
        Jdbi jdbi = PersistenceAdapters.jdbi(fresh.dataSource());

        assertThatThrownBy(() -> jdbi.useHandle(h -> {
            h.execute("INSERT INTO restaurants (id, name, owner_id) VALUES (1, '치킨집', 'owner-a')");
            h.execute("""
                    INSERT INTO orders (id, customer_id, restaurant_id, status, version, total_amount,
                                        delivery_address, creation_key, created_at, updated_at)
                    VALUES (1, 'customer-1', 1, 'pending_payment', 1, 18000, '서울시', 'key-1', now(), now())""");
        })).hasMessageContaining("restaurant_owner_id");
    }

    private static List<String> columns(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'")
                .mapTo(String.class).list());
    }

    private static List<String> tables(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .mapTo(String.class).list());
    }
}
