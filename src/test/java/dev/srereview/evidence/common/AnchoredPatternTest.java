package dev.srereview.evidence.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnchoredPatternTest {
    private final AnchoredPattern exact = AnchoredPattern.of("\\b(statsd|prometheus[-_]client)\\b", "statsd", "prometheus");
    private final AnchoredPattern anyCase = AnchoredPattern.ignoringCase("(x-request-id|correlation[_-]id)",
            "request", "correlation");

    @Test
    void findsWhatTheRegexFindsWhenAnAnchorIsThere() {
        assertThat(exact.find("import statsd\n")).isTrue();
        assertThat(exact.find("from prometheus_client import Counter")).isTrue();
        assertThat(anyCase.find("headers['X-Request-ID']")).isTrue();
        assertThat(anyCase.find("CORRELATION_ID = 1")).isTrue();
    }

    @Test
    void anAnchorAloneIsNotAMatch() {
        assertThat(exact.find("prometheus is a titan")).isFalse(); // anchor present, regex does not match
        assertThat(exact.find("mystatsdx")).isFalse();              // \b still applies
        assertThat(anyCase.find("request.json")).isFalse();
    }

    @Test
    void textWithoutAnyAnchorIsRejectedWithoutTheRegex() {
        assertThat(exact.hasAnchor("import logging\nprint('hi')\n")).isFalse();
        assertThat(exact.find(null)).isFalse();
        assertThat(anyCase.hasAnchor("no ids here, only REQ")).isFalse();
        assertThat(anyCase.hasAnchor("a ReQuEsT")).isTrue();
    }

    @Test
    void anAnchorAcrossTheScanChunksIsFound() {
        for (int at = 8185; at <= 8192; at++) {
            String text = "x".repeat(at) + "Correlation-Id" + "y".repeat(10);
            assertThat(anyCase.find(text)).as("anchor at %d", at).isTrue();
        }
        assertThat(anyCase.find("x".repeat(20000) + "CORRELATION_ID")).isTrue();
    }

    @Test
    void needsAnAnchor() {
        assertThatThrownBy(() -> AnchoredPattern.of("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
