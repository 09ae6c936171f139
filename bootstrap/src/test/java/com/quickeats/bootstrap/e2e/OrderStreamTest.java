package com.quickeats.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.quickeats.bootstrap.e2e.EventStream.Event;
import com.quickeats.testing.postgres.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live feed over HTTP (contract §9): who sees what, refusals before the stream opens, the event's shape. */
class OrderStreamTest extends E2eTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String STREAM = "/api/v2/orders/stream";

    @Test
    void withoutAValidTokenTheStreamIsRefusedWith401BeforeItOpens() {
        Reply none = api.get(STREAM).send();
        Reply expired = api.get(STREAM).bearer(Tokens.expired("customer-1", "customer")).send();

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        assertThat(expired.status()).isEqualTo(401);
    }

    @Test
    void badFiltersAndEventIdsThisServiceDidNotIssueAre400BeforeTheStreamOpens() {
        Person admin = Person.admin();
        Shop.Order order = shop.place();
        String token;
        try (EventStream stream = EventStream.open(api.base(), STREAM, admin.token(), null)) {
            shop.pay(order);
            token = stream.take(1, PATIENCE).get(0).id();
        }
        String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(
                plain.replaceFirst("^e1\\.(\\d+)\\.", "e1.1$1.").getBytes(StandardCharsets.UTF_8));

        assertThat(api.get(STREAM + "?status=lost").as(admin).send().status()).isEqualTo(400);
        assertThat(api.get(STREAM + "?restaurant_id=abc").as(admin).send().status()).isEqualTo(400);
        Reply garbled = api.get(STREAM).as(admin).header("Last-Event-ID", "not-an-event-id").send();
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(new String(garbled.body(), StandardCharsets.UTF_8)).contains("last_event_id");
        assertThat(api.get(STREAM).as(admin).header("Last-Event-ID", edited).send().status()).isEqualTo(400);
        assertThat(api.get(STREAM + "?last_event_id=" + edited).as(admin).send().status()).isEqualTo(400);
        try (EventStream resumed = EventStream.open(api.base(), STREAM, admin.token(), token)) {
            assertThat(resumed.status()).isEqualTo(200);
        }
    }

    @Test
    void eachCallerSeesTheOrdersItMayReadAndARiderSeesAnOrderComeAndGo() {
        Shop.Restaurant restaurant = shop.restaurant();
        Person customer = Person.customer();
        Person stranger = Person.customer();
        Person carrier = Person.rider();
        Person otherRider = Person.rider();
        List<EventStream> streams = new ArrayList<>();
        EventStream ofCustomer = open(streams, STREAM, customer);
        EventStream ofStranger = open(streams, STREAM, stranger);
        EventStream ofOwner = open(streams, STREAM + "?restaurant_id=" + restaurant.id(), restaurant.owner());
        EventStream ofCarrier = open(streams, STREAM, carrier);
        EventStream ofOtherRider = open(streams, STREAM, otherRider);
        EventStream waitingForPickup = open(streams, STREAM + "?status=ready_for_pickup", otherRider);
        try {
            Shop.Order order = shop.place(customer, restaurant);
            order = shop.pay(order);
            order = shop.act(order, "acceptance", restaurant.owner());
            order = shop.act(order, "preparation-complete", restaurant.owner());
            order = shop.act(order, "pickup", carrier);
            shop.act(order, "delivery", carrier);
            Shop.Order strangers = shop.place(stranger, shop.restaurant());
            Shop.Order sentinel = shop.orderIn("ready_for_pickup");
            Shop.Order ownersSentinel = shop.place(Person.customer(), restaurant);

            long id = order.id();
            assertThat(types(ofCustomer, 6, id)).containsExactly("order_placed", "order_paid", "order_accepted",
                    "preparation_completed", "order_picked_up", "order_delivered");
            assertThat(types(ofOwner, 7, id)).containsExactly("order_placed", "order_paid", "order_accepted",
                    "preparation_completed", "order_picked_up", "order_delivered", "order_placed@" + ownersSentinel.id());
            assertThat(types(ofCarrier, 4, id)).containsExactly("preparation_completed", "order_picked_up",
                    "order_delivered", "preparation_completed@" + sentinel.id());
            assertThat(types(ofOtherRider, 3, id)).containsExactly("preparation_completed", "order_picked_up",
                    "preparation_completed@" + sentinel.id());
            assertThat(types(waitingForPickup, 3, id)).containsExactly("preparation_completed", "order_picked_up",
                    "preparation_completed@" + sentinel.id());
            assertThat(types(ofStranger, 1, id)).containsExactly("order_placed@" + strangers.id());
            assertThat(ofCustomer.rest()).isEmpty();
        } finally {
            streams.forEach(EventStream::close);
        }
    }

    @Test
    void anEventCarriesTheOrderExactlyAsGetReturnsItAtThatVersion() {
        Person customer = Person.customer();
        try (EventStream stream = EventStream.open(api.base(), STREAM, customer.token(), null)) {
            Shop.Order placed = shop.place(customer, shop.restaurant());
            Shop.Order paid = shop.pay(placed);

            List<Event> events = stream.take(2, PATIENCE);
            assertThat(events.get(0).data().get("order")).isEqualTo(placed.body());
            assertThat(events.get(1).data().get("order")).isEqualTo(paid.body());
            Event payment = events.get(1);
            assertThat(payment.type()).isEqualTo("order_paid");
            assertThat(payment.orderId()).isEqualTo(placed.id());
            assertThat(payment.version()).isEqualTo(2);
            assertThat(payment.data().get("type").asText()).isEqualTo("order_paid");
            assertThat(payment.data().get("actor").asText()).isEqualTo(customer.sub());
            assertThat(payment.data().get("occurred_at").asText()).isEqualTo(paid.body().get("updated_at").asText());
        }
    }

    @Test
    void stoppingTheServiceEndsOpenStreams(TestDatabase database) throws Exception {
        // Its own service: this test stops it.
        E2eServer own = E2eServer.start(database);
        try (EventStream stream = EventStream.open(own.api().base(), STREAM, Person.admin().token(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            own.close();
            stream.ended().get(10, TimeUnit.SECONDS);
        }
    }

    private EventStream open(List<EventStream> streams, String pathAndQuery, Person person) {
        EventStream stream = EventStream.open(api.base(), pathAndQuery, person.token(), null);
        assertThat(stream.status()).isEqualTo(200);
        streams.add(stream);
        return stream;
    }

    /** The next {@code count} events' types, with "@id" appended for an order other than {@code id}. */
    private static List<String> types(EventStream stream, int count, long id) {
        return stream.take(count, PATIENCE).stream()
                .map(e -> e.orderId() == id ? e.type() : e.type() + "@" + e.orderId()).toList();
    }
}
