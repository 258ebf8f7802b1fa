package io.rcbench.workspace.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.rcbench.ddp.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the disk holds the moment a write returns is enough: a copy of the data directory taken then (as a crash
 * leaves it, before H2's background writer ran) opens with every write, replayed from the journal.
 */
class DatabaseJournalTest {
    @TempDir
    Path dir;

    @Test
    void aCopyTakenRightAfterTheWritesHasThemAll() throws Exception {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        Database db = new Database(live);
        try {
            MessageStore messages = new MessageStore(db);
            for (int i = 0; i < 50; i++) {
                messages.insert("m" + i, "room", 1_000L + i, "u1", Json.object().put("_id", "m" + i).put("msg", "text " + i));
            }
            db.update("INSERT INTO settings(id, val) VALUES (?, ?)", ps -> {
                ps.setString(1, "Some_Setting");
                ps.setString(2, "\"on\"");
            });
            copy(live, crashed);
        } finally {
            db.close();
        }
        assertThat(Journal.files(live.resolve("journal"))).as("a clean close leaves no journal").isEmpty();
        try (Database reopened = new Database(crashed)) {
            assertThat(reopened.count("messages")).isEqualTo(50);
            assertThat(new MessageStore(reopened).history("room", Long.MAX_VALUE, 1, 0).get(0).path("msg").asText())
                .isEqualTo("text 49");
            assertThat(reopened.count("settings")).isEqualTo(1);
            assertThat(Journal.files(crashed.resolve("journal"))).as("replayed, checkpointed, removed").hasSize(1);
        }
    }

    /** The files as they are now: H2's (whatever it wrote so far) and the journal. */
    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
