package dev.srereview.llm;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Whether a loopback endpoint refuses connections. LangChain4j 1.11 can lose a connection error that arrives before
 * it stores the stream's handle (its completion callback then fails on the missing handle), leaving the call to run
 * into llm.timeout. That race needs an instant failure, which in practice is a local server that is not running
 * (Ollama, vLLM, LM Studio): for loopback endpoints only (no proxy in between), a plain connect tells the truth.
 */
final class LocalPortProbe {
    private static final int CONNECT_MILLIS = 500;

    private final Optional<InetSocketAddress> address;

    LocalPortProbe(String baseUrl) {
        this.address = loopback(baseUrl);
    }

    boolean applies() {
        return address.isPresent();
    }

    /** @return the refusal, when the loopback port refuses a connection; empty when it answers or does not apply */
    Optional<ConnectException> refused() {
        if (address.isEmpty()) {
            return Optional.empty();
        }
        try (Socket socket = new Socket()) {
            socket.connect(address.get(), CONNECT_MILLIS);
            return Optional.empty();
        } catch (ConnectException e) {
            return Optional.of(e);
        } catch (IOException e) {
            // Slow or odd, not refused: the stream's own timeout decides.
            return Optional.empty();
        }
    }

    private static Optional<InetSocketAddress> loopback(String baseUrl) {
        try {
            URI uri = URI.create(baseUrl);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            String name = uri.getHost().replace("[", "").replace("]", "");
            // Literal loopback names only: resolving any other host here would put a DNS lookup on the start-up path.
            if (!name.equals("localhost") && !name.startsWith("127.") && !name.equals("::1")) {
                return Optional.empty();
            }
            InetAddress host = InetAddress.getByName(name);
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return Optional.of(new InetSocketAddress(host, port));
        } catch (IllegalArgumentException | UnknownHostException e) {
            return Optional.empty();
        }
    }
}
