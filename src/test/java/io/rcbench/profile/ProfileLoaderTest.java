package io.rcbench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema errors name file, line, field and what was expected; extends and overrides resolve as documented. */
class ProfileLoaderTest {
    @TempDir Path dir;
    private ProfileLoader loader;

    /** A complete profile; tests break one thing in it. Line numbers below refer to this text. */
    private static final String GOOD = String.join("\n",
        "description: test profile",                            // 1
        "extends: base",                                        // 2
        "envelope:",                                            // 3
        "  cores: 1",                                           // 4
        "  clockGhz: 2.0",                                      // 5
        "  memoryMb: 1024",                                     // 6
        "  disk: {sizeGb: 30, kind: ssd}",                      // 7
        "  database: {placement: local}",                       // 8
        "population:",                                          // 9
        "  users: 200",                                         // 10
        "  activeUsers: 50",                                    // 11
        "  idleConnectedUsers: 75",                             // 12
        "mix: limited",                                         // 13
        "");

    @BeforeEach
    void copyDefaults() throws Exception {
        Files.copy(Path.of("profiles", "base.yaml"), dir.resolve("base.yaml"));
        Files.copy(Path.of("profiles", "mixes.yaml"), dir.resolve("mixes.yaml"));
        loader = new ProfileLoader(dir);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name + ".yaml"), text);
    }

    private List<ProfileError> errors(String text) throws Exception {
        return loader.validate(write("p", text));
    }

    private static ProfileError only(List<ProfileError> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void aCompleteProfileLoadsWithDefaultsFromBaseAndRatesFromItsMixLevel() throws Exception {
        write("p", GOOD);
        Profile p = loader.load("p");
        assertThat(p.name()).isEqualTo("p");
        assertThat(p.parent()).contains("base");
        assertThat(p.mix().level()).isEqualTo("limited");
        assertThat(p.mix().messagesPerActiveUserPerMinute()).isEqualTo(loader.mixes().get("limited").messagesPerActiveUserPerMinute());
        assertThat(p.slos().maxErrorPercent()).isEqualTo(1);
        assertThat(p.phases().holdSeconds()).isEqualTo(900);
        assertThat(p.limits()).isEmpty();
    }

    @Test
    void unknownFieldIsReportedAtItsLineWithTheKnownFields() throws Exception {
        ProfileError e = only(errors(GOOD.replace("  idleConnectedUsers: 75", "  idleConnectedUsers: 75\n  activeUser: 5")));
        assertThat(e.origin()).isEqualTo(new Origin(dir.resolve("p.yaml").toString(), 13));
        assertThat(e.field()).isEqualTo("population.activeUser");
        assertThat(e.message()).startsWith("unknown field; expected one of users, activeUsers, idleConnectedUsers");
        assertThat(e.toString()).isEqualTo(dir.resolve("p.yaml") + ":13: population.activeUser: " + e.message());
    }

    @Test
    void wrongTypeSaysWhatWasExpectedAndWhatWasFound() throws Exception {
        ProfileError e = only(errors(GOOD.replace("users: 200", "users: many")));
        assertThat(e.origin().line()).isEqualTo(10);
        assertThat(e.field()).isEqualTo("population.users");
        assertThat(e.message()).isEqualTo("expected an integer, got text 'many'");
    }

    @Test
    void negativeRateIsRejectedAtTheRateItself() throws Exception {
        ProfileError e = only(errors(GOOD.replace("mix: limited",
            "mix:\n  level: limited\n  messagesPerActiveUserPerMinute: -1")));
        assertThat(e.origin().line()).isEqualTo(15);
        assertThat(e.field()).isEqualTo("mix.messagesPerActiveUserPerMinute");
        assertThat(e.message()).isEqualTo("expected a number >= 0, got -1");
    }

    @Test
    void inconsistentPopulationIsReported() throws Exception {
        ProfileError e = only(errors(GOOD.replace("idleConnectedUsers: 75", "idleConnectedUsers: 175")));
        assertThat(e.field()).isEqualTo("population.activeUsers");
        assertThat(e.message()).contains("activeUsers + idleConnectedUsers <= users (200)");
    }

    @Test
    void missingSloSectionIsReportedWhenNothingProvidesIt() throws Exception {
        List<ProfileError> errors = errors(GOOD.replace("extends: base\n", ""));
        assertThat(errors).extracting(ProfileError::field).contains("slo", "injector", "ramp", "warmup", "hold");
        assertThat(errors).filteredOn(e -> e.field().equals("slo")).singleElement()
            .satisfies(e -> assertThat(e.message()).isEqualTo("missing; expected a mapping"));
    }

    @Test
    void aLatencySloWithoutAnyPercentileIsReported() throws Exception {
        ProfileError e = only(errors(GOOD + "slo:\n  latency:\n    sendMessage: {p95Ms: null, p99Ms: null}\n"));
        assertThat(e.field()).isEqualTo("slo.latency.sendMessage.p95Ms");
        assertThat(e.message()).startsWith("expected at least one percentile limit");
    }

    @Test
    void sloOnAnUnknownOrRawMetricIsReported() throws Exception {
        ProfileError e = only(errors(GOOD + "slo:\n  latency:\n    sendMessage.raw: {p95Ms: 100}\n"));
        assertThat(e.origin().line()).isEqualTo(16);
        assertThat(e.field()).isEqualTo("slo.latency.sendMessage.raw");
        assertThat(e.message()).startsWith("unknown metric").contains("never .raw");
    }

    @Test
    void extendsCycleIsReportedWithTheChain() throws Exception {
        write("a", "description: a\nextends: b\n");
        write("b", "description: b\nextends: a\n");
        assertThatThrownBy(() -> loader.load("a")).isInstanceOf(ProfileException.class)
            .satisfies(t -> {
                ProfileError e = only(((ProfileException) t).errors());
                assertThat(e.origin()).isEqualTo(new Origin(dir.resolve("b.yaml").toString(), 2));
                assertThat(e.message()).isEqualTo("extends cycle: a -> b -> a");
            });
        write("self", "description: s\nextends: self\n");
        assertThat(only(loader.validate(dir.resolve("self.yaml"))).message()).isEqualTo("extends cycle: self -> self");
    }

    @Test
    void unknownParentIsReported() throws Exception {
        ProfileError e = only(errors(GOOD.replace("extends: base", "extends: nosuch")));
        assertThat(e.origin().line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("extends");
        assertThat(e.message()).startsWith("unknown profile 'nosuch': no file");
    }

    @Test
    void yamlSyntaxAndDuplicateKeysAreReportedWithTheirLine() throws Exception {
        assertThat(only(errors(GOOD + "hold: {seconds: 5\n")).message()).startsWith("YAML syntax");
        ProfileError dup = only(errors(GOOD + "mix: heavy\n"));
        assertThat(dup.origin().line()).isEqualTo(14);
        assertThat(dup.message()).isEqualTo("duplicate key 'mix'");
    }

    @Test
    void unknownMixLevelListsTheLevels() throws Exception {
        ProfileError e = only(errors(GOOD.replace("mix: limited", "mix: extreme")));
        assertThat(e.origin().line()).isEqualTo(13);
        assertThat(e.message()).isEqualTo("expected one of limited, moderate, heavy, got text 'extreme'");
    }

    @Test
    void documentedMixLevelMustBeALevel() throws Exception {
        ProfileError e = only(errors(GOOD + "limits: {users: 200, mix: some, sources: [{file: f, quote: q}]}\n"));
        assertThat(e.origin().line()).isEqualTo(14);
        assertThat(e.field()).isEqualTo("limits.mix");
        assertThat(e.message()).isEqualTo("expected one of limited, moderate, heavy, got text 'some'");
    }

    @Test
    void childValuesOverrideParentsAndNullRemovesAnInheritedKey() throws Exception {
        write("parent", GOOD + "limits:\n  users: 200\n  activeUsers: 50\n  sources: [{file: f.txt, quote: q}]\n");
        write("child", "description: child\nextends: parent\nlimits: {activeUsers: null}\nhold: {seconds: 30}\n");
        Profile c = loader.load("child");
        assertThat(c.limits().orElseThrow().activeUsers()).isEmpty();
        assertThat(c.limits().orElseThrow().users()).isEqualTo(200);
        assertThat(c.phases().holdSeconds()).isEqualTo(30);
        assertThat(c.phases().warmupSeconds()).isEqualTo(60);
        assertThat(c.description()).isEqualTo("child");
    }

    @Test
    void abstractProfilesCannotBeRun() throws Exception {
        assertThatThrownBy(() -> loader.load("base")).isInstanceOf(ProfileException.class)
            .hasMessageContaining("abstract");
        assertThat(loader.validate(dir.resolve("base.yaml"))).isEmpty();
    }

    @Test
    void overridesApplyAfterExtendsAndAreValidatedLikeTheFile() throws Exception {
        write("p", GOOD);
        Profile p = loader.load("p", List.of("hold.seconds=60", "population.activeUsers=120",
            "slo.latency.upload.image.p95Ms=3000", "mix.messagesPerActiveUserPerMinute=3"));
        assertThat(p.phases().holdSeconds()).isEqualTo(60);
        assertThat(p.population().activeUsers()).isEqualTo(120);
        assertThat(p.slos().latency().get("upload.image").limits().get(0).threshold().toMillis()).isEqualTo(3000);
        assertThat(p.mix().messagesPerActiveUserPerMinute()).isEqualTo(3);
        assertThat(p.mix().level()).isEqualTo("limited");

        assertThat(loader.load("p", List.of("mix=heavy")).mix()).isEqualTo(loader.mixes().get("heavy"));

        assertThatThrownBy(() -> loader.load("p", List.of("hold.seconds=abc"))).isInstanceOf(ProfileException.class)
            .satisfies(t -> {
                ProfileError e = only(((ProfileException) t).errors());
                assertThat(e.origin()).isEqualTo(new Origin("--set hold.seconds=abc", 0));
                assertThat(e.toString()).isEqualTo("--set hold.seconds=abc: hold.seconds: expected an integer, got text 'abc'");
            });
        assertThatThrownBy(() -> loader.load("p", List.of("hold.secs=5"))).isInstanceOf(ProfileException.class)
            .hasMessageContaining("--set hold.secs=5: hold.secs: unknown field");
        assertThatThrownBy(() -> loader.load("p", List.of("population.activeUsers=-3"))).isInstanceOf(ProfileException.class)
            .hasMessage("--set population.activeUsers=-3: population.activeUsers: expected an integer >= 1, got -3");
        assertThatThrownBy(() -> loader.load("p", List.of("slo.latency.sendMessage.p99Ms=0")))
            .isInstanceOf(ProfileException.class).hasMessage("--set slo.latency.sendMessage.p99Ms=0: "
                + "slo.latency.sendMessage.p99Ms: expected a threshold > 0 ms, got number 0");
        assertThatThrownBy(() -> loader.load("p", List.of("mix.rooms=3"))).isInstanceOf(ProfileException.class)
            .hasMessage("--set mix.rooms=3: mix.rooms: expected a mapping, got number 3"); // one error, no cascade
        assertThatThrownBy(() -> loader.load("p", List.of("hold"))).isInstanceOf(ProfileException.class)
            .hasMessageContaining("expected field=value");
        assertThatThrownBy(() -> loader.load("p", List.of("population.users.x=1"))).isInstanceOf(ProfileException.class)
            .hasMessageContaining("cannot set a field inside 'users'");
    }

    @Test
    void scalingKeepsThePopulationShapeAndTheRampDuration() throws Exception {
        write("p", GOOD);
        Profile p = loader.load("p");
        Profile s = p.scaledTo(100);
        assertThat(s.population()).isEqualTo(new Population(400, 100, 150));
        assertThat(s.phases().ramp(s.population().connectedUsers()))
            .isEqualTo(p.phases().ramp(p.population().connectedUsers()));
        assertThat(s.limits()).isEqualTo(p.limits());
        assertThat(s.mix()).isEqualTo(p.mix());
        assertThat(s.slos()).isEqualTo(p.slos());
        assertThat(p.scaledTo(10).population()).isEqualTo(new Population(40, 10, 15));
        assertThat(p.scaledTo(1).population().activeUsers()).isEqualTo(1);
        assertThatThrownBy(() -> p.scaledTo(0)).isInstanceOf(FieldException.class).hasMessageContaining("activeUsers");
    }

    @Test
    void badMixesFileIsReportedAtItsLine() throws Exception {
        String mixes = Files.readString(dir.resolve("mixes.yaml"));
        Files.writeString(dir.resolve("mixes.yaml"), mixes.replaceFirst("share: 0.01", "share: 1.5"));
        List<ProfileError> errors = loader.validate(dir.resolve("mixes.yaml"));
        assertThat(only(errors).field()).isEqualTo("limited.uploads.share");
        assertThat(errors.get(0).message()).isEqualTo("expected a share between 0 and 1, got 1.5");
        assertThat(errors.get(0).origin().line()).isGreaterThan(1);
    }
}
