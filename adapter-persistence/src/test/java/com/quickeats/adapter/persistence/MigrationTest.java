package com.quickeats.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.util.List;
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
                "orders", "order_lines", "order_events", "idempotency_records");
        List<String> sequences = jdbi.withHandle(h -> h.createQuery(
                        "SELECT sequence_name FROM information_schema.sequences ORDER BY sequence_name")
                .mapTo(String.class).list());
        assertThat(sequences).contains("menu_item_ids", "order_events_id_seq", "order_ids", "restaurant_ids");
        List<String> applied = jdbi.withHandle(h -> h.createQuery(
                        "SELECT version || ':' || success FROM flyway_schema_history WHERE version IS NOT NULL")
                .mapTo(String.class).list());
        assertThat(applied).containsExactly("1:true");
    }

    @Test
    void migratingTwiceChangesNothing(TestDatabase database) {
        TestDatabase fresh = database.newDatabase();
        PersistenceAdapters.migrate(fresh.dataSource());
        PersistenceAdapters.migrate(fresh.dataSource());

        Jdbi jdbi = PersistenceAdapters.jdbi(fresh.dataSource());
        int rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history")
                .mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
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
                "orders_creation_key_unique");
    }

    private static List<String> tables(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .mapTo(String.class).list());
    }
}
