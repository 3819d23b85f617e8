package dev.srereview.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** gitignore semantics, as git documents them, one row per rule shape. */
class IgnoreRulesTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                // ignore file text, path, is directory, ignored?
                Arguments.of("*.log", "a/b/x.log", false, true),
                Arguments.of("*.log", "a/b/x.log.txt", false, false),
                Arguments.of("# comment\n\n*.log", "x.log", false, true),
                Arguments.of("\\#notes", "#notes", false, true),
                Arguments.of("build/", "build", true, true),
                Arguments.of("build/", "build", false, false),
                Arguments.of("build/", "src/build", true, true),
                Arguments.of("/build", "src/build", true, false),
                Arguments.of("/build", "build", true, true),
                Arguments.of("doc/frotz", "doc/frotz", true, true),
                Arguments.of("doc/frotz", "a/doc/frotz", true, false),
                Arguments.of("**/logs", "deep/er/logs", true, true),
                Arguments.of("logs/**", "logs/a/b.txt", false, true),
                Arguments.of("a/**/b", "a/b", false, true),
                Arguments.of("a/**/b", "a/x/y/b", false, true),
                Arguments.of("a/**/b", "a/x/y/c", false, false),
                Arguments.of("*.py[co]", "m.pyc", false, true),
                Arguments.of("*.py[!co]", "m.pyc", false, false),
                Arguments.of("*.py[!co]", "m.pyd", false, true),
                Arguments.of("file?.txt", "file1.txt", false, true),
                Arguments.of("file?.txt", "file10.txt", false, false),
                Arguments.of("*.log\n!keep.log", "keep.log", false, false),
                Arguments.of("*.log\n!keep.log", "drop.log", false, true),
                Arguments.of("!keep.log\n*.log", "keep.log", false, true),
                Arguments.of("trailing   ", "trailing", false, true),
                Arguments.of("data/*.csv", "data/x.csv", false, true),
                Arguments.of("data/*.csv", "data/sub/x.csv", false, false),
                Arguments.of(".env*", ".env.local", false, true));
    }

    @ParameterizedTest(name = "{0} | {1} dir={2} -> {3}")
    @MethodSource("cases")
    void matchesLikeGit(String rules, String path, boolean dir, boolean ignored) {
        IgnoreRules r = IgnoreRules.NONE.with(IgnoreFile.parse("", rules));

        assertThat(r.ignored(path, path.substring(path.lastIndexOf('/') + 1), dir)).isEqualTo(ignored);
    }

    @ParameterizedTest(name = "nested: {0}")
    @MethodSource("nested")
    void deeperFilesOverrideAndOnlyApplyBelowThemselves(String path, boolean ignored) {
        IgnoreRules r = IgnoreRules.NONE.with(IgnoreFile.parse("", "*.tmp\n"))
                .with(IgnoreFile.parse("sub/", "!keep.tmp\n/local\n"));

        assertThat(r.ignored(path, path.substring(path.lastIndexOf('/') + 1), false)).isEqualTo(ignored);
    }

    static Stream<Arguments> nested() {
        return Stream.of(
                Arguments.of("x.tmp", true),
                Arguments.of("sub/keep.tmp", false),
                Arguments.of("keep.tmp", true),
                Arguments.of("sub/local", true),
                Arguments.of("sub/deeper/local", false),
                Arguments.of("local", false));
    }
}
