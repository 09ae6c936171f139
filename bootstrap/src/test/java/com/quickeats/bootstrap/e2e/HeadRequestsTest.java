package com.quickeats.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HEAD answers exactly as GET would, without the body (RFC 9110 §9.3.2): the same status, the same headers
 * (ETag, Content-Type, Content-Length, WWW-Authenticate), the same 304 — the GET handler runs for it.
 */
class HeadRequestsTest extends E2eTest {

    @Test
    void headOfAnOrderIsItsGetWithoutTheBody() {
        Shop.Order order = shop.place();
        String path = "/api/v2/orders/" + order.id();
        Reply get = api.get(path).as(order.customer()).send();
        Reply head = api.method("HEAD", path).as(order.customer()).send();

        assertSameAsGet(head, get);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.etag()).isEqualTo(order.etag());
        assertThat(head.contentType()).isEqualTo("application/json");

        Reply notModified = api.method("HEAD", path).as(order.customer()).header("If-None-Match", order.etag()).send();
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.etag()).isEqualTo(order.etag());
    }

    @Test
    void headIsRefusedWhereGetIsRefused() {
        Shop.Order order = shop.place();
        Reply anonymous = api.method("HEAD", "/api/v2/orders/" + order.id()).send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
        assertThat(anonymous.body()).isEmpty();

        for (String path : List.of("/api/v2/orders/99999", "/api/v2/orders/abc", "/api/v2/restaurants/abc",
                "/api/v2/orders/" + order.id() + "/events/")) {
            Reply get = api.get(path).as(Person.customer()).send();
            Reply head = api.method("HEAD", path).as(Person.customer()).send();
            assertThat(head.status()).as(path).isEqualTo(404);
            assertSameAsGet(head, get);
        }

        Reply onlyPost = api.method("HEAD", "/api/v2/orders/" + order.id() + "/payment").send();
        assertThat(onlyPost.status()).isEqualTo(405);
        assertThat(onlyPost.header("Allow")).isEqualTo("POST");
    }

    @Test
    void everyGetRouteOfTheApiAnswersHead() {
        Shop.Order order = shop.place();
        Shop.Restaurant restaurant = order.restaurant();
        for (String path : List.of("/api/v2/orders", "/api/v2/orders/" + order.id() + "/events",
                "/api/v2/restaurants", "/api/v2/restaurants/" + restaurant.id(),
                "/api/v2/restaurants/" + restaurant.id() + "/menu-items/" + restaurant.chickenId(),
                "/problems/not-found")) {
            Reply get = api.get(path).as(order.customer()).send();
            Reply head = api.method("HEAD", path).as(order.customer()).send();
            assertThat(head.status()).as(path).isEqualTo(200);
            assertSameAsGet(head, get);
        }
    }

    @Test
    void noBodyByteIsSentForHead() {
        Shop.Order order = shop.place();
        RawHttp.Answer head = RawHttp.send(api.base(), RawHttp.ascii("HEAD /api/v2/orders/" + order.id()
                + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + order.customer().token()), new byte[0]);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.headers()).containsEntry("etag", order.etag());
        assertThat(Long.parseLong(head.headers().get("content-length"))).isPositive();
        assertThat(head.body()).isEmpty();
    }

    @Test
    void theOperationalRoutesOfTheServiceAnswerHeadToo() {
        for (String path : List.of("/health/live", "/health/ready", "/metrics", "/openapi.json")) {
            Reply get = api.get(path).unchecked().send();
            Reply head = api.method("HEAD", path).unchecked().send();
            assertThat(head.status()).as(path).isEqualTo(200);
            assertThat(head.contentType()).as(path).isEqualTo(get.contentType());
            assertThat(head.body()).as(path).isEmpty();
        }
        Reply anonymous = api.method("HEAD", "/api/v2/orders/1").unchecked().send();
        assertThat(anonymous.status()).isEqualTo(401);
        String metrics = api.get("/metrics").unchecked().send().text();
        for (String path : List.of("/health/live", "/health/ready", "/metrics", "/openapi.json")) {
            assertThat(metrics).as("HEAD %s counted under its route", path)
                    .contains("method=\"HEAD\",outcome=\"SUCCESS\",route=\"" + path + "\"");
        }
    }

    /** Status and representation headers as GET's, no body. */
    private static void assertSameAsGet(Reply head, Reply get) {
        assertThat(head.status()).as(head.toString()).isEqualTo(get.status());
        assertThat(head.contentType()).as(head.toString()).isEqualTo(get.contentType());
        assertThat(head.etag()).as(head.toString()).isEqualTo(get.etag());
        assertThat(head.header("WWW-Authenticate")).isEqualTo(get.header("WWW-Authenticate"));
        assertThat(head.header("Content-Length")).as(head.toString()).isEqualTo(get.header("Content-Length"));
        assertThat(head.body()).isEmpty();
    }
}
