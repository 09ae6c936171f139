package com.quickeats.adapter.persistence;

import static com.quickeats.order.domain.testing.RestaurantBuilder.aRestaurant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.port.out.StorageUnavailableException;
import com.quickeats.order.domain.Restaurant;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@WithPostgres
class DatabaseTest {

    @Test
    void openingADatabaseMigratesItAndGivesWorkingAdapters(TestDatabase database) {
        DatabaseSettings settings = new DatabaseSettings(database.jdbcUrl(), database.user(), database.password(), 3,
                Duration.ofSeconds(2));

        try (Database opened = Database.open(settings, new MinimalPayloads())) {
            Restaurant restaurant = aRestaurant().build();
            opened.adapters().restaurantCatalog().add(restaurant);

            assertThat(opened.adapters().restaurantCatalog().find(restaurant.id())).contains(restaurant);
            assertThat(opened.isHealthy()).isTrue();
            assertThat(opened.poolUsage().max()).isEqualTo(3);
            assertThat(opened.poolUsage().active()).isZero();
            int activeInside = opened.adapters().transactionRunner().inTransaction(() -> opened.poolUsage().active());
            assertThat(activeInside).isEqualTo(1);
        }
    }

    @Test
    void anUnreachableDatabaseIsReportedUnavailable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + port + "/quickeats",
                "nobody", "secret", 2, Duration.ofMillis(500));

        assertThatThrownBy(() -> Database.open(settings, new MinimalPayloads())).isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void settingsAreCheckedAndNeverShowThePassword() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:mysql://x/y", "u", "p", 2, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://x/y", "u", "p", 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://x/y", "u", "p", 2, Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new DatabaseSettings("jdbc:postgresql://x/y", "u", "hunter2", 2, Duration.ofSeconds(1)).toString())
                .doesNotContain("hunter2");
    }
}
