package com.quickeats.bootstrap.e2e;

import static com.quickeats.bootstrap.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §3: only a well-formed, unexpired HS256 token with sub, role and exp gets in. */
class AuthenticationTest extends E2eTest {

    @Test
    void aValidTokenGetsInWhateverTheCaseOfTheScheme() {
        Person customer = Person.customer();
        assertThat(api.get("/api/v2/orders").as(customer).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v2/orders").header("Authorization", "bearer " + customer.token()).send().status())
                .isEqualTo(200);
    }

    @Test
    void everyBrokenTokenIsA401WithWwwAuthenticate() {
        long exp = Tokens.inAnHour();
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("no header", null);
        broken.put("another scheme", "Basic dXNlcjpwYXNz");
        broken.put("no token", "Bearer ");
        broken.put("not a JWT", "Bearer not-a-jwt");
        broken.put("alg none", "Bearer " + Tokens.unsigned("c-1", "customer"));
        broken.put("HS512", "Bearer " + Tokens.hs512("c-1", "customer"));
        broken.put("bad signature", "Bearer " + Tokens.signedWith(
                "another-secret-that-is-long-enough-too!!".getBytes(StandardCharsets.US_ASCII), "c-1", "customer"));
        broken.put("tampered payload", "Bearer " + tamper(Tokens.valid("c-1", "customer")));
        broken.put("expired", "Bearer " + Tokens.expired("c-1", "customer"));
        broken.put("no sub", "Bearer " + Tokens.withPayload("{\"role\":\"customer\",\"exp\":" + exp + "}"));
        broken.put("no role", "Bearer " + Tokens.withPayload("{\"sub\":\"c-1\",\"exp\":" + exp + "}"));
        broken.put("no exp", "Bearer " + Tokens.withPayload("{\"sub\":\"c-1\",\"role\":\"customer\"}"));
        broken.put("unknown role", "Bearer " + Tokens.withPayload(
                "{\"sub\":\"c-1\",\"role\":\"superuser\",\"exp\":" + exp + "}"));
        broken.put("role not a string", "Bearer " + Tokens.withPayload(
                "{\"sub\":\"c-1\",\"role\":[\"admin\"],\"exp\":" + exp + "}"));
        broken.put("sub not a string", "Bearer " + Tokens.withPayload(
                "{\"sub\":42,\"role\":\"customer\",\"exp\":" + exp + "}"));
        broken.put("blank sub", "Bearer " + Tokens.withPayload(
                "{\"sub\":\" \",\"role\":\"customer\",\"exp\":" + exp + "}"));
        broken.put("exp not a number", "Bearer " + Tokens.withPayload(
                "{\"sub\":\"c-1\",\"role\":\"customer\",\"exp\":\"tomorrow\"}"));
        broken.put("null exp", "Bearer " + Tokens.withPayload("{\"sub\":\"c-1\",\"role\":\"customer\",\"exp\":null}"));
        broken.put("not yet valid", "Bearer " + Tokens.withPayload(
                "{\"sub\":\"c-1\",\"role\":\"customer\",\"exp\":" + exp + ",\"nbf\":" + exp + "}"));
        broken.put("payload not JSON", "Bearer " + Tokens.withPayload("not json"));

        broken.forEach((what, authorization) -> {
            Api.Call call = api.get("/api/v2/orders");
            if (authorization != null) {
                call.header("Authorization", authorization);
            }
            Reply reply = call.send();
            assertThat(reply.status()).as(what).isEqualTo(401);
            assertProblem(reply, 401, "unauthenticated");
            assertThat(reply.header("WWW-Authenticate")).as(what).isEqualTo("Bearer");
        });
    }

    @Test
    void everyApiRouteWithOrWithoutATrailingSlashNeedsAToken() {
        for (String[] route : new String[][] {{"GET", "/api/v2/orders"}, {"POST", "/api/v2/orders"},
                {"GET", "/api/v2/orders/1"}, {"GET", "/api/v2/orders/1/events"}, {"POST", "/api/v2/orders/1/payment"},
                {"POST", "/api/v2/orders/1/acceptance"}, {"POST", "/api/v2/orders/1/preparation-complete"},
                {"POST", "/api/v2/orders/1/pickup"}, {"POST", "/api/v2/orders/1/delivery"},
                {"POST", "/api/v2/orders/1/cancellation"}, {"GET", "/api/v2/restaurants"},
                {"POST", "/api/v2/restaurants"}, {"GET", "/api/v2/restaurants/1"},
                {"POST", "/api/v2/restaurants/1/menu-items"}, {"GET", "/api/v2/restaurants/1/menu-items/1"},
                {"PATCH", "/api/v2/restaurants/1/menu-items/1"}}) {
            for (String path : new String[] {route[1], route[1] + "/"}) {
                Reply reply = api.method(route[0], path).json("{}").send();
                assertThat(reply.status()).as(route[0] + " " + path).isEqualTo(401);
                assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
            }
        }
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
