package io.rcbench.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The documentation points only at what exists in the repository (a clone anywhere has it): every relative link in a
 * Markdown file of the repository (and every Markdown path written as code) names a file that is there, and a
 * heading that is there when it names one; every
 * {@code rcbench} command shown is a subcommand of the real command line, with options that subcommand has. The
 * commands are read from picocli's tree of {@link Main}, so a renamed or removed subcommand fails here. The README
 * opens with the two set-up commands, the second being what CI runs.
 */
class DocsLinksTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final List<String> SKIPPED = List.of("target", "node_modules", "reports", ".git");
    /** {@code [text](target "title")} and {@code ![alt](target)}; the target stops at a space or the parenthesis. */
    private static final Pattern LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: target} reference definitions. */
    private static final Pattern REFERENCE = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*(\\S+)");
    /** A Markdown path written as code ({@code docs/measurement.md}): readers follow those too. */
    private static final Pattern CODE_PATH = Pattern.compile("^[\\w./-]+\\.md(#[\\w-]+)?$");
    /** {@code java [jvm flags] -jar target/rcbench.jar <sub> ...} or {@code rcbench <sub> ...} (the image's name). */
    private static final Pattern COMMAND = Pattern.compile(
        "(?:-jar\\s+\\S*rcbench\\.jar|(?<![\\w./:-])rcbench)[ \\t]+([^\\n#|;&]*)");

    @Test
    void everyRelativeLinkNamesAFileAndHeadingThatExist() throws IOException {
        List<String> dead = new ArrayList<>();
        for (Path file : markdownFiles()) {
            MarkdownFile md = MarkdownFile.read(file);
            List<String> targets = new ArrayList<>();
            Stream.of(LINK, REFERENCE).forEach(p -> p.matcher(md.prose()).results().forEach(m -> targets.add(m.group(1))));
            md.code().stream().filter(c -> CODE_PATH.matcher(c).matches()).forEach(targets::add);
            for (String target : targets) {
                String problem = problem(md, target);
                if (problem != null) {
                    dead.add(ROOT.relativize(file) + ": " + target + " (" + problem + ")");
                }
            }
        }
        assertThat(dead).as("dead links").isEmpty();
    }

    @Test
    void everyCommandShownIsOneTheCliHas() throws IOException {
        CommandLine cli = new CommandLine(new Main());
        List<String> unknown = new ArrayList<>();
        int commands = 0;
        for (Path file : markdownFiles()) {
            for (String code : MarkdownFile.read(file).code()) {
                Matcher m = COMMAND.matcher(code.replace("\\\n", " "));
                while (m.find()) {
                    commands++;
                    String problem = problem(cli, m.group(1).trim());
                    if (problem != null) {
                        unknown.add(ROOT.relativize(file) + ": `" + m.group(0).trim() + "`: " + problem);
                    }
                }
            }
        }
        assertThat(unknown).as("commands the CLI does not have").isEmpty();
        assertThat(commands).as("commands found in the docs (the pattern still matches them)").isGreaterThan(10);
    }

    @Test
    void theReadmeOpensWithTheTwoSetUpCommandsAndCiRunsTheSecond() throws IOException {
        assertThat(Files.readString(ROOT.resolve("README.md"))).startsWith("""
            # rcbench

            ```
            mvn -B -q -DskipTests package && java -jar target/rcbench.jar run
            mvn -B verify
            ```
            """);
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("\nmvn -B verify\n");
    }

    @Test
    void theChecksCatchWhatTheyAreFor() {
        MarkdownFile md = MarkdownFile.parse(ROOT.resolve("README.md"), "# Top `x`\n\n## Top `x`\n");
        assertThat(md.anchors()).containsExactlyInAnyOrder("top-x", "top-x-1");
        assertThat(problem(md, "docs/readme-profiles.md")).isEqualTo("no such file");
        assertThat(problem(md, "#nowhere")).isEqualTo("no heading #nowhere");
        assertThat(problem(md, "pom.xml")).isNull();
        CommandLine cli = new CommandLine(new Main());
        assertThat(problem(cli, "bench-nothing --x")).isEqualTo("no subcommand 'bench-nothing'");
        assertThat(problem(cli, "--version")).isNull();
        assertThat(problem(cli, "--nothing")).isEqualTo("rcbench has no option --nothing");
        assertThat(problem(cli, "run --profile minimal-vps --no-such-option")).isEqualTo("run has no option --no-such-option");
        assertThat(problem(cli, "profiles show minimal-vps --set hold.seconds=60")).isNull();
    }

    /** Why a link target does not resolve, or null when it does (external links are not followed). */
    private static String problem(MarkdownFile md, String target) {
        if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
            return null; // http:, https:, mailto:
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? md.path() : md.path().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            resolved = ROOT.resolve(file).normalize(); // a path written from the repository's root
        }
        if (!resolved.startsWith(ROOT)) {
            // it may exist beside this checkout, but a clone anywhere else has no such file
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && resolved.toString().endsWith(".md")
            && !MarkdownFile.read(resolved).anchors().contains(anchor)) {
            return "no heading #" + anchor;
        }
        return null;
    }

    /** Why a command line ({@code <sub> [nested sub] [args]}) is not one the CLI takes, or null when it is. */
    private static String problem(CommandLine cli, String line) {
        List<String> words = new ArrayList<>(Arrays.asList(line.split("\\s+")));
        String sub = words.remove(0);
        if (sub.startsWith("--")) {
            // an option of rcbench itself (--version, --help)
            return cli.getCommandSpec().findOption(sub) != null ? null : "rcbench has no option " + sub;
        }
        if (!cli.getSubcommands().containsKey(sub)) {
            return "no subcommand '" + sub + "'";
        }
        CommandLine command = cli.getSubcommands().get(sub);
        if (!words.isEmpty() && command.getSubcommands().containsKey(words.get(0))) {
            command = command.getSubcommands().get(words.remove(0));
        }
        for (String word : words) {
            String option = word.replaceAll("[`,.)]+$", "").split("=", 2)[0];
            if (option.matches("--[a-z][\\w-]*") && command.getCommandSpec().findOption(option) == null) {
                return command.getCommandName() + " has no option " + option;
            }
        }
        return null;
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".md"))
                .filter(p -> ROOT.relativize(p).toString().split("/")[0].length() > 0)
                .filter(p -> SKIPPED.stream().noneMatch(s -> ROOT.relativize(p).startsWith(s)
                    || ROOT.relativize(p).toString().contains("/" + s + "/")))
                .sorted().toList();
        }
    }
}
