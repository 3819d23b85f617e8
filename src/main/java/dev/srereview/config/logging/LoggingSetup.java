package dev.srereview.config.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends all logging to a size-capped rolling file in the state directory, never to the terminal, and
 * routes java.util.logging (JLine's warnings) into it too.
 */
public final class LoggingSetup {
    public static final String FILE_NAME = "sre-review.log";
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [session=%X{" + LogKeys.SESSION + ":--}"
            + " req=%X{" + LogKeys.REQUEST + ":--} attempt=%X{" + LogKeys.ATTEMPT + ":--} model=%X{"
            + LogKeys.MODEL + ":--}] %logger{24} - %msg%n";
    private static final String MAX_FILE_SIZE = "5MB";
    private static final int KEPT_FILES = 3;
    /**
     * Logback's own initialisation, started early on a second core by {@link #initialiseInBackground}. SLF4J is
     * process-wide state, so this is too: while it runs, SLF4J hands out stand-in loggers, and {@link #install}
     * waits for it so it always configures the real context.
     */
    private static final java.util.concurrent.atomic.AtomicReference<Thread> INITIALISING =
            new java.util.concurrent.atomic.AtomicReference<>();

    private LoggingSetup() {
    }

    /**
     * Starts Logback's initialisation (a fifth of the time to the chat prompt) on a daemon thread, so that it
     * overlaps reading the settings; {@link #install} then finds it done. Call once, first thing in main.
     */
    public static void initialiseInBackground() {
        Thread t = new Thread(LoggerFactory::getILoggerFactory, "logging-init");
        t.setDaemon(true);
        if (INITIALISING.compareAndSet(null, t)) {
            t.start();
        }
    }

    private static void awaitInitialisation() {
        Thread t = INITIALISING.get();
        if (t == null) {
            return;
        }
        try {
            // Bounded: a stuck initialisation must not hang the tool. After 10 s SLF4J still hands out its stand-in
            // factory, and the session goes on without a log file, as when the log directory cannot be made.
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * (Re)configures Logback. Returns the log file, or null when the directory cannot be created
     * (then logging stays off: a tool that cannot log must still review).
     *
     * @param scrub applied to every formatted line (mask the key, redact secrets)
     */
    public static Path install(Path dir, String level, UnaryOperator<String> scrub) {
        awaitInitialisation();
        routeJulToSlf4j();
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null; // another SLF4J binding (a test harness); leave it alone
        }
        context.reset();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            root.setLevel(Level.OFF);
            return null;
        }
        Path file = dir.resolve(FILE_NAME);

        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(PATTERN);
        ScrubbingLayout layout = new ScrubbingLayout(pattern, scrub);
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(dir.resolve("sre-review.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();

        root.addAppender(appender);
        root.setLevel(Level.toLevel(level, Level.INFO));
        // Library chatter stays at INFO even with --verbose: the debug trail is ours.
        for (String noisy : new String[] {"okhttp3", "com.openai", "io.netty", "org.apache", "org.jline"}) {
            context.getLogger(noisy).setLevel(Level.INFO);
        }
        return file;
    }

    private static void routeJulToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
    }
}
