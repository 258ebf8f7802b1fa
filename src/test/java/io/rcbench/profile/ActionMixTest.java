package io.rcbench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mix keys of what users do besides sending ({@link ActionMix}): each level of mixes.yaml has them, growing from
 * limited to heavy; a profile may override them; a bad value is reported at its file, line and field like every
 * other mix key; a mix written without them has none of those actions.
 */
class ActionMixTest {
    @TempDir Path dir;
    private ProfileLoader loader;

    /** A complete profile whose mix is written out; line numbers below refer to this text. */
    private static final String PROFILE = String.join("\n",
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
        "mix:",                                                 // 13
        "  level: moderate",                                    // 14
        "  reactions: {perActiveUserPerMinute: 1}",             // 15
        "  threads:",                                           // 16
        "    repliesPerActiveUserPerMinute: 0.3",               // 17
        "    opensPerActiveUserPerMinute: 0.1",                 // 18
        "");

    @BeforeEach
    void copyDefaults() throws Exception {
        Files.copy(Path.of("profiles", "base.yaml"), dir.resolve("base.yaml"));
        Files.copy(Path.of("profiles", "mixes.yaml"), dir.resolve("mixes.yaml"));
        loader = new ProfileLoader(dir);
    }

    private List<ProfileError> errors(String text) throws Exception {
        return loader.validate(Files.writeString(dir.resolve("p.yaml"), text));
    }

    private static ProfileError only(List<ProfileError> errors) {
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void everyLevelHasEveryActionGrowingFromLimitedToHeavy() throws Exception {
        Map<String, ActivityMix> mixes = loader.mixes();
        List<ToDoubleFunction<ActionMix>> rates = List.of(a -> a.presence().statusChangesPerActiveUserPerMinute(),
            a -> a.presence().watchUpdatesPerActiveUserPerMinute(), a -> a.presence().watchedMembers(),
            a -> a.reactions().perActiveUserPerMinute(), a -> a.edits().perActiveUserPerMinute(),
            a -> a.deletes().perActiveUserPerMinute(), a -> a.threads().repliesPerActiveUserPerMinute(),
            a -> a.threads().opensPerActiveUserPerMinute(), a -> a.search().perActiveUserPerMinute(),
            a -> a.historyPages().perActiveUserPerMinute(), a -> a.unreadCounts().perActiveUserPerMinute());
        for (var rate : rates) {
            double l = rate.applyAsDouble(mixes.get("limited").actions());
            double m = rate.applyAsDouble(mixes.get("moderate").actions());
            double h = rate.applyAsDouble(mixes.get("heavy").actions());
            assertThat(l).isGreaterThan(0).isLessThan(m);
            assertThat(m).isLessThan(h);
        }
        // the RC load tester's ratios to messages: 10 status changes and 100 presence subscriptions per 100 messages
        for (ActivityMix mix : mixes.values()) {
            assertThat(mix.actions().presence().statusChangesPerActiveUserPerMinute())
                .isCloseTo(mix.messagesPerActiveUserPerMinute() / 10, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(mix.actions().presence().watchUpdatesPerActiveUserPerMinute())
                .isCloseTo(mix.messagesPerActiveUserPerMinute(), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void aProfileOverridesSingleActionsAndKeepsTheLevelsOthers() throws Exception {
        Files.writeString(dir.resolve("p.yaml"), PROFILE);
        ActionMix level = loader.mixes().get("moderate").actions();
        ActionMix a = loader.load("p", List.of("mix.edits.perActiveUserPerMinute=0.5")).mix().actions();
        assertThat(a.reactions().perActiveUserPerMinute()).isEqualTo(1);
        assertThat(a.threads()).isEqualTo(new ActionMix.Threads(0.3, 0.1));
        assertThat(a.edits().perActiveUserPerMinute()).isEqualTo(0.5);
        assertThat(a.presence()).isEqualTo(level.presence());
        assertThat(a.search()).isEqualTo(level.search());
    }

    @Test
    void aNegativeRateIsReportedAtItsFileLineAndField() throws Exception {
        ProfileError e = only(errors(PROFILE.replace("perActiveUserPerMinute: 1}", "perActiveUserPerMinute: -1}")));
        assertThat(e.origin()).isEqualTo(new Origin(dir.resolve("p.yaml").toString(), 15));
        assertThat(e.field()).isEqualTo("mix.reactions.perActiveUserPerMinute");
        assertThat(e.message()).isEqualTo("expected a number >= 0, got -1");
    }

    @Test
    void aWrongTypeAndAnUnknownKeyAreReportedLikeOtherMixKeys() throws Exception {
        ProfileError type = only(errors(PROFILE.replace("repliesPerActiveUserPerMinute: 0.3",
            "repliesPerActiveUserPerMinute: often")));
        assertThat(type.origin().line()).isEqualTo(17);
        assertThat(type.field()).isEqualTo("mix.threads.repliesPerActiveUserPerMinute");
        assertThat(type.message()).isEqualTo("expected a number, got text 'often'");

        ProfileError unknown = only(errors(PROFILE.replace("reactions: {perActiveUserPerMinute: 1}",
            "reactions: {perMinute: 1, perActiveUserPerMinute: 1}")));
        assertThat(unknown.origin().line()).isEqualTo(15);
        assertThat(unknown.field()).isEqualTo("mix.reactions.perMinute");
        assertThat(unknown.message()).startsWith("unknown field; expected one of perActiveUserPerMinute");
    }

    @Test
    void aBadValueInMixesYamlIsReportedAtItsLine() throws Exception {
        String mixes = Files.readString(dir.resolve("mixes.yaml"));
        Files.writeString(dir.resolve("mixes.yaml"), mixes.replaceFirst("watchedMembers: 10", "watchedMembers: -3"));
        ProfileError e = only(loader.validate(dir.resolve("mixes.yaml")));
        int line = 1 + (int) mixes.substring(0, mixes.indexOf("watchedMembers: 10")).chars().filter(c -> c == '\n').count();
        assertThat(e.origin()).isEqualTo(new Origin(dir.resolve("mixes.yaml").toString(), line));
        assertThat(e.field()).isEqualTo("limited.presence.watchedMembers");
        assertThat(e.message()).contains("an integer between 0 and 500").contains("-3");
    }

    @Test
    void aMixWithoutTheKeysHasNoneOfTheseActions() throws Exception {
        String mixes = Files.readString(dir.resolve("mixes.yaml"));
        StringBuilder older = new StringBuilder();
        for (String line : mixes.split("\n")) {
            if (!line.matches("  (presence|reactions|edits|deletes|threads|search|historyPaging|unreadCounts):.*")) {
                older.append(line).append('\n');
            }
        }
        Files.writeString(dir.resolve("mixes.yaml"), older.toString());
        assertThat(loader.mixes().values()).allSatisfy(m -> assertThat(m.actions()).isEqualTo(ActionMix.NONE));
    }
}
