package com.quickeats.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.order.application.UseCases;
import com.quickeats.order.application.port.in.ListOrdersQuery;
import com.quickeats.order.application.port.in.OrderPage;
import com.quickeats.order.application.port.out.OrderPageRequest;
import com.quickeats.order.application.port.out.OrderPageRequest.Keyset;
import com.quickeats.order.domain.AccessPolicy;
import com.quickeats.order.domain.Actor;
import com.quickeats.order.domain.Order;
import com.quickeats.order.domain.Role;
import com.quickeats.testing.postgres.TestDatabase;
import com.quickeats.testing.postgres.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 3 in numbers: a page of the order list costs the same at 10,000 and at 1,000,000 orders (keyset
 * pagination, no OFFSET). Not part of the normal build (surefire includes *Test, *Tests, *Properties); run with
 * <pre>
 * mvn -B -ntp -o test -pl adapter-persistence -Dtest=ListPageBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Two databases on the one test server, filled by the same formula ({@code generate_series}), so that the
 * 10k table is exactly the first 10,000 orders of the 1M one: 2,000 restaurants, 5,000 ordinary customers, 300
 * ordinary riders, statuses skewed as in {@link PageQueryPlanTest} (most delivered), 1-3 lines per order, and for
 * each scope one busy actor who sees more than 50 pages even at 10k (that is the worst case for a page: the most
 * matching orders). Each page is fetched through the real use case ({@code OrderQueries.list} on the real
 * adapters: the page query with its lines, then its restaurants, no transaction), first with warm-up calls, then
 * measured calls alternating between the two sizes so that drift of a noisy machine hits both alike.
 *
 * <p>Besides the latencies it prints, per page, what explains them: the buffers and the orders read by each
 * statement (EXPLAIN (ANALYZE, BUFFERS) with the values the page bound), planning and execution time, and whether
 * PostgreSQL's plan cache settled on a generic plan or plans anew at every call, which can differ between the two
 * sizes; a second, shorter series with {@code plan_cache_mode = force_custom_plan} at both sizes takes that
 * difference out. Every plan is written to {@code target/list-page-benchmark-plans.txt}.
 *
 * <p>Makes no timing assertion. It asserts only that pages are full (non-empty for an ordinary customer or owner
 * at 10k), that the deep page is older than the first, that the statement the repository ran is
 * {@link PageQuery}'s, and that no plan has a Seq Scan (of orders, lines or restaurants).
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPageBenchmark {
    private static final int SMALL = 10_000;
    private static final int LARGE = 1_000_000;
    private static final int CHUNK = 100_000;
    private static final int LIMIT = 20;
    /** The deep page is the one after walking this many pages with the cursor. */
    private static final int DEEP = 50;
    private static final int WARM_UP = 200;
    private static final int MEASURED = 1_000;

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-z_]+)");
    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared(?: hit=(\\d+))?(?: read=(\\d+))?");
    private static final Pattern PLANNING = Pattern.compile("Planning Time: ([0-9.]+) ms");
    private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");
    /** A scan node on orders, with how many rows it returned per loop and how many loops it ran. */
    private static final Pattern ORDERS_SCAN = Pattern.compile(
            "(?:Index Scan|Index Only Scan|Bitmap Heap Scan)(?: Backward)?(?: using \\S+)? on orders .*"
                    + "actual time=[0-9.]+\\.\\.[0-9.]+ rows=(\\d+) loops=(\\d+)");
    private static final Path PLANS_FILE = Path.of("target", "list-page-benchmark-plans.txt");

    /** A non-negative pseudo-random number for order {@code i}, independent for each {@code seed}. */
    private static String hash(int seed) {
        return "(hashint8extended(i, " + seed + ") & 2147483647)";
    }

    /** Lines of order i: 1-3 of them; line k's price and quantity, shared by the orders' total and the lines. */
    private static final String LINE_COUNT = "(1 + " + hash(4) + " % 3)";
    private static final String UNIT_PRICE = "(3000 + 500 * ((i + k) % 20))";
    private static final String QUANTITY = "(1 + (i + k) % 3)";

    private static final String INSERT_RESTAURANTS = """
            INSERT INTO restaurants (id, name, owner_id)
            SELECT r, 'restaurant ' || r, CASE WHEN r % 8 = 0 THEN 'owner-chain' ELSE 'owner-' || (r % 700) END
              FROM generate_series(1, 2000) r""";

    /**
     * Orders from..to, two per second. Status by i % 100 (2% each of the four open statuses, 1% in transit, 3%
     * cancelled, 88% delivered); paid unless awaiting payment or cancelled (never paid); in transit and delivered
     * ones have a rider. customer-vip places 12% of all orders, the others come from 5,000 customers; owner-chain
     * owns every eighth restaurant (12.5% of the orders); rider-busy carries one in eight of the ridden orders.
     */
    private static final String INSERT_ORDERS = """
            INSERT INTO orders (id, customer_id, restaurant_id, restaurant_owner_id, status, version, total_amount,
                                delivery_address, payment_method, payment_amount, paid_at, cancellation_reason,
                                cancelled_by, refund_due, cancelled_at, rider_id, creation_key, created_at, updated_at)
            SELECT i,
                   CASE WHEN H1 % 100 < 12 THEN 'customer-vip' ELSE 'customer-' || (H1 / 100 % 5000) END,
                   r.id, r.owner_id,
                   s.status, s.version, l.total, '서울시 강남구 테헤란로 ' || (1 + i % 500),
                   CASE WHEN s.paid THEN 'card' END,
                   CASE WHEN s.paid THEN l.total END,
                   CASE WHEN s.paid THEN t.at + interval '1 minute' END,
                   CASE WHEN s.status = 'cancelled' THEN 'changed my mind' END,
                   CASE WHEN s.status = 'cancelled' THEN 'customer' END,
                   CASE WHEN s.status = 'cancelled' THEN false END,
                   CASE WHEN s.status = 'cancelled' THEN t.at + interval '2 minutes' END,
                   CASE WHEN s.status IN ('in_transit', 'delivered')
                        THEN CASE WHEN H3 % 8 = 0 THEN 'rider-busy' ELSE 'rider-' || (H3 / 8 % 300) END END,
                   'key-' || i, t.at, t.at + s.version * interval '5 minutes'
              FROM generate_series(CAST(:from AS bigint), CAST(:to AS bigint)) i
             CROSS JOIN LATERAL (SELECT id, owner_id FROM restaurants WHERE id = 1 + H2 % 2000) r
             CROSS JOIN LATERAL (SELECT timestamptz '2026-01-01 00:00:00Z' + (i / 2) * interval '1 second' AS at) t
             CROSS JOIN LATERAL (SELECT CASE WHEN i % 100 < 2 THEN 'pending_payment'
                                             WHEN i % 100 < 4 THEN 'pending_acceptance'
                                             WHEN i % 100 < 6 THEN 'preparing'
                                             WHEN i % 100 < 8 THEN 'ready_for_pickup'
                                             WHEN i % 100 < 9 THEN 'in_transit'
                                             WHEN i % 100 < 12 THEN 'cancelled'
                                             ELSE 'delivered' END AS status) s0
             CROSS JOIN LATERAL (SELECT s0.status,
                                        CASE s0.status WHEN 'pending_payment' THEN 1 WHEN 'pending_acceptance' THEN 2
                                                       WHEN 'preparing' THEN 3 WHEN 'ready_for_pickup' THEN 4
                                                       WHEN 'in_transit' THEN 5 WHEN 'delivered' THEN 6
                                                       ELSE 2 END AS version,
                                        s0.status NOT IN ('pending_payment', 'cancelled') AS paid) s
             CROSS JOIN LATERAL (SELECT sum(UNIT_PRICE * QUANTITY) AS total
                                   FROM generate_series(1, LINE_COUNT) k) l"""
            .replace("H1", hash(1)).replace("H2", hash(2)).replace("H3", hash(3))
            .replace("UNIT_PRICE", UNIT_PRICE).replace("QUANTITY", QUANTITY).replace("LINE_COUNT", LINE_COUNT);

    private static final String INSERT_LINES = """
            INSERT INTO order_lines (order_id, line_no, menu_item_id, name, unit_price, quantity)
            SELECT i, k, 1 + 20 * (H2 % 2000) + (i + k) % 20, 'menu item ' || (1 + (i + k) % 20), UNIT_PRICE, QUANTITY
              FROM generate_series(CAST(:from AS bigint), CAST(:to AS bigint)) i
             CROSS JOIN LATERAL generate_series(1, LINE_COUNT) k"""
            .replace("H2", hash(2))
            .replace("UNIT_PRICE", UNIT_PRICE).replace("QUANTITY", QUANTITY).replace("LINE_COUNT", LINE_COUNT);

    private Fixture small;
    private Fixture large;
    private long started;

    /** One database of a given size: its store (adapters, pool, statement counter) and the use cases on it. */
    private record Fixture(String name, int orders, Store store, UseCases useCases, List<String> captured) {
        OrderPage list(Actor actor, ListOrdersQuery query) {
            return useCases.orderQueries().list(actor, query);
        }
    }

    /** What is measured: a caller's first page, or the page after walking {@code depth} pages. */
    private record Scenario(String label, Actor actor, int depth, boolean full) {
    }

    /** A scenario made concrete on one fixture: the query that fetches the page, and the request it becomes. */
    private record Prepared(ListOrdersQuery query, OrderPageRequest request, OrderPage page) {
    }

    @BeforeAll
    void fill(TestDatabase database) {
        started = System.nanoTime();
        small = fixture("10k", SMALL, database);
        large = fixture("1M", LARGE, database.newDatabase());
        print("filled both databases in %.1f s", seconds(started));
    }

    @AfterAll
    void close() {
        if (small != null) {
            small.store().close();
        }
        if (large != null) {
            large.store().close();
        }
        print("total benchmark time (fill + measure): %.1f s", seconds(started));
    }

    @Test
    void aPageCostsTheSameAt10kAnd1MOrders() throws IOException {
        String typicalCustomer = small.store().direct.withHandle(h -> h.createQuery(
                "SELECT customer_id FROM orders WHERE customer_id <> 'customer-vip' ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).one());
        List<Scenario> scenarios = new ArrayList<>();
        for (Actor actor : List.of(Actor.of("admin-1", Role.ADMIN), Actor.of("customer-vip", Role.CUSTOMER),
                Actor.of("owner-chain", Role.RESTAURANT_OWNER), Actor.of("rider-busy", Role.RIDER))) {
            scenarios.add(new Scenario(label(actor) + " first", actor, 0, true));
            scenarios.add(new Scenario(label(actor) + " page " + (DEEP + 1), actor, DEEP, true));
        }
        // Ordinary callers, first page only: at 10k an ordinary customer or owner has a few orders, not a page.
        for (Actor actor : List.of(Actor.of(typicalCustomer, Role.CUSTOMER),
                Actor.of("owner-7", Role.RESTAURANT_OWNER), Actor.of("rider-5", Role.RIDER))) {
            scenarios.add(new Scenario(label(actor) + " first", actor, 0, false));
        }

        List<String> latencies = new ArrayList<>();
        List<String> explanations = new ArrayList<>();
        StringBuilder plans = new StringBuilder();
        String shownPlans = "";
        for (Scenario scenario : scenarios) {
            Prepared atSmall = prepare(small, scenario);
            Prepared atLarge = prepare(large, scenario);
            int statementsSmall = statements(small, scenario, atSmall);
            int statementsLarge = statements(large, scenario, atLarge);
            Explained explainedSmall = explain(small, scenario, atSmall);
            Explained explainedLarge = explain(large, scenario, atLarge);
            plans.append(explainedSmall.plans()).append(explainedLarge.plans());
            if (scenario.actor().role() == Role.ADMIN && scenario.depth() == DEEP) {
                shownPlans = explainedSmall.plans() + explainedLarge.plans();
            }

            forgetPreparedStatements(small);
            forgetPreparedStatements(large);
            long[][] nanos = measure(scenario, atSmall, atLarge, WARM_UP, MEASURED);
            String planCacheSmall = planCache(small);
            String planCacheLarge = planCache(large);
            // The control: both sizes planned anew at every call, so that the plan cache's choice is no difference.
            setPlanCacheMode("force_custom_plan");
            long[][] customNanos = measure(scenario, atSmall, atLarge, WARM_UP / 4, MEASURED / 2);
            setPlanCacheMode("auto");
            double smallMedian = millis(percentile(nanos[0], 50));
            double smallP95 = millis(percentile(nanos[0], 95));
            double largeMedian = millis(percentile(nanos[1], 50));
            double largeP95 = millis(percentile(nanos[1], 95));
            double smallCustom = millis(percentile(customNanos[0], 50));
            double largeCustom = millis(percentile(customNanos[1], 50));
            latencies.add(String.format(Locale.ROOT,
                    "| %-29s | %3d %3d | %6.3f %6.3f | %6.3f %6.3f | %5.2f %5.2f | %3d %3d | %5d %5d | %5.2f "
                            + "| %6.3f %6.3f %5.2f |",
                    scenario.label(), atSmall.page().orders().size(), atLarge.page().orders().size(),
                    smallMedian, smallP95, largeMedian, largeP95, largeMedian / smallMedian, largeP95 / smallP95,
                    statementsSmall, statementsLarge, explainedSmall.totalBuffers(), explainedLarge.totalBuffers(),
                    (double) explainedLarge.totalBuffers() / explainedSmall.totalBuffers(),
                    smallCustom, largeCustom, largeCustom / smallCustom));
            explanations.add(String.format(Locale.ROOT,
                    "| %-29s | %-16s | %-16s | %6d %6d | %5.3f %5.3f | %5.3f %5.3f | %-7s %-7s |",
                    scenario.label(), explainedSmall.bufferParts(), explainedLarge.bufferParts(),
                    explainedSmall.ordersRead(), explainedLarge.ordersRead(),
                    explainedSmall.planningMillis(), explainedLarge.planningMillis(),
                    explainedSmall.executionMillis(), explainedLarge.executionMillis(),
                    planCacheSmall, planCacheLarge));
            print("measured %s (%.1f s so far)", scenario.label(), seconds(started));
        }

        StringBuilder out = new StringBuilder("\n");
        out.append(environment()).append("\n\n");
        out.append("Latency of one OrderQueries.list call (its transaction, the page query, the lines, the restaurants),"
                + " limit ").append(LIMIT).append(", ").append(WARM_UP).append(" warm-up + ").append(MEASURED)
                .append(" measured calls per size, sizes alternating;\nbuffers = shared hit+read of the page's")
                .append(" statements, from EXPLAIN (ANALYZE, BUFFERS) of each with the values that page bound;\n")
                .append("custom plans forced = median of ").append(MEASURED / 2).append(" more calls per size with")
                .append(" plan_cache_mode = force_custom_plan at both sizes (see the plan cache column below).\n");
        table(out, List.of(
                        row("%-29s", "page", "%-7s", "rows", "%-13s", "10k ms", "%-13s", "1M ms", "%-11s", "1M/10k",
                                "%-7s", "stmts", "%-11s", "buffers", "%-5s", "bufs", "%-19s", "custom plans forced"),
                        row("%-29s", "", "%-7s", "10k  1M", "%-13s", "median   p95", "%-13s", "median   p95",
                                "%-11s", "  med   p95", "%-7s", "10k  1M", "%-11s", "  10k    1M", "%-5s", "ratio",
                                "%-19s", "   10k     1M ratio")),
                latencies);
        out.append("\nWhere it goes: buffers per statement (page query + lines + restaurants), orders the page query"
                + " read (rows x loops of its scans on orders), its planning and execution time from EXPLAIN ANALYZE"
                + " (custom plan),\nand the plan PostgreSQL's plan cache settled on for the page query during the"
                + " measured calls (a custom plan is planned anew at every call).\n");
        table(out, List.of(
                        row("%-29s", "page", "%-16s", "buffers 10k", "%-16s", "buffers 1M", "%-13s", "orders read",
                                "%-11s", "plan ms", "%-11s", "exec ms", "%-15s", "plan cache"),
                        row("%-29s", "", "%-16s", "page+lines+rest", "%-16s", "page+lines+rest", "%-13s",
                                "   10k     1M", "%-11s", "  10k    1M", "%-11s", "  10k    1M", "%-15s",
                                "10k     1M")),
                explanations);
        for (Scenario scenario : scenarios) {
            if (scenario.actor().role() == Role.RESTAURANT_OWNER && scenario.depth() == 0) {
                long restaurants = large.store().count("SELECT count(*) FROM restaurants WHERE owner_id = ?",
                        scenario.actor().id().value());
                out.append(String.format(Locale.ROOT, "%s owns %d restaurants: its page query walks one index"
                                + " (orders.restaurant_owner_id) and reads at most %d orders, however many"
                                + " restaurants and orders there are.%n",
                        scenario.actor().id().value(), restaurants, LIMIT + 1));
            }
        }
        out.append("\nPlans of one page (admin, page ").append(DEEP + 1).append(") at each size; every plan is in ")
                .append(PLANS_FILE).append("\n").append(shownPlans);
        Files.createDirectories(PLANS_FILE.getParent());
        Files.writeString(PLANS_FILE, plans);
        System.out.println(out);
        System.out.flush();
    }

    /**
     * Warm-up calls, then measured calls alternating between the sizes (which goes first alternates too).
     *
     * @return the sorted durations in nanoseconds at 10k, then at 1M
     */
    private long[][] measure(Scenario scenario, Prepared atSmall, Prepared atLarge, int warmUp, int measured) {
        for (int i = 0; i < warmUp; i++) {
            small.list(scenario.actor(), atSmall.query());
            large.list(scenario.actor(), atLarge.query());
        }
        long[] smallNanos = new long[measured];
        long[] largeNanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            if (i % 2 == 0) {
                smallNanos[i] = timed(small, scenario, atSmall);
                largeNanos[i] = timed(large, scenario, atLarge);
            } else {
                largeNanos[i] = timed(large, scenario, atLarge);
                smallNanos[i] = timed(small, scenario, atSmall);
            }
        }
        Arrays.sort(smallNanos);
        Arrays.sort(largeNanos);
        return new long[][] {smallNanos, largeNanos};
    }

    /** For the one connection of each fixture, which the adapters use too. */
    private void setPlanCacheMode(String mode) {
        for (Fixture fixture : List.of(small, large)) {
            fixture.store().direct.useHandle(h -> h.execute("SET plan_cache_mode = " + mode));
        }
    }

    private static String label(Actor actor) {
        String role = switch (actor.role()) {
            case ADMIN -> "admin";
            case CUSTOMER -> "customer";
            case RESTAURANT_OWNER -> "owner";
            case RIDER -> "rider";
        };
        return role + " " + actor.id().value();
    }

    private static String row(String... formatsAndCells) {
        StringBuilder row = new StringBuilder("|");
        for (int i = 0; i < formatsAndCells.length; i += 2) {
            row.append(' ').append(String.format(Locale.ROOT, formatsAndCells[i], formatsAndCells[i + 1])).append(" |");
        }
        return row.toString();
    }

    private static void table(StringBuilder out, List<String> header, List<String> rows) {
        String rule = header.get(0).replaceAll("[^|]", "-");
        out.append(rule).append("\n");
        header.forEach(line -> out.append(line).append("\n"));
        out.append(rule).append("\n");
        rows.forEach(line -> out.append(line).append("\n"));
        out.append(rule).append("\n");
    }

    /** Starts the plan cache of the fixture's one connection afresh, so that {@link #planCache} tells this page. */
    private static void forgetPreparedStatements(Fixture fixture) {
        fixture.store().direct.useHandle(h -> h.execute("DEALLOCATE ALL"));
    }

    /** Whether the page query ran with PostgreSQL's generic plan or a custom plan for most of its calls. */
    private static String planCache(Fixture fixture) {
        return fixture.store().direct.withHandle(h -> h.createQuery("""
                        SELECT CASE WHEN generic_plans > custom_plans THEN 'generic' ELSE 'custom' END
                          FROM pg_prepared_statements
                         WHERE statement LIKE 'SELECT p.*, l.line_no,%'
                         ORDER BY generic_plans + custom_plans DESC LIMIT 1""")
                .mapTo(String.class).findOne().orElse("?"));
    }

    private Fixture fixture(String name, int orders, TestDatabase database) {
        // One connection: the benchmark is single-threaded, and every prepared statement is on it.
        Store store = Store.on(database, 1);
        List<String> captured = new CopyOnWriteArrayList<>();
        SqlStatements config = store.adapters.jdbi().getConfig(SqlStatements.class);
        SqlLogger counting = config.getSqlLogger();
        config.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                counting.logBeforeExecution(context);
                captured.add(context.getRenderedSql());
            }

            @Override
            public void logAfterExecution(StatementContext context) {
                counting.logAfterExecution(context);
            }
        });
        long begin = System.nanoTime();
        store.direct.useHandle(h -> {
            h.execute(INSERT_RESTAURANTS);
            for (int from = 1; from <= orders; from += CHUNK) {
                int to = Math.min(orders, from + CHUNK - 1);
                h.createUpdate(INSERT_ORDERS).bind("from", from).bind("to", to).execute();
                int lines = h.createUpdate(INSERT_LINES).bind("from", from).bind("to", to).execute();
                print("%s: %,d / %,d orders (+%,d lines) after %.1f s", name, to, orders, lines, seconds(begin));
            }
            h.execute("VACUUM (ANALYZE) restaurants, orders, order_lines");
        });
        long count = store.count("SELECT count(*) FROM orders");
        assertThat(count).isEqualTo(orders);
        long mismatched = store.count("""
                SELECT count(*) FROM orders o
                 WHERE o.total_amount <> (SELECT sum(unit_price * quantity) FROM order_lines l WHERE l.order_id = o.id)""");
        assertThat(mismatched).as("orders whose total is not the sum of their lines").isZero();
        long misowned = store.count("""
                SELECT count(*) FROM orders o JOIN restaurants r ON r.id = o.restaurant_id
                 WHERE o.restaurant_owner_id <> r.owner_id""");
        assertThat(misowned).as("orders whose owner is not their restaurant's").isZero();
        print("%s: filled, vacuumed and analyzed in %.1f s", name, seconds(begin));
        UseCases useCases = UseCases.wire(store.adapters.orderRepository(), store.adapters.restaurantCatalog(),
                store.adapters.idempotencyStore(), store.adapters.transactionRunner(), Clock.systemUTC(),
                Duration.ofHours(24));
        return new Fixture(name, orders, store, useCases, captured);
    }

    /** Walks to the scenario's page with the cursor, as a client would, and checks it is a full page. */
    private static Prepared prepare(Fixture fixture, Scenario scenario) {
        Optional<String> cursor = Optional.empty();
        Optional<Keyset> after = Optional.empty();
        OrderPage page = fixture.list(scenario.actor(), query(cursor));
        for (int i = 0; i < scenario.depth(); i++) {
            assertThat(page.nextCursor()).as("%s at %s: page %d has a next one", scenario.label(), fixture.name(),
                    i + 1).isPresent();
            Order last = page.orders().get(page.orders().size() - 1);
            after = Optional.of(new Keyset(last.createdAt(), last.id().value()));
            cursor = page.nextCursor();
            page = fixture.list(scenario.actor(), query(cursor));
        }
        assertThat(page.orders()).as("%s at %s", scenario.label(), fixture.name()).isNotEmpty();
        if (scenario.full()) {
            assertThat(page.orders()).as("%s at %s: a full page", scenario.label(), fixture.name()).hasSize(LIMIT);
        }
        if (scenario.depth() > 0) {
            OrderPage first = fixture.list(scenario.actor(), query(Optional.empty()));
            assertThat(page.orders().get(0).createdAt()).as("the deep page is older than the first")
                    .isBefore(first.orders().get(LIMIT - 1).createdAt());
        }
        OrderPageRequest request = new OrderPageRequest(AccessPolicy.visibleTo(scenario.actor()), Optional.empty(),
                Optional.empty(), after, LIMIT + 1);
        return new Prepared(query(cursor), request, page);
    }

    private static ListOrdersQuery query(Optional<String> cursor) {
        return new ListOrdersQuery(Optional.empty(), Optional.empty(), LIMIT, cursor);
    }

    private static long timed(Fixture fixture, Scenario scenario, Prepared prepared) {
        long begin = System.nanoTime();
        OrderPage page = fixture.list(scenario.actor(), prepared.query());
        long elapsed = System.nanoTime() - begin;
        if (page.orders().size() != prepared.page().orders().size()) {
            throw new AssertionError(scenario.label() + " at " + fixture.name() + ": page changed size");
        }
        return elapsed;
    }

    /** How many statements one page takes, and which: captured for {@link #explain}. */
    private static int statements(Fixture fixture, Scenario scenario, Prepared prepared) {
        fixture.captured().clear();
        int before = fixture.store().statementCount();
        fixture.list(scenario.actor(), prepared.query());
        return fixture.store().statementCount() - before;
    }

    /** The EXPLAIN of one page: buffers of each statement, all plans, and figures of the page query's plan. */
    private record Explained(List<Integer> buffers, String plans, long ordersRead, double planningMillis,
                             double executionMillis) {
        int totalBuffers() {
            return buffers.stream().mapToInt(Integer::intValue).sum();
        }

        String bufferParts() {
            return String.join("+", buffers.stream().map(String::valueOf).toList());
        }
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of each statement the last {@link #statements} call ran, with the values that
     * call bound: the page query's own parameters (checked against {@link PageQuery}), the ids of the orders it
     * returns, the restaurants of the page.
     */
    private static Explained explain(Fixture fixture, Scenario scenario, Prepared prepared) {
        List<String> sqls = List.copyOf(fixture.captured());
        PageQuery pageQuery = PageQuery.of(prepared.request());
        assertThat(sqls).as("the statements of one page").hasSizeGreaterThanOrEqualTo(1);
        assertThat(sqls.get(0)).as("the page query the repository ran").isEqualTo(pageQuery.sqlWithLines());
        assertThat(pageQuery.sql()).doesNotContainIgnoringCase("offset");
        return fixture.store().direct.withHandle(h -> {
            List<Long> orderIds = bind(h.createQuery(pageQuery.sql()), pageQuery.sql(), pageQuery.parameters())
                    .map((rs, ctx) -> rs.getLong("id")).list();
            Long[] restaurantIds = new LinkedHashSet<>(prepared.page().orders().stream()
                    .map(o -> o.restaurantId().value()).toList()).toArray(Long[]::new);
            List<Integer> buffers = new ArrayList<>();
            StringBuilder plans = new StringBuilder();
            String pagePlan = null;
            for (String sql : sqls) {
                Map<String, Object> values = new LinkedHashMap<>(pageQuery.parameters());
                values.put("order_ids", orderIds.toArray(Long[]::new));
                values.put("ids", restaurantIds);
                String plan = String.join("\n", bind(h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql), sql, values)
                        .mapTo(String.class).list());
                assertThat(plan).as("%s at %s: %s", scenario.label(), fixture.name(), sql)
                        .doesNotContain("Seq Scan");
                buffers.add(buffers(plan));
                if (pagePlan == null) {
                    pagePlan = plan;
                }
                plans.append("-- ").append(scenario.label()).append(" at ").append(fixture.name()).append(": ")
                        .append(sql).append("\n").append(plan).append("\n");
            }
            return new Explained(buffers, plans.toString(), ordersRead(pagePlan), millis(pagePlan, PLANNING),
                    millis(pagePlan, EXECUTION));
        });
    }

    private static Query bind(Query query, String sql, Map<String, Object> values) {
        Matcher matcher = PARAMETER.matcher(sql);
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value = values.get(name);
            assertThat(value).as("a value for :%s in %s", name, sql).isNotNull();
            if (value instanceof Long[] array) {
                query.bindArray(name, Long.class, (Object[]) array);
            } else {
                query.bind(name, value);
            }
        }
        return query;
    }

    /** The buffers the whole statement touched: the first "Buffers:" line belongs to the top node. */
    private static int buffers(String plan) {
        Matcher matcher = BUFFERS.matcher(plan);
        assertThat(matcher.find()).as("EXPLAIN reports buffers").isTrue();
        int hit = matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1));
        int read = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
        return hit + read;
    }

    /** How many orders the scans on {@code orders} returned in all: rows per loop times loops. */
    private static long ordersRead(String plan) {
        Matcher matcher = ORDERS_SCAN.matcher(plan);
        long read = 0;
        while (matcher.find()) {
            read += Long.parseLong(matcher.group(1)) * Long.parseLong(matcher.group(2));
        }
        return read;
    }

    private static double millis(String plan, Pattern time) {
        Matcher matcher = time.matcher(plan);
        assertThat(matcher.find()).as("EXPLAIN ANALYZE reports %s", time.pattern()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private String environment() {
        return small.store().direct.withHandle(h -> {
            String version = h.createQuery("SHOW server_version").mapTo(String.class).one();
            return "PostgreSQL " + version + ", " + Runtime.getRuntime().availableProcessors() + " cores; "
                    + describe(small) + "; " + describe(large);
        });
    }

    private static String describe(Fixture fixture) {
        return fixture.store().direct.withHandle(h -> fixture.name() + " = " + h.createQuery("""
                        SELECT to_char((SELECT count(*) FROM orders), 'FM9,999,999') || ' orders, '
                               || to_char((SELECT count(*) FROM order_lines), 'FM9,999,999') || ' lines, orders table '
                               || pg_size_pretty(pg_table_size('orders')) || ' + indexes '
                               || pg_size_pretty(pg_indexes_size('orders'))""")
                .mapTo(String.class).one());
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000.0;
    }

    private static void print(String format, Object... arguments) {
        System.out.println("[ListPageBenchmark] " + String.format(Locale.ROOT, format, arguments));
        System.out.flush();
    }
}
