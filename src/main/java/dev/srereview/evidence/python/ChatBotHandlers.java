package dev.srereview.evidence.python;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chat-bot handlers: the functions a Discord, Telegram or Slack bot runs for every message, command or event anyone
 * sends it. Each is a per-message path (what a request handler must not do, they must not either: load a model, grow
 * a module-level history), and the ones that answer content are public entry points (a {@code BOT} pseudo-route, for
 * the rate limit) that usually call a model.
 */
final class ChatBotHandlers {
    /** Method name of the pseudo-routes: anyone who can message the bot calls them, as often as they type. */
    static final String BOT = "BOT";
    /** pyTelegramBotAPI and aiogram 2 decorators ({@code @bot.message_handler(content_types=["photo"])}). */
    private static final Set<String> TELEGRAM_DECORATORS = Set.of("message_handler", "edited_message_handler",
            "channel_post_handler", "callback_query_handler", "inline_handler");
    /** aiogram 3 ({@code @router.message(F.photo)}) and Slack Bolt ({@code @app.event("app_mention")}). */
    private static final Set<String> AIOGRAM3_DECORATORS = Set.of("message", "callback_query", "edited_message");
    private static final Set<String> SLACK_DECORATORS = Set.of("event", "message", "command", "action", "shortcut");
    /** python-telegram-bot's handler classes, and where each takes its callback. */
    private static final Set<String> PTB_HANDLERS = Set.of("CommandHandler", "MessageHandler", "CallbackQueryHandler",
            "InlineQueryHandler", "PrefixHandler");
    /** A command that only greets, lists or resets: not an entry point to the model. */
    private static final Pattern HOUSEKEEPING = Pattern.compile(
            "(?i)^/?(start|help|about|reset|clear|history|stats|settings|lang|cancel|ping|status|version)$");
    /** Slack events that carry what a user wrote; the rest (app_home_opened, reaction_added) are housekeeping. */
    private static final Set<String> SLACK_CONTENT_EVENTS = Set.of("message", "app_mention");

    private ChatBotHandlers() {
    }

    /** A decorated function: {@code @bot.event}, {@code @bot.message_handler(...)}, {@code @app.command("/ask")}. */
    static void decorator(PyModule m, PyNode dec, PyNode expr, PyNode def) {
        if (def == null || !def.is("function_definition")) {
            return;
        }
        String method = expr.is("call") ? Syntax.calleeName(expr)
                : expr.is("attribute") && expr.field("attribute") != null ? expr.field("attribute").text() : expr.text();
        if (m.importsAny("discord")) {
            discord(m, dec, method, def);
        }
        boolean telegram = TELEGRAM_DECORATORS.contains(method) && m.importsAny("telebot", "aiogram")
                || AIOGRAM3_DECORATORS.contains(method) && m.importsAny("aiogram");
        boolean slack = SLACK_DECORATORS.contains(method) && m.importsAny("slack_bolt");
        if (!telegram && !slack || !expr.is("call") && !method.equals("message")) {
            return;
        }
        String fname = Syntax.functionName(def);
        m.handlers.add(def);
        // a command handler is an entry point when its command does more than greet or list
        String command = command(expr, slack, method);
        boolean housekeeping = command != null && HOUSEKEEPING.matcher(command).matches() || method.startsWith("callback")
                || method.equals("action") || method.equals("shortcut") || slack && method.equals("event")
                && !SLACK_CONTENT_EVENTS.contains(String.valueOf(Syntax.literal(Syntax.positional(expr, 0))));
        if (!housekeeping) {
            m.routes.add(new Route(m, null, (slack ? "slack " : "telegram ") + method + " " + fname, Set.of(BOT), def,
                    fname, dec));
        }
    }

    /**
     * python-telegram-bot: {@code app.add_handler(MessageHandler(filters.VOICE, on_voice))},
     * {@code CommandHandler("ask", ask)}: the callback is a function of this module.
     */
    static void call(PyModule m, PyNode call, String q) {
        String name = Syntax.calleeName(call);
        if (!PTB_HANDLERS.contains(name) || !q.startsWith("telegram.")) {
            return;
        }
        boolean command = name.equals("CommandHandler") || name.equals("PrefixHandler");
        int at = name.equals("CallbackQueryHandler") || name.equals("InlineQueryHandler") ? 0 : name.equals("PrefixHandler") ? 2 : 1;
        PyNode fn = Syntax.keyword(call, "callback");
        if (fn == null) {
            fn = Syntax.positional(call, at);
        }
        if (fn == null || !fn.is("identifier")) {
            return;
        }
        String commandName = command ? firstString(Syntax.positional(call, name.equals("PrefixHandler") ? 1 : 0)) : null;
        boolean entry = name.equals("MessageHandler") || command && (commandName == null
                || !HOUSEKEEPING.matcher(commandName).matches());
        for (PyNode def : m.functions.getOrDefault(fn.text(), List.of())) {
            m.handlers.add(def);
            if (entry) {
                String fname = Syntax.functionName(def);
                m.routes.add(new Route(m, null, "telegram " + name + " " + fname, Set.of(BOT), def, fname, call));
            }
        }
    }

    /**
     * discord.py: {@code @bot.event async def on_message(message)} runs for every message anyone posts where the bot
     * is, and {@code @bot.command()} / {@code @tree.command()} / {@code @app_commands.command()} for every invocation.
     */
    private static void discord(PyModule m, PyNode dec, String method, PyNode def) {
        String fname = Syntax.functionName(def);
        boolean event = method.equals("event") && fname.startsWith("on_");
        boolean command = method.equals("command") || method.equals("hybrid_command") || method.equals("slash_command");
        if (!event && !command) {
            return;
        }
        m.handlers.add(def);
        if (command || fname.equals("on_message")) {
            m.routes.add(new Route(m, null, "discord " + (command ? "command " : "") + fname, Set.of(BOT), def,
                    fname, dec));
        }
    }

    /**
     * The command a handler answers: Slack's {@code @app.command("/ask")}, aiogram 2 and pyTelegramBotAPI's
     * {@code commands=["start"]}, aiogram 3's {@code Command("start")} / {@code CommandStart()} filter; else null.
     */
    private static String command(PyNode expr, boolean slack, String method) {
        if (!expr.is("call")) {
            return null;
        }
        if (slack) {
            return method.equals("command") ? Syntax.literal(Syntax.positional(expr, 0)) : null;
        }
        PyNode commands = Syntax.keyword(expr, "commands");
        if (commands != null) {
            return firstString(commands);
        }
        for (PyNode c : expr.descendants("call", true)) {
            String name = Syntax.calleeName(c);
            if (name.equals("CommandStart")) {
                return "start";
            }
            if (name.equals("Command")) {
                return firstString(Syntax.positional(c, 0));
            }
        }
        return null;
    }

    /** A bot handler that checks a per-chat cooldown of the bot's own before it answers. */
    static boolean throttled(Route r) {
        if (r.handler() == null) {
            return false;
        }
        for (PyNode c : r.handler().descendants("call", true)) {
            if (WebIndex.RATE_DEPENDENCY.matcher(Syntax.calleeName(c)).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A throttling middleware on the bot's dispatcher ({@code dp.message.middleware(ThrottlingMiddleware(rate=1))},
     * aiogram 2's {@code dp.middleware.setup(ThrottlingMiddleware())}): every handler is limited.
     */
    static boolean throttlingMiddleware(PyNode call) {
        String name = Syntax.calleeName(call);
        PyNode args = call.field("arguments");
        return (name.equals("middleware") || name.equals("setup") || name.equals("outer_middleware")) && args != null
                && WebIndex.RATE_DEPENDENCY.matcher(args.text()).find();
    }

    /** The first string of {@code "ask"} or {@code ["ask", "q"]}, else null. */
    private static String firstString(PyNode n) {
        if (n == null) {
            return null;
        }
        if (n.is("list") || n.is("tuple")) {
            return n.named().isEmpty() ? null : Syntax.literal(n.named().get(0));
        }
        String s = Syntax.literal(n);
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
