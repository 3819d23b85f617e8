package dev.srereview.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;

class TerminalFactoryTest {
    @Test
    void commonTerminalsUseJLinesBundledCapabilitiesInsteadOfRunningInfocmp() throws IOException,
            InterruptedException {
        assertThat(TerminalFactory.preferBundledCapabilities("xterm-256color")).isTrue();
        // getInfoCmp would start `infocmp -x xterm-256color` unless the capabilities are already loaded
        assertThat(InfoCmp.getInfoCmp("xterm-256color")).isEqualTo(InfoCmp.getDefaultInfoCmp("xterm-256color"));
    }

    @Test
    void unknownOrMissingTerminalTypesAreLeftToJLine() {
        assertThat(TerminalFactory.preferBundledCapabilities("no-such-terminal-42")).isFalse();
        assertThat(InfoCmp.getLoadedInfoCmp("no-such-terminal-42")).isNull();
        assertThat(TerminalFactory.preferBundledCapabilities(null)).isFalse();
        assertThat(TerminalFactory.preferBundledCapabilities(" ")).isFalse();
    }

    @Test
    void aPipeGetsTheDumbTerminal() throws IOException {
        try (Terminal t = TerminalFactory.open(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                false)) {
            assertThat(TerminalFactory.isLive(t)).isFalse();
            assertThat(TerminalFactory.width(t)).isEqualTo(100);
        }
    }
}
