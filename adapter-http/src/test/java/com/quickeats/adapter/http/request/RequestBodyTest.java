package com.quickeats.adapter.http.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestBodyTest {

    @Test
    void jsonMediaTypesAreRecognisedWithTheirParameters() {
        assertThat(RequestBody.isJson("application/json")).isTrue();
        assertThat(RequestBody.isJson("Application/JSON; charset=utf-8")).isTrue();
        assertThat(RequestBody.isJson("application/merge-patch+json")).isTrue();
        assertThat(RequestBody.isJson(null)).isFalse();
        assertThat(RequestBody.isJson("text/plain")).isFalse();
        assertThat(RequestBody.isJson("application/jsonx")).isFalse();
        assertThat(RequestBody.isJson("text/json+x")).isFalse();
    }
}
