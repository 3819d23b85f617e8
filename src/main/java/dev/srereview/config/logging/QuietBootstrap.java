package dev.srereview.config.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback's first configuration (found through ServiceLoader): no appender and level OFF, so nothing
 * ever reaches the terminal, not even Logback's own default console output, until {@link LoggingSetup}
 * installs the rolling file. A logback-test.xml on the class path still wins, for debugging tests.
 */
public final class QuietBootstrap extends ContextAwareBase implements Configurator {
    /**
     * Writes nothing, but completes each event (MDC, caller data) as Logback's default console appender
     * would, so an appender a test attaches later sees whole events.
     */
    static final class Discard extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
        }
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (QuietBootstrap.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.OFF);
        Discard discard = new Discard();
        discard.setContext(context);
        discard.setName("discard");
        discard.start();
        root.addAppender(discard);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
