package dev.srereview.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.config.Settings;
import dev.srereview.config.SettingsLoader;
import dev.srereview.config.SettingsOverrides;
import dev.srereview.llm.ChatMessage;
import dev.srereview.llm.LlmException;
import dev.srereview.llm.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL driven through JLine on an in-memory dumb terminal, with a fake pipeline and a fake model. */
class ChatReplTest {
    private static final String KEY = "sk-test-0123456789abcdefghij";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final RecordingChatClient model = new RecordingChatClient();
    private FakeServices services;
    private Terminal terminal;
    private ChatSession session;
    private ChatRepl repl;

    @BeforeEach
    void repo() throws IOException {
        Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(dir.resolve("fixtures"));
        Files.writeString(dir.resolve("file.txt"), "x");
        services = new FakeServices(model);
    }

    private void open(String input, Map<String, String> env) throws IOException {
        open(input, env, Terminal.TYPE_DUMB);
    }

    /** @param type "dumb" (no key bindings, like a pipe) or e.g. "ansi" to get Tab completion */
    private void open(String input, Map<String, String> env, String type) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        if (type.startsWith("xterm")) {
            // a terminal with colours and a size, as a real one has: JLine lists completions in colour on it
            terminal = new org.jline.terminal.impl.ExternalTerminal("test", type, in, out, StandardCharsets.UTF_8);
            terminal.setSize(new org.jline.terminal.Size(120, 40));
        } else {
            terminal = new DumbTerminal("test", type, in, out, StandardCharsets.UTF_8);
        }
        // Ctrl-C typed on the terminal raises SIGINT, as a real terminal's line discipline does.
        Attributes attributes = terminal.getAttributes();
        attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        attributes.setControlChar(Attributes.ControlChar.VINTR, 3);
        // Unset signal characters would match the end of input (-1) and loop raising signals.
        attributes.setControlChar(Attributes.ControlChar.VQUIT, 28);
        attributes.setControlChar(Attributes.ControlChar.VSUSP, 26);
        attributes.setControlChar(Attributes.ControlChar.VSTATUS, 20);
        terminal.setAttributes(attributes);
        Settings settings = new SettingsLoader(env, dir, w -> { }).load(SettingsOverrides.NONE);
        session = new ChatSession(terminal, services, CommandRegistry.withBuiltins(), settings, dir, "test-session",
                null, false);
        repl = new ChatRepl(session, dir.resolve("state/history"));
    }

    private int run(String input) throws IOException {
        open(input, Map.of("OPENAI_API_KEY", KEY));
        return repl.run("BANNER");
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void commandsAreDispatchedAndUnknownOnesExplained() throws IOException {
        assertThat(run("/help\n/nonsense\n/rev\n/exit\nnever read\n")).isZero();
        assertThat(output()).startsWith("BANNER")
                .contains("/review-deployment [PATH]", "/context", "/raw", "/model [NAME]", "/config", "/stats",
                        "/clear", "/help", "/exit")
                .contains("unknown command /nonsense")
                .contains("did you mean /review-deployment, /review?");
        assertThat(model.requests).as("/exit stopped the loop before the last line").isEmpty();
    }

    @Test
    void withoutColourTheFreshLineMarkerIsOff() throws IOException {
        // JLine's fresh-line marker is a grey "~", a colour code: NO_COLOR (color=false here) must not emit it
        open("/exit\n", Map.of());
        assertThat(repl.reader().isSet(org.jline.reader.LineReader.Option.AUTO_FRESH_LINE)).isFalse();
        assertThat(repl.run("BANNER")).isZero();
        assertThat(output()).doesNotContain("\u001b[90m");
    }

    @Test
    void endOfInputEndsTheSession() throws IOException {
        assertThat(run("/help\n")).isZero();
    }

    @Test
    void tabCompletesCommandNamesForTheFirstWord() throws IOException {
        open("", Map.of());
        LineReader reader = repl.reader();
        List<Candidate> candidates = new ArrayList<>();
        ((org.jline.reader.impl.LineReaderImpl) reader).getCompleter().complete(reader, reader.getParser().parse("/re", 3), candidates);
        List<String> matching = candidates.stream().map(Candidate::value).filter(v -> v.startsWith("/re")).toList();
        assertThat(matching).contains("/review-deployment", "/review").doesNotContain("/help");
        assertThat(candidates).extracting(Candidate::value).contains("/help", "/exit", "/raw");
        assertThat(candidates).filteredOn(c -> c.value().equals("/review-deployment"))
                .extracting(Candidate::descr).allSatisfy(d -> assertThat(d).contains("review"));
    }

    @Test
    void tabCompletesDirectoriesAfterReviewDeployment() throws IOException {
        open("", Map.of());
        LineReader reader = repl.reader();
        List<Candidate> candidates = new ArrayList<>();
        ((org.jline.reader.impl.LineReaderImpl) reader).getCompleter().complete(reader, reader.getParser().parse("/review-deployment fi", 21), candidates);
        assertThat(candidates).extracting(Candidate::value).anySatisfy(v -> assertThat(v).startsWith("fixtures"))
                .noneSatisfy(v -> assertThat(v).startsWith("file.txt"));
        List<Candidate> none = new ArrayList<>();
        ((org.jline.reader.impl.LineReaderImpl) reader).getCompleter().complete(reader, reader.getParser().parse("/help fi", 8), none);
        assertThat(none).isEmpty();
    }

    @Test
    void tabOnTheTerminalCompletesTheCommand() throws IOException {
        open("/cle\t\n/exit\n", Map.of(), "ansi");
        assertThat(repl.run("BANNER")).isZero();
        assertThat(output()).contains("New conversation.");
    }

    @Test
    void withoutColourTheCompletionListHasNoColourCodes() throws IOException {
        // two Tabs on an ambiguous prefix list the candidates, their common start and descriptions styled by JLine
        open("/co\t\t\n/exit\n", Map.of(), "xterm-256color");
        assertThat(repl.run("BANNER")).isZero();
        // the line editor still moves the cursor (ESC [3A); what NO_COLOR forbids is styling (ESC [...m)
        assertThat(output()).contains("/config").contains("/context").doesNotContainPattern("\u001b\\[[0-9;]*m");
    }

    @Test
    void reviewIsShownAndFollowUpsCarryTheConversation() throws IOException {
        assertThat(run("/review-deployment repo\nwhy is it a P1?\nand how do I fix it?\n/exit\n")).isZero();
        assertThat(services.reviewedTargets).containsExactly("repo");
        assertThat(output()).contains(FakeServices.MARKDOWN.strip()).contains("Answer 1 about the review.")
                .contains("Answer 2 about the review.");
        assertThat(model.requests).hasSize(2);
        List<ChatMessage> second = model.requests.get(1).messages();
        assertThat(second).extracting(ChatMessage::role).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT,
                Role.USER, Role.ASSISTANT, Role.USER);
        assertThat(second.get(2).content()).isEqualTo(FakeServices.MARKDOWN);
        assertThat(second.get(3).content()).isEqualTo("why is it a P1?");
        assertThat(second.get(4).content()).isEqualTo("Answer 1 about the review.");
        assertThat(second.get(5).content()).isEqualTo("and how do I fix it?");
        assertThat(model.requests.get(1).deadline()).isNotNull();
        assertThat(session.counters().followUps()).isEqualTo(2);
    }

    @Test
    void questionsWithQuotesAndBangsAreSentAsTyped() throws IOException {
        assertThat(run("/review repo\nwhy isn't it a P0!? \"quoted\n/exit\n")).isZero();
        assertThat(model.requests).hasSize(1);
        assertThat(model.requests.get(0).messages().get(3).content()).isEqualTo("why isn't it a P0!? \"quoted");
    }

    @Test
    void aRepositorySecretTypedIntoAFollowUpIsRedactedBeforeItIsSentOrKept() throws IOException {
        // the scan redacted it from the repository (a URL password no detector knows in prose)
        services.redactor().redact("app/config.py", "DB = \"postgresql://svc:Sup3rS3cretPw!x@db.internal/app\"\n");
        assertThat(run("/review repo\nis Sup3rS3cretPw!x strong enough?\n/exit\n")).isZero();

        assertThat(model.requests).hasSize(1);
        assertThat(model.requests.get(0).messages().get(3).content())
                .isEqualTo("is [REDACTED:repository-secret] strong enough?");
        assertThat(Files.readString(dir.resolve("state/history"))).doesNotContain("Sup3rS3cretPw");
    }

    @Test
    void ctrlCDuringAnAnswerCancelsItAndDropsThePartialAnswer() throws IOException {
        model.midStream = (n, cancel) -> {
            if (n == 0) {
                terminal.raise(Terminal.Signal.INT); // the user presses Ctrl-C while the answer streams
            }
        };
        assertThat(run("/review-deployment repo\nfirst question\nsecond question\n/exit\n")).isZero();
        assertThat(model.tokens.get(0).isCancelled()).as("SIGINT fired the request's cancel token").isTrue();
        assertThat(output()).contains("(cancelled: the partial answer was dropped from the conversation)")
                .contains("Answer 2 about the review.");
        List<ChatMessage> second = model.requests.get(1).messages();
        assertThat(second).extracting(ChatMessage::content).doesNotContain("first question")
                .noneSatisfy(c -> assertThat(c).startsWith("Answer 1"));
        assertThat(second).hasSize(4);
        assertThat(session.counters().cancelled()).isEqualTo(1);
        assertThat(model.tokens.get(1).isCancelled()).as("the next request has a fresh token").isFalse();
    }

    @Test
    void ctrlCAtAnEmptyPromptAsksForConfirmationInsteadOfExiting() throws IOException {
        assertThat(run("\u0003/help\n/exit\n")).isZero();
        assertThat(output()).contains(ChatRepl.CONFIRM_EXIT).contains("/review-deployment [PATH]");
    }

    @Test
    void ctrlCTwiceAtAnEmptyPromptExits() throws IOException {
        assertThat(run("\u0003\u0003/help\n")).isZero();
        assertThat(output()).contains(ChatRepl.CONFIRM_EXIT).doesNotContain("/review-deployment [PATH]");
    }

    @Test
    void aCancelledReviewReturnsToThePrompt() throws IOException {
        services.failure = new LlmException(LlmException.Kind.CANCELLED, "cancelled");
        assertThat(run("/review-deployment repo\n/help\n/exit\n")).isZero();
        assertThat(output()).contains("review cancelled.").contains("/review-deployment [PATH]");
        assertThat(session.lastRun()).isEmpty();
    }

    @Test
    void aMissingPathIsOneLine() throws IOException {
        assertThat(run("/review-deployment nope\n/exit\n")).isZero();
        assertThat(output()).contains("cannot review nope: no such directory");
        assertThat(services.reviewedTargets).isEmpty();
    }

    @Test
    void reviewDefaultsToTheWorkingDirectory() throws IOException {
        assertThat(run("/review-deployment\n/exit\n")).isZero();
        assertThat(services.reviewedTargets).containsExactly(".");
    }

    @Test
    void withoutAnLlmTheAnswerIsHonestAndPointsAtTheEvidence() throws IOException {
        open("/review-deployment repo\nwhy no timeout?\nwhat about GPUs?\n/exit\n", Map.of());
        assertThat(repl.run("BANNER")).isZero();
        assertThat(output()).contains(OfflineAnswers.PREFIX)
                .contains("P2 missing-timeout at app.py:12: requests.get without a timeout")
                .contains("No finding of the last review matches \"gpus\"");
        assertThat(model.requests).isEmpty();
    }

    @Test
    void clearStartsANewConversation() throws IOException {
        assertThat(run("/review-deployment repo\n/clear\nstill there?\n/exit\n")).isZero();
        assertThat(output()).contains("No review in this conversation yet");
        assertThat(model.requests).isEmpty();
    }

    @Test
    void configMasksTheKeyAndModelChangesTheSettings() throws IOException {
        assertThat(run("/config\n/model llama3.1\n/model\n/exit\n")).isZero();
        assertThat(output()).doesNotContain(KEY).contains("llm.apiKey: sk-…ij").contains("model set to llama3.1")
                .contains("model: llama3.1 at api.openai.com");
        assertThat(session.settings().llm().model()).isEqualTo("llama3.1");
    }

    @Test
    void contextRawAndStatsDescribeTheLastReview() throws IOException {
        assertThat(run("/context\n/review-deployment repo\n/context\n/raw\n/stats\n/exit\n")).isZero();
        assertThat(output()).contains("No review yet").contains("Sent: 2 files").contains("Dockerfile")
                .contains("model.bin").contains("nothing was sent to a model").contains("Nothing was rejected")
                .contains("reviews: 1 (llm 0, offline 1, fallbacks 0)");
    }

    @Test
    void historyPersistsAcrossSessions() throws IOException {
        assertThat(run("/help\n/exit\n")).isZero();
        assertThat(Files.readString(dir.resolve("state/history"))).contains("/help");
    }

    @Test
    void historyNeverHoldsTheApiKeyEvenWithNoVendorShape() throws IOException {
        // a proxy's key looks like nothing a detector knows: only the session's own value can find it
        String plain = "zzq-plainkey-778899";
        open("my key is " + plain + " ok\n/exit\n", Map.of("OPENAI_API_KEY", plain));
        assertThat(repl.run("BANNER")).isZero();
        assertThat(Files.readString(dir.resolve("state/history"))).contains("my key is").doesNotContain(plain);
    }

    @Test
    void ctrlCDuringAReviewFiresItsCancelTokenAndReturnsToThePrompt() throws IOException {
        List<Boolean> fired = new ArrayList<>();
        services.during = cancel -> {
            terminal.raise(Terminal.Signal.INT);
            fired.add(cancel.isCancelled());
        };
        assertThat(run("/review-deployment repo\n/help\n/exit\n")).isZero();
        assertThat(fired).containsExactly(true);
        assertThat(output()).contains("review cancelled.").contains("/review-deployment [PATH]");
        assertThat(session.lastRun()).isEmpty();
        assertThat(session.counters().cancelled()).isEqualTo(1);
    }
}
