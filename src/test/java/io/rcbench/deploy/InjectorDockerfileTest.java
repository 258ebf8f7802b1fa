package io.rcbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * deploy/injector/Dockerfile (never built here: no Docker engine) agrees with the build: it copies the jar the
 * shade plugin writes and the profiles, runs it with {@code java -jar} as a non-root user, and the JVM flags Gatling needs are in
 * that jar's manifest rather than repeated in the image.
 */
class InjectorDockerfileTest {
    private static final Path DOCKERFILE = Path.of("deploy", "injector", "Dockerfile");

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    private static List<String> instructions() throws Exception {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String t = line.strip();
            if (t.startsWith("#") || (t.isEmpty() && cur.isEmpty())) {
                continue;
            }
            cur.append(t.endsWith("\\") ? t.substring(0, t.length() - 1) + " " : t);
            if (!t.endsWith("\\")) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            }
        }
        return out;
    }

    private static List<String> args(List<String> instructions, String keyword) {
        return instructions.stream().filter(i -> i.startsWith(keyword + " ")).map(i -> i.substring(keyword.length() + 1).strip()).toList();
    }

    @Test
    void runsTheShadedJarWithJavaMinusJarAsANonRootUser() throws Exception {
        List<String> ins = instructions();
        assertThat(args(ins, "FROM")).containsExactly("eclipse-temurin:17-jre");
        List<String> copy = args(ins, "COPY");
        assertThat(copy).hasSize(2);
        String[] srcDest = copy.get(0).split("\\s+");
        assertThat(srcDest).hasSize(2);
        assertThat(srcDest[0]).isEqualTo("target/" + finalName() + ".jar");
        // the profiles, where the injector Job's `run --profiles` looks for them
        assertThat(copy.get(1)).isEqualTo("profiles/ " + InjectorJobCheck.PROFILES_IN_IMAGE + "/");

        List<String> user = args(ins, "USER");
        assertThat(user).hasSize(1);
        assertThat(user.get(0).split(":")[0]).isNotIn("root", "0");
        assertThat(ins.indexOf("USER " + user.get(0))).as("USER comes before ENTRYPOINT")
            .isLessThan(ins.indexOf(ins.stream().filter(i -> i.startsWith("ENTRYPOINT ")).findFirst().orElseThrow()));

        List<String> entry = args(ins, "ENTRYPOINT");
        assertThat(entry).hasSize(1);
        JsonNode exec = new ObjectMapper().readTree(entry.get(0));
        assertThat(exec.isArray()).as("exec form, so signals reach the JVM").isTrue();
        List<String> argv = new ArrayList<>();
        exec.forEach(a -> argv.add(a.asText()));
        assertThat(argv.get(0)).isEqualTo("java");
        assertThat(argv).containsSubsequence("-jar", srcDest[1]);
        assertThat(argv).noneMatch(a -> a.startsWith("--add-opens"));
    }

    @Test
    void servesLiveMetricsOnEveryInterfaceAndLingersForTheLastScrape() throws Exception {
        List<String> ins = instructions();
        // picocli reads these as the defaults of --metrics-port / --metrics-host / --metrics-linger
        assertThat(String.join(" ", args(ins, "ENV"))).contains("RCBENCH_METRICS_PORT=9464",
            "RCBENCH_METRICS_HOST=0.0.0.0", "RCBENCH_METRICS_LINGER=30s");
        assertThat(args(ins, "EXPOSE")).containsExactly("9464");
    }

    @Test
    void theJarsManifestCarriesTheFlagsTheImageLeavesOut() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("maven-shade-plugin").contains("<mainClass>io.rcbench.cli.Main</mainClass>")
            .containsPattern("<Add-Opens>[^<]*java.base/java.lang[^<]*java.base/jdk.internal.misc[^<]*</Add-Opens>");
        // Tests run before `package`; where the jar has been built already, its manifest is checked too.
        Path jar = Path.of("target", finalName() + ".jar");
        if (Files.exists(jar)) {
            try (JarFile j = new JarFile(jar.toFile())) {
                Manifest m = j.getManifest();
                assertThat(m.getMainAttributes().getValue("Main-Class")).isEqualTo("io.rcbench.cli.Main");
                assertThat(m.getMainAttributes().getValue("Add-Opens")).contains("java.base/java.lang", "java.base/jdk.internal.misc");
            }
        }
    }

    @Test
    void theBuildContextHoldsOnlyTheJar() throws Exception {
        List<String> rules = Files.readAllLines(Path.of("deploy", "injector", "Dockerfile.dockerignore")).stream()
            .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(rules).containsExactly("*", "!target/" + finalName() + ".jar", "!profiles/");
    }

    private static String finalName() throws Exception {
        var m = java.util.regex.Pattern.compile("<finalName>([^<]+)</finalName>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).as("pom.xml names the jar (<finalName>)").isTrue();
        return m.group(1);
    }
}
