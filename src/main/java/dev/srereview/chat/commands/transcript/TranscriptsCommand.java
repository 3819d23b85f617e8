package dev.srereview.chat.commands.transcript;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;
import dev.srereview.transcript.TranscriptException;
import dev.srereview.transcript.TranscriptIndex;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/** /transcripts [N]: the recent saved sessions with date, score and target, newest first. */
public final class TranscriptsCommand implements SlashCommand {
    private static final int DEFAULT_COUNT = 10;

    @Override
    public String name() {
        return "transcripts";
    }

    @Override
    public String help() {
        return "list recent saved sessions (date, score, target)";
    }

    @Override
    public String usage() {
        return "[N]";
    }

    @Override
    public Result execute(String args, ChatContext context) {
        var out = context.out();
        int count = DEFAULT_COUNT;
        if (!args.isBlank()) {
            try {
                count = Math.max(1, Integer.parseInt(args.strip()));
            } catch (NumberFormatException e) {
                out.println("Usage: /transcripts [N] (N a number, not \"" + args.strip() + "\")");
                out.flush();
                return Result.CONTINUE;
            }
        }
        Path dir = TranscriptFiles.directory(context);
        try {
            List<TranscriptIndex.Summary> recent = new TranscriptIndex().recent(dir, count);
            if (recent.isEmpty()) {
                out.println("No transcripts in " + TranscriptRecordingListener.shown(context, dir) + " yet.");
            } else {
                Path cwd = context.workingDir().toAbsolutePath().normalize();
                recent.forEach(s -> out.println(TranscriptIndex.describe(s, cwd, ZoneId.systemDefault())));
                out.println("/resume FILE continues one; /replay FILE prints it; /compare OLD NEW shows progress.");
            }
        } catch (TranscriptException e) {
            out.println(e.getMessage());
        }
        out.flush();
        return Result.CONTINUE;
    }
}
