package com.quickeats.bootstrap;

import com.quickeats.adapter.http.HttpSettings;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.quickeats.order.domain.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

    @Test
    void tokensAreHs256WithSubRoleAndExpiry() {
        byte[] secret = TokenIssuer.randomSecret().getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        TokenIssuer issuer = new TokenIssuer(secret, Clock.fixed(now, ZoneOffset.UTC));

        String token = issuer.issue("owner-1", Role.RESTAURANT_OWNER, Duration.ofHours(1));

        DecodedJWT decoded = JWT.require(Algorithm.HMAC256(secret)).build().verify(token);
        assertThat(decoded.getAlgorithm()).isEqualTo("HS256");
        assertThat(decoded.getSubject()).isEqualTo("owner-1");
        assertThat(decoded.getClaim("role").asString()).isEqualTo("restaurant_owner");
        assertThat(decoded.getExpiresAtAsInstant()).isEqualTo(now.plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void aRandomSecretIsLongEnoughAndNeverTheSame() {
        String one = TokenIssuer.randomSecret();

        assertThat(one.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(HttpSettings.MIN_SECRET_BYTES);
        assertThat(one).isNotEqualTo(TokenIssuer.randomSecret());
    }
}
