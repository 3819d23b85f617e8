package dev.srereview.evidence.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementsFileTest {
    @Test
    void separatesPinsRangesIncludesAndConstraints() {
        RequirementsFile f = RequirementsFile.parse(List.of("-r base.txt", "--constraint c.txt", "torch",
                "numpy>=1.24  # range", "flask==3.0.2 \\", "    --hash=sha256:abc", "x==1.*",
                "pkg @ https://example.com/pkg-1.0.whl", "git+https://github.com/a/b.git", "-e ."));
        assertThat(f.includes()).containsExactly("base.txt");
        assertThat(f.constraints()).containsExactly("c.txt");
        assertThat(f.requirements()).extracting(Requirement::name, Requirement::line, Requirement::pinned)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("torch", 3, false),
                        org.assertj.core.groups.Tuple.tuple("numpy", 4, false),
                        org.assertj.core.groups.Tuple.tuple("flask", 5, true),
                        org.assertj.core.groups.Tuple.tuple("x", 7, false),
                        org.assertj.core.groups.Tuple.tuple("pkg", 8, true));
    }

    @Test
    void poetryExactVersionsArePinsAndCaretsAreNot() {
        List<Requirement> r = ManifestParsers.pyproject(List.of("[tool.poetry.dependencies]", "python = \"^3.11\"",
                "torch = \"2.2.1\"", "numpy = \"^1.26\"", "lib = {git = \"https://x/lib.git\", rev = \"abc123\"}",
                "[tool.poetry.group.dev.dependencies]", "pytest = \"*\""));
        assertThat(r).extracting(Requirement::name, Requirement::pinned).containsExactly(
                org.assertj.core.groups.Tuple.tuple("torch", true), org.assertj.core.groups.Tuple.tuple("numpy", false),
                org.assertj.core.groups.Tuple.tuple("lib", true));
    }

    @Test
    void mlFrameworksWeighMoreThanOtherPackages() {
        assertThat(PackageRisk.severity("torch", true)).isEqualTo(dev.srereview.evidence.Severity.P1);
        assertThat(PackageRisk.severity("scikit_learn", false)).isEqualTo(dev.srereview.evidence.Severity.P2);
        assertThat(PackageRisk.severity("requests", true)).isEqualTo(dev.srereview.evidence.Severity.P2);
        assertThat(PackageRisk.severity("requests", false)).isEqualTo(dev.srereview.evidence.Severity.P3);
    }
}
