package dev.srereview.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LocalPortProbeTest {
    @Test
    void aClosedLoopbackPortIsRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LocalPortProbe probe = new LocalPortProbe("http://127.0.0.1:" + port + "/v1");

        assertThat(probe.applies()).isTrue();
        assertThat(probe.refused()).isPresent();
    }

    @Test
    void aListeningLoopbackPortIsNotRefused() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalPortProbe probe = new LocalPortProbe("http://localhost:" + s.getLocalPort() + "/v1");

            assertThat(probe.refused()).isEmpty();
        }
    }

    @Test
    void remoteEndpointsAreNeverProbed() {
        LocalPortProbe probe = new LocalPortProbe("https://api.openai.com/v1");

        assertThat(probe.applies()).isFalse();
        assertThat(probe.refused()).isEmpty();
    }
}
