package dev.srereview.cli;

import dev.srereview.chat.ChatServices;
import dev.srereview.config.Settings;
import dev.srereview.config.SettingsLoader;
import dev.srereview.config.SettingsOverrides;
import dev.srereview.config.SettingsView;
import dev.srereview.config.StateDirs;
import dev.srereview.config.logging.LogKeys;
import dev.srereview.config.logging.LoggingSetup;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What the commands of one process share: the environment, the lazily built application, the session
 * id and the log file. Settings and logging are set up only by commands that run (never for --version).
 */
final class CliContext {
    private final AppEnvironment environment;
    // Not UUID.randomUUID(): SecureRandom costs start-up time and a log correlation id needs no secrecy.
    private final String sessionId = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    private final ChatServices override;
    private ChatServices services;
    private Path logFile;

    /** @param override the application to use instead of the real wiring (tests); null for the real one */
    CliContext(AppEnvironment environment, ChatServices override) {
        this.environment = environment;
        this.override = override;
    }

    AppEnvironment environment() {
        return environment;
    }

    String sessionId() {
        return sessionId;
    }

    /** Loads the settings (warnings to stderr), starts the log file, and returns the settings. */
    Settings start(SettingsOverrides overrides, String command) {
        SettingsLoader loader = new SettingsLoader(environment.env(), environment.workingDir(),
                line -> environment.err().println(line));
        Settings settings = loader.load(overrides);
        ChatServices app = services();
        String key = settings.llm().apiKey();
        logFile = LoggingSetup.install(settings.log().dir(), settings.log().level(),
                line -> app.redactor().redactText(key == null ? line : line.replace(key, "****")));
        MDC.put(LogKeys.SESSION, sessionId);
        MDC.put(LogKeys.MODEL, settings.llm().model());
        var log = LoggerFactory.getLogger(CliContext.class);
        log.info("sre-review {} {} in {} (llm: {}, endpoint {})", ManifestVersion.version(), command,
                environment.workingDir(), settings.llm().hasKey() && !settings.review().offline() ? "on" : "offline",
                SettingsView.endpointHost(settings));
        if (log.isDebugEnabled()) {
            SettingsView.describe(settings).forEach(l -> log.debug("setting {}", l));
        }
        return settings;
    }

    /** The application's services, built on first use. */
    ChatServices services() {
        if (services == null) {
            services = override != null ? override : new AppFactory();
        }
        return services;
    }

    /** The log file, or where it would be when logging has not started. */
    Path logFile() {
        return logFile != null ? logFile : StateDirs.stateRoot(environment.env()).resolve(LoggingSetup.FILE_NAME);
    }
}
