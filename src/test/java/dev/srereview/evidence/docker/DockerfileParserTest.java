package dev.srereview.evidence.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {
    private final DockerfileParser parser = new DockerfileParser();

    @Test
    void joinsContinuationsAndSkipsCommentsInsideThem() {
        Dockerfile df = parser.parse("Dockerfile", "FROM python:3.11\nRUN pip install \\\n# a comment\n    flask \\\n"
                + "    numpy\nCMD [\"python\", \"app.py\"]\n");
        Stage s = df.stages().get(0);
        assertThat(s.body()).hasSize(2);
        Instruction run = s.body().get(0);
        assertThat(run.args()).isEqualTo("pip install      flask      numpy");
        assertThat(run.line()).isEqualTo(2);
        assertThat(run.lineOf("numpy")).isEqualTo(5);
        assertThat(run.lineOf("flask")).isEqualTo(4);
    }

    @Test
    void substitutesGlobalArgsIntoFromAndFollowsStageReferences() {
        Dockerfile df = parser.parse("Dockerfile", "ARG TAG=3.11-slim\nARG REG\nFROM python:${TAG} AS base\n"
                + "USER app\nFROM ${REG:-docker.io}/library/python:$TAG AS other\nFROM base\nCMD run\n");
        assertThat(df.stages()).extracting(Stage::image)
                .containsExactly("python:3.11-slim", "docker.io/library/python:3.11-slim", "base");
        Stage last = df.finalStage().orElseThrow();
        assertThat(df.baseImage(last)).isEqualTo("python:3.11-slim");
        assertThat(df.lineage(last)).extracting(Instruction::keyword).containsExactly("USER", "CMD");
    }

    @Test
    void honoursTheEscapeDirective() {
        Dockerfile df = parser.parse("Dockerfile", "# escape=`\nFROM mcr.microsoft.com/windows:ltsc2022\n"
                + "RUN echo a `\n    b\n");
        assertThat(df.stages().get(0).body().get(0).args()).isEqualTo("echo a      b");
    }

    @Test
    void keepsHeredocBodiesInTheirInstruction() {
        Dockerfile df = parser.parse("Dockerfile", "FROM python:3.11\nRUN <<EOF\npip install flask\nEOF\nUSER 1000\n");
        assertThat(df.stages().get(0).body()).extracting(Instruction::keyword).containsExactly("RUN", "USER");
        assertThat(df.stages().get(0).body().get(0).args()).contains("pip install flask");
    }

    @Test
    void readsBothEnvForms() {
        assertThat(DockerfileParser.envPairs("A=1 B=\"two words\" C=x")).isEqualTo(Map.of("A", "1", "B", "two words", "C", "x"));
        assertThat(DockerfileParser.envPairs("DEBUG true")).isEqualTo(Map.of("DEBUG", "true"));
    }

    @Test
    void imageRefsKnowWhatFloats() {
        assertThat(ImageRef.parse("python").floating()).isTrue();
        assertThat(ImageRef.parse("python:latest").floating()).isTrue();
        assertThat(ImageRef.parse("localhost:5000/team/api").floating()).isTrue();
        assertThat(ImageRef.parse("localhost:5000/team/api:1.2").floating()).isFalse();
        assertThat(ImageRef.parse("python@sha256:abc").floating()).isFalse();
        assertThat(ImageRef.parse("python:${TAG}").floating()).isFalse();
        assertThat(ImageRef.parse("scratch").floating()).isFalse();
    }

    @Test
    void pipInstallSeparatesPackagesFromOptionsAndFiles() {
        var installs = PipInstall.parse("apt-get update && python3 -m pip install --no-cache-dir -i https://x/simple "
                + "-r req.txt 'torch>=2' numpy==1.26.4 ./local .[serve] && echo done");
        assertThat(installs).hasSize(1);
        assertThat(installs.get(0).requirementFiles()).containsExactly("req.txt");
        assertThat(installs.get(0).packages()).extracting(PipInstall.Package::name, PipInstall.Package::pinned)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("torch", false),
                        org.assertj.core.groups.Tuple.tuple("numpy", true));
    }
}
