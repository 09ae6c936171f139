package com.quickeats.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.application.port.out.OrderPageRequest;
import com.quickeats.order.application.port.out.OrderPageRequest.Keyset;
import com.quickeats.order.domain.OrderStatus;
import com.quickeats.order.domain.RestaurantId;
import com.quickeats.order.domain.UserId;
import com.quickeats.order.domain.VisibilityScope;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What PostgreSQL really does for a page, on a table of 200,000 orders across 2,000 restaurants: every page
 * query, for every visibility scope and filter, first page and later ones, reads orders through an index, never
 * the whole table (no Seq Scan, no OFFSET), and touches a few hundred buffers at most where reading the table
 * takes thousands. Checked with the plan made for the actual values and with the generic plan a server-prepared
 * statement may switch to, both executed (EXPLAIN ANALYZE).
 *
 * <p>An owner's page walks the owner's own index ({@code orders.restaurant_owner_id}), once, whatever the number
 * of restaurants the owner has.
 *
 * <p>Where the matching orders are few (one restaurant's orders in one status, one customer's orders) PostgreSQL
 * rightly prefers a bitmap index scan and a sort of those few rows; the buffer bound is what makes sure that no
 * plan sorts a set that grows with the table.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageQueryPlanTest {
    private static final Logger LOG = LoggerFactory.getLogger(PageQueryPlanTest.class);
    private static final int ORDERS = 200_000;
    private static final Instant MIDDLE = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(ORDERS / 4);
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-z_]+)");
    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared(?: hit=(\\d+))?(?: read=(\\d+))?");
    /** Reading all orders takes about 5,000 buffers here; a page of 21 must stay far below. */
    private static final int MAX_BUFFERS = 250;

    private Store store;

    /** Skewed as a real order table is: most orders delivered, few awaiting anything. */
    @BeforeAll
    void fill(TestDatabase database) {
        store = Store.on(database, 2);
        store.direct.useHandle(h -> {
            h.execute("""
                    INSERT INTO restaurants (id, name, owner_id)
                    SELECT i, 'restaurant ' || i, 'owner-' || (i % 700) FROM generate_series(1, 2000) i""");
            h.execute("""
                    INSERT INTO orders (id, customer_id, restaurant_id, restaurant_owner_id, status, version,
                                        total_amount, delivery_address, cancelled_by, refund_due, cancelled_at,
                                        rider_id, creation_key, created_at, updated_at)
                    SELECT i, 'customer-' || (i / 7 %% 5000), 1 + (i / 100 %% 2000),
                           'owner-' || ((1 + (i / 100 %% 2000)) %% 700), s.status, 1, 18000, '서울시',
                           CASE WHEN s.status = 'cancelled' THEN 'customer' END,
                           CASE WHEN s.status = 'cancelled' THEN false END,
                           CASE WHEN s.status = 'cancelled' THEN t.at END,
                           CASE WHEN s.status IN ('in_transit', 'delivered') THEN 'rider-' || (i / 3 %% 300) END,
                           'key-' || i, t.at, t.at
                      FROM generate_series(1, %d) i
                     CROSS JOIN LATERAL (SELECT timestamptz '2026-01-01 00:00:00Z' + (i / 2) * interval '1 second'
                                                AS at) t
                     CROSS JOIN LATERAL (SELECT CASE WHEN i %% 100 < 2 THEN 'pending_payment'
                                                     WHEN i %% 100 < 4 THEN 'pending_acceptance'
                                                     WHEN i %% 100 < 6 THEN 'preparing'
                                                     WHEN i %% 100 < 8 THEN 'ready_for_pickup'
                                                     WHEN i %% 100 < 9 THEN 'in_transit'
                                                     WHEN i %% 100 < 12 THEN 'cancelled'
                                                     ELSE 'delivered' END AS status) s""".formatted(ORDERS));
            assertThat(h.createQuery("""
                    SELECT count(*) FROM orders o JOIN restaurants r ON r.id = o.restaurant_id
                     WHERE o.restaurant_owner_id <> r.owner_id""").mapTo(Long.class).one())
                    .as("orders whose owner is not their restaurant's").isZero();
            h.execute("ANALYZE");
        });
    }

    @AfterAll
    void close() {
        store.close();
    }

    static Stream<Arguments> pages() {
        List<Arguments> pages = new ArrayList<>();
        // Each scope with a restaurant it has orders of: customer-42 ordered from 353, owner-7 owns 7, 707 and
        // 1407, rider-5 carried orders of restaurant 1 and sees every order awaiting pickup.
        Map<VisibilityScope, RestaurantId> scopes = Map.of(
                new VisibilityScope.Everything(), RestaurantId.of(42),
                new VisibilityScope.PlacedBy(UserId.of("customer-42")), RestaurantId.of(353),
                new VisibilityScope.ForRestaurantsOf(UserId.of("owner-7")), RestaurantId.of(707),
                new VisibilityScope.RiddenByOrAwaitingPickup(UserId.of("rider-5")), RestaurantId.of(1));
        scopes.forEach((scope, restaurant) -> {
            for (Optional<OrderStatus> status : List.of(Optional.<OrderStatus>empty(),
                    Optional.of(OrderStatus.READY_FOR_PICKUP), Optional.of(OrderStatus.DELIVERED))) {
                for (Optional<RestaurantId> filter : List.of(Optional.<RestaurantId>empty(), Optional.of(restaurant))) {
                    for (Optional<Keyset> after : List.of(Optional.<Keyset>empty(),
                            Optional.of(new Keyset(MIDDLE, ORDERS / 2)))) {
                        pages.add(Arguments.of(new OrderPageRequest(scope, status, filter, after, 21)));
                    }
                }
            }
        });
        return pages.stream();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void aPageWalksIndexesWithTheActualValues(OrderPageRequest request) {
        PageQuery query = PageQuery.of(request);

        String plan = store.direct.withHandle(h -> String.join("\n",
                h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + query.sql())
                        .bindMap(query.parameters()).mapTo(String.class).list()));

        assertWalksIndexes(request, "custom plan", plan);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void aPageWalksIndexesWithTheGenericPlanToo(OrderPageRequest request) {
        PageQuery query = PageQuery.of(request);

        String plan = store.direct.withHandle(h -> genericPlan(h, query));

        assertWalksIndexes(request, "generic plan", plan);
    }

    /**
     * The service's driver prepares a statement on the server once it has run a few times, and PostgreSQL then
     * keeps one generic plan for it only if that plan looks no dearer than planning each page anew. A page whose
     * generic plan looks like reading a tenth of the matching orders is planned again on every request, and the
     * planning costs more than the page: so the repository's own statement, run as the service runs it, must
     * end up on its generic plan (which the test above shows walks indexes).
     */
    @ParameterizedTest
    @MethodSource("pages")
    void aPreparedPageIsPlannedOnceAndKept(OrderPageRequest request) {
        PageQuery query = PageQuery.of(request);
        String sql = query.sqlWithLines();

        List<Long> generic = store.direct.withHandle(h -> {
            for (int run = 0; run < 20; run++) {
                h.createQuery(sql).bindMap(query.parameters()).mapToMap().list();
            }
            return h.createQuery("SELECT generic_plans FROM pg_prepared_statements WHERE statement = :sql")
                    .bind("sql", numbered(sql)).mapTo(Long.class).list();
        });

        assertThat(generic).as("generic plans of the server-prepared page, %s", describe(request))
                .singleElement().satisfies(plans -> assertThat(plans).isPositive());
    }

    @Test
    void theBufferBoundTellsAFullReadOfTheTableApart() {
        String plan = store.direct.withHandle(h -> String.join("\n", h.createQuery(
                        "EXPLAIN (ANALYZE, BUFFERS) SELECT " + PageQuery.ORDER_COLUMNS
                                + " FROM orders o ORDER BY o.total_amount DESC, o.id DESC LIMIT 21")
                .mapTo(String.class).list()));

        assertThat(plan).contains("Seq Scan on orders");
        assertThat(buffers(plan)).isGreaterThan(MAX_BUFFERS * 10);
    }

    private static void assertWalksIndexes(OrderPageRequest request, String kind, String plan) {
        LOG.info("{} of {}:\n{}", kind, describe(request), plan);
        assertThat(PageQuery.of(request).sql()).doesNotContainIgnoringCase("offset");
        assertThat(plan).as(kind).doesNotContain("Seq Scan")
                .containsPattern("(Index|Index Only|Bitmap Index) Scan (Backward )?(using|on) orders_");
        assertThat(buffers(plan)).as(kind + ": buffers touched").isLessThan(MAX_BUFFERS);
        if (request.scope() instanceof VisibilityScope.ForRestaurantsOf) {
            // One walk of the owner's keyset index (or, filtered to one restaurant, of that restaurant's), not
            // one per restaurant of the owner.
            assertThat(plan).as(kind).doesNotContain(" on restaurants").doesNotContain("Nested Loop");
            assertThat(plan).as(kind).containsPattern(request.restaurantId().isEmpty()
                    ? "Scan (Backward )?(using|on) orders_restaurant_owner_(status_)?created_idx"
                    : "Scan (Backward )?(using|on) orders_restaurant_(owner_)?(status_)?created_idx");
        }
    }

    /** The buffers the whole statement touched: the first "Buffers:" line belongs to the top node. */
    private static int buffers(String plan) {
        Matcher matcher = BUFFERS.matcher(plan);
        assertThat(matcher.find()).as("EXPLAIN reports buffers").isTrue();
        int hit = matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1));
        int read = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
        return hit + read;
    }

    /** The statement as the driver sends it: each :name, in order, becomes the next $n. */
    private static String numbered(String sql) {
        Matcher matcher = PARAMETER.matcher(sql);
        StringBuilder numbered = new StringBuilder();
        int position = 0;
        while (matcher.find()) {
            matcher.appendReplacement(numbered, "\\$" + ++position);
        }
        return matcher.appendTail(numbered).toString();
    }

    /** PREPAREs the page query with typed $n parameters and EXPLAINs it as PostgreSQL would after switching. */
    private static String genericPlan(Handle h, PageQuery query) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(query.sql());
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!names.contains(name)) {
                names.add(name);
            }
            matcher.appendReplacement(sql, "\\$" + (names.indexOf(name) + 1));
        }
        matcher.appendTail(sql);
        List<String> types = names.stream().map(n -> sqlType(query.parameters().get(n))).toList();
        List<String> values = names.stream().map(n -> literal(query.parameters().get(n))).toList();
        h.execute("DEALLOCATE ALL");
        h.execute("SET plan_cache_mode = force_generic_plan");
        h.execute("PREPARE page" + inParentheses(types) + " AS " + sql);
        try {
            return String.join("\n", h.createQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE page" + inParentheses(values))
                    .mapTo(String.class).list());
        } finally {
            h.execute("DEALLOCATE page");
            h.execute("RESET plan_cache_mode");
        }
    }

    /** An admin's unfiltered page has no parameter: then PREPARE and EXECUTE take no parentheses. */
    private static String inParentheses(List<String> items) {
        return items.isEmpty() ? "" : " (" + String.join(", ", items) + ")";
    }

    private static String sqlType(Object value) {
        if (value instanceof Long) {
            return "bigint";
        } else if (value instanceof Integer) {
            return "integer";
        } else if (value instanceof Instant) {
            return "timestamptz";
        }
        return "text";
    }

    private static String literal(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    private static String describe(OrderPageRequest request) {
        return request.scope() + " status=" + request.status().map(OrderStatus::wireName).orElse("any")
                + " restaurant=" + request.restaurantId().map(RestaurantId::toString).orElse("any")
                + (request.after().isPresent() ? " after the middle" : " first page");
    }
}
