package dev.srereview.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private String show(boolean plain) throws IOException {
        out.reset();
        try (ExternalTerminal terminal = new ExternalTerminal("test", "xterm-256color",
                new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(100, 30));
            try (ProgressLine line = new ProgressLine(terminal, true, (tokens, usd) -> true, plain)) {
                line.start();
                line.stage("scanning the repository");
                line.notice("3 secrets redacted");
                line.stage("asking the model");
            }
            terminal.flush();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalTheLineIsErasedInPlace() throws IOException {
        assertThat(show(false)).contains("scanning the repository").contains("3 secrets redacted").contains("\u001b[K");
    }

    @Test
    void withNoColourItIsOverwrittenWithSpacesAndNoEscapeSequence() throws IOException {
        String shown = show(true);
        assertThat(shown).contains("scanning the repository").contains("3 secrets redacted").contains("asking the model")
                .doesNotContain("\u001b[");
    }
}
