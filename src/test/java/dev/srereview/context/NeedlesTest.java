package dev.srereview.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeedlesTest {
    private static List<String> found(String text) {
        Needles.Hits h = Needles.scan(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            out.add(h.needle(i).text() + "@" + h.start(i));
        }
        return out;
    }

    @Test
    void findsEveryNeedleIgnoringCaseWithItsStart() {
        assertThat(found("DB_PASSWORD=x")).contains("password@3", "pass@3");
        assertThat(found("import flask")).containsExactly("import @0");
        assertThat(found("x sk-abc")).contains("sk-@2");
    }

    @Test
    void overlappingNeedlesAreAllReported() {
        // "credentials" contains "credential"; "passwd" shares "pass" with "password".
        assertThat(found("credentials")).contains("credential@0", "credentials@0");
        assertThat(found("passwd")).contains("pass@0", "passwd@0");
    }

    @Test
    void everyNeedleIsFoundAlone() {
        for (Needles.Needle n : Needles.ALL) {
            assertThat(found("..." + n.text().toUpperCase(java.util.Locale.ROOT) + "..."))
                    .as(n.text()).contains(n.text() + "@3");
        }
    }

    @Test
    void nonAsciiTextNeitherBreaksNorHidesAMatch() {
        assertThat(found("caf\u00e9 \u2603 token=1")).contains("token@7");
        assertThat(found("\u00e9\u00e9key")).contains("key@2");
    }

    @Test
    void truncateKeepsOnlyHitsBeforeTheCut() {
        Needles.Hits h = Needles.scan("token key secret");
        h.truncate(9);
        assertThat(h.size()).isEqualTo(2);
    }
}
