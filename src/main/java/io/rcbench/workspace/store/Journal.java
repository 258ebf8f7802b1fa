package io.rcbench.workspace.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The write-ahead journal of the store: one line per successful write statement (its SQL and parameters, as a JSON
 * array), appended after H2 committed it and made durable by {@link #sync()} (fdatasync) before the write is
 * acknowledged. H2 itself writes in the background; after a crash, the statements of the journal files not yet
 * covered by an H2 checkpoint are replayed ({@link #replay}). An fdatasync of an append costs about a tenth of the
 * CPU of an H2 checkpoint with fsync, and writes a few hundred bytes instead of a chunk of pages.
 *
 * <p>Files are {@code journal-<n>.log} in the data directory. {@link #rotate()} starts the next file and returns
 * the previous ones, which the caller deletes once an H2 checkpoint covers them. Replay is idempotent: the
 * statements are inserts (a duplicate key is skipped), upserts, and updates or deletes by key with absolute values,
 * replayed in their original order. Thread-safety: {@link #append} is called under the caller's write lock (the
 * journal order is then the commit order), {@link #sync} and {@link #rotate} by the one flusher thread.
 */
final class Journal implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".log";
    private final Path dir;
    private final Object fileLock = new Object();
    private FileChannel channel;
    private Path current;
    private long sequence;

    /** One journaled statement. */
    record Entry(String sql, List<Object> params) {
    }

    /** Opens a new journal file after the highest existing one (existing files are left for {@link #replay}). */
    Journal(Path dir) throws IOException {
        this.dir = dir;
        List<Path> existing = files(dir);
        sequence = existing.isEmpty() ? 0 : number(existing.get(existing.size() - 1));
        open();
    }

    private void open() throws IOException {
        sequence++;
        current = dir.resolve(PREFIX + String.format("%012d", sequence) + SUFFIX);
        channel = FileChannel.open(current, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        // the new file's directory entry must survive a power cut too
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException directoriesCannotBeOpened) {
            // some file systems refuse; the file's own fsyncs still cover its content
        }
    }

    /** Journal files in {@code dir}, oldest first. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+" + "\\" + SUFFIX)).sorted().toList();
        }
    }

    private static long number(Path p) {
        String n = p.getFileName().toString();
        return Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length()));
    }

    /**
     * The complete entries of {@code files}, in order. A last line cut short by a crash (no newline, or not JSON)
     * ends its file: it was never synced, so never acknowledged.
     */
    static List<Entry> replay(List<Path> files) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            try (BufferedReader r = new BufferedReader(new java.io.StringReader(end < 0 ? "" : text.substring(0, end)))) {
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode a;
                    try {
                        a = JSON.readTree(line);
                    } catch (IOException torn) {
                        break;
                    }
                    List<Object> params = new ArrayList<>();
                    for (int i = 1; i < a.size(); i++) {
                        JsonNode p = a.get(i);
                        params.add(p.isNull() ? null : p.isBoolean() ? p.asBoolean() : p.isIntegralNumber() ? p.asLong() : p.asText());
                    }
                    out.add(new Entry(a.get(0).asText(), params));
                }
            }
        }
        return out;
    }

    /** Appends one statement (not yet durable: see {@link #sync()}). */
    void append(String sql, List<Object> params) throws IOException {
        ArrayNode a = JSON.createArrayNode().add(sql);
        for (Object p : params) {
            a.add(JSON.valueToTree(p));
        }
        ByteBuffer b = ByteBuffer.wrap((JSON.writeValueAsString(a) + "\n").getBytes(StandardCharsets.UTF_8));
        synchronized (fileLock) {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }
    }

    /** Makes every appended entry durable (fdatasync). */
    void sync() throws IOException {
        FileChannel c;
        synchronized (fileLock) {
            c = channel;
        }
        c.force(false);
    }

    /** Syncs and closes the current file, opens the next; returns the files before the new one. */
    List<Path> rotate() throws IOException {
        synchronized (fileLock) {
            channel.force(false);
            channel.close();
            open();
        }
        List<Path> older = new ArrayList<>(files(dir));
        older.removeIf(p -> number(p) >= sequence);
        return older;
    }

    /** Size of the current file in bytes. */
    long currentSize() throws IOException {
        synchronized (fileLock) {
            return channel.size();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (fileLock) {
            channel.force(false);
            channel.close();
        }
    }
}
