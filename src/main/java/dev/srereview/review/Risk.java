package dev.srereview.review;

import dev.srereview.evidence.Severity;
import java.util.List;

/** One production risk with the persona's five fields; {@code evidence} are the files it cites. */
public record Risk(Severity severity, String title, String scenario, String impact, String detection,
                   String mitigation, String monitoring, List<Citation> evidence) {
    public Risk {
        evidence = List.copyOf(evidence);
    }
}
