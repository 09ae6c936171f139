package com.quickeats.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> HttpSettings.of(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
        assertThat(HttpSettings.of(new byte[32]).jwtSecret()).hasSize(32);
    }

    @Test
    void theSecretIsCopiedAndNeverPrinted() {
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpSettings settings = HttpSettings.of(secret);
        secret[0] = 'X';
        assertThat(settings.jwtSecret()[0]).isEqualTo((byte) '0');
        assertThat(settings.toString()).doesNotContain("0123456789");
    }
}
