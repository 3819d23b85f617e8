package dev.srereview.config.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import java.util.function.UnaryOperator;

/**
 * The log pattern, with every formatted line passed through a scrubber (the API key masked, secrets
 * redacted) as a last line of defence: code should not log secrets in the first place.
 */
final class ScrubbingLayout extends LayoutBase<ILoggingEvent> {
    private final PatternLayout pattern;
    private final UnaryOperator<String> scrub;

    ScrubbingLayout(PatternLayout pattern, UnaryOperator<String> scrub) {
        this.pattern = pattern;
        this.scrub = scrub;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return scrub.apply(pattern.doLayout(event));
    }

    @Override
    public void start() {
        pattern.start();
        super.start();
    }

    @Override
    public void stop() {
        pattern.stop();
        super.stop();
    }
}
