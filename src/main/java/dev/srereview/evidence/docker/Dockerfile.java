package dev.srereview.evidence.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Dockerfile: the global ARG defaults and its stages. {@link #lineage(Stage)} follows
 * {@code FROM <earlier stage>} so that USER, ENV, HEALTHCHECK and CMD inherited from a parent stage count.
 */
public record Dockerfile(String path, Map<String, String> globalArgs, List<Stage> stages) {
    public Dockerfile {
        globalArgs = Map.copyOf(globalArgs);
        stages = List.copyOf(stages);
    }

    public Optional<Stage> finalStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    /** The stage named or numbered {@code ref} (as in {@code FROM ref} or {@code COPY --from=ref}), before {@code before}. */
    public Optional<Stage> stageNamed(String ref, int before) {
        String r = ref.toLowerCase(Locale.ROOT);
        for (Stage s : stages) {
            if (s.index() >= before) {
                break;
            }
            if ((s.alias() != null && s.alias().equalsIgnoreCase(r)) || String.valueOf(s.index()).equals(r)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Instructions in effect for {@code stage}: its ancestors' bodies first, then its own. */
    public List<Instruction> lineage(Stage stage) {
        List<Stage> chain = new ArrayList<>();
        Stage cur = stage;
        while (cur != null && chain.size() <= stages.size()) {
            chain.add(0, cur);
            cur = stageNamed(cur.image(), cur.index()).orElse(null);
        }
        List<Instruction> out = new ArrayList<>();
        chain.forEach(s -> out.addAll(s.body()));
        return out;
    }

    /** The external base image of {@code stage}, following stage references. */
    public String baseImage(Stage stage) {
        Stage cur = stage;
        int guard = 0;
        while (guard++ <= stages.size()) {
            Optional<Stage> parent = stageNamed(cur.image(), cur.index());
            if (parent.isEmpty()) {
                return cur.image();
            }
            cur = parent.get();
        }
        return cur.image();
    }
}
