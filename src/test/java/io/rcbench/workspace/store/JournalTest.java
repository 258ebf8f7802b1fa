package io.rcbench.workspace.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal gives back what was appended, in order, with its parameter types; a torn last line is dropped. */
class JournalTest {
    @TempDir
    Path dir;

    @Test
    void replaysCompleteEntriesInOrderAndDropsATornTail() throws Exception {
        try (Journal j = new Journal(dir)) {
            j.append("INSERT INTO t VALUES (?,?,?,?)", Arrays.asList("a \"quoted\"\nline", 1_796_104_800_000L, true, null));
            j.append("DELETE FROM t WHERE id = ?", List.of("a"));
            j.sync();
        }
        Path file = Journal.files(dir).get(0);
        Files.writeString(file, "[\"INSERT INTO t VALUES (?)\",\"cut sh", StandardOpenOption.APPEND);
        List<Journal.Entry> entries = Journal.replay(Journal.files(dir));
        assertThat(entries).containsExactly(
            new Journal.Entry("INSERT INTO t VALUES (?,?,?,?)", Arrays.asList("a \"quoted\"\nline", 1_796_104_800_000L, true, null)),
            new Journal.Entry("DELETE FROM t WHERE id = ?", List.of("a")));
    }

    @Test
    void rotationStartsTheNextFileAndHandsBackTheOlderOnes() throws Exception {
        try (Journal j = new Journal(dir)) {
            j.append("DELETE FROM t WHERE id = ?", List.of("x"));
            List<Path> older = j.rotate();
            assertThat(older).hasSize(1);
            j.append("DELETE FROM t WHERE id = ?", List.of("y"));
            assertThat(Journal.files(dir)).hasSize(2).startsWith(older.get(0));
        }
        try (Journal next = new Journal(dir)) {
            assertThat(Journal.files(dir)).as("a reopened journal appends to a new file after the others").hasSize(3);
        }
    }
}
