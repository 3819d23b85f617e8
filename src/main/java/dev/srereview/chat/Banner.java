package dev.srereview.chat;

import dev.srereview.config.Settings;
import dev.srereview.config.SettingsView;

/** The three lines shown at start: what this is, which model or the offline reviewer, where to start. */
public final class Banner {
    private Banner() {
    }

    public static String text(String version, Settings settings, boolean llmAvailable) {
        String nl = System.lineSeparator();
        String model;
        if (llmAvailable) {
            model = "model " + settings.llm().model() + " at " + SettingsView.endpointHost(settings);
        } else if (settings.review().offline()) {
            model = "offline reviewer (--offline): no LLM calls";
        } else if (!settings.llm().hasKey()) {
            model = "offline reviewer: no OPENAI_API_KEY set";
        } else {
            model = "offline reviewer: the LLM client is not available";
        }
        return "sre-review " + version + " · an SRE's review of your ML deployment" + nl
                + model + nl
                + "/review-deployment [PATH] to start, /help for commands, Ctrl-D to quit";
    }
}
