package dev.srereview.evidence.docker;

import java.util.List;

/**
 * One build stage: its FROM and what follows until the next FROM.
 *
 * @param index   0-based position in the file
 * @param image   the FROM image after global ARG substitution (may still hold an unresolved ${VAR})
 * @param alias   the {@code AS name}, or null
 * @param from    the FROM instruction itself
 */
public record Stage(int index, String image, String alias, Instruction from, List<Instruction> body) {
    public Stage {
        body = List.copyOf(body);
    }
}
