package dev.srereview.chat;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab: command names (with their help) for the first word, then the command's own argument completer. */
final class ReplCompleter implements Completer {
    private final CommandRegistry registry;
    private final ChatContext context;

    ReplCompleter(CommandRegistry registry, ChatContext context) {
        this.registry = registry;
        this.context = context;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) {
            if (line.word().isEmpty() || line.word().startsWith("/")) {
                for (SlashCommand c : registry.all()) {
                    candidates.add(new Candidate("/" + c.name(), "/" + c.name(), null, c.help(), null, null, true));
                    for (String alias : c.aliases()) {
                        candidates.add(new Candidate("/" + alias, "/" + alias, null, c.help(), null, null, true));
                    }
                }
            }
            return;
        }
        registry.find(line.words().get(0))
                .ifPresent(c -> c.completer(context).complete(reader, line, candidates));
    }
}
