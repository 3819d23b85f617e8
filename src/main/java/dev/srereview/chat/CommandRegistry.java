package dev.srereview.chat;

import dev.srereview.chat.commands.ClearCommand;
import dev.srereview.chat.commands.ConfigCommand;
import dev.srereview.chat.commands.ContextCommand;
import dev.srereview.chat.commands.ExitCommand;
import dev.srereview.chat.commands.HelpCommand;
import dev.srereview.chat.commands.ModelCommand;
import dev.srereview.chat.commands.RawCommand;
import dev.srereview.chat.commands.ReviewDeploymentCommand;
import dev.srereview.chat.commands.StatsCommand;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The REPL's commands by name and alias, in the order /help lists them (Aider's commands table, as classes). */
public final class CommandRegistry {
    private final List<SlashCommand> commands = new ArrayList<>();
    private final Map<String, SlashCommand> byName = new LinkedHashMap<>();

    /** The built-in commands, then any found through ServiceLoader (a teammate's /save, /resume, ...). */
    public static CommandRegistry withBuiltins() {
        CommandRegistry r = new CommandRegistry();
        r.register(new ReviewDeploymentCommand());
        r.register(new ContextCommand());
        r.register(new RawCommand());
        r.register(new ModelCommand());
        r.register(new ConfigCommand());
        r.register(new StatsCommand());
        r.register(new ClearCommand());
        // Teammates' commands: one line each here, e.g. r.register(new SaveCommand());
        for (SlashCommand extra : ServiceLoader.load(SlashCommand.class, CommandRegistry.class.getClassLoader())) {
            r.register(extra);
        }
        r.register(new HelpCommand());
        r.register(new ExitCommand());
        return r;
    }

    /** @throws IllegalArgumentException when a name or alias is already taken (two teammates chose the same) */
    public CommandRegistry register(SlashCommand command) {
        List<String> names = new ArrayList<>();
        names.add(command.name());
        names.addAll(command.aliases());
        for (String n : names) {
            if (byName.containsKey(key(n))) {
                throw new IllegalArgumentException("command /" + n + " is registered twice");
            }
        }
        names.forEach(n -> byName.put(key(n), command));
        commands.add(command);
        return this;
    }

    /** @param word "/name" or "name", case-insensitive */
    public Optional<SlashCommand> find(String word) {
        String w = word.startsWith("/") ? word.substring(1) : word;
        return Optional.ofNullable(byName.get(key(w)));
    }

    /** Commands whose name or alias starts with the word (for "did you mean"). */
    public List<String> namesStartingWith(String prefix) {
        String p = key(prefix.startsWith("/") ? prefix.substring(1) : prefix);
        return byName.keySet().stream().filter(n -> n.startsWith(p)).map(n -> "/" + n).toList();
    }

    public List<SlashCommand> all() {
        return Collections.unmodifiableList(commands);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
