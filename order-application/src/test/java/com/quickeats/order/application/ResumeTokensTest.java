package com.quickeats.order.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quickeats.order.application.port.out.FeedPosition;
import com.quickeats.order.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ResumeTokensTest {
    private static final ResumeTokens OURS = new ResumeTokens(
            "the-secret-of-this-deployment-32-bytes+".getBytes(StandardCharsets.US_ASCII));
    private static final ResumeTokens THEIRS = new ResumeTokens(
            "the-secret-of-another-deployment-32-b!".getBytes(StandardCharsets.US_ASCII));
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aTokenSaysWhereToContinue() {
        String token = OURS.encode(new FeedPosition(1_883, 1_101), AT);

        assertThat(OURS.decode(token)).isEqualTo(new ResumeTokens.Decoded(new FeedPosition(1_883, 1_101), AT));
        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anEditedForeignOrGarbledTokenIsRefused() {
        String token = OURS.encode(new FeedPosition(1_883, 1_101), AT);
        String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(
                plain.replace(".1101.", ".1100.").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> OURS.decode(edited)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> THEIRS.decode(token)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> OURS.decode("not a token!")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> OURS.decode("")).isInstanceOf(InvalidInputException.class);
    }
}
