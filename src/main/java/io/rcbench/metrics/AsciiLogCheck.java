package io.rcbench.metrics;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses a text log (an HdrHistogram interval log) holding a byte that is not ASCII, naming the line and column,
 * so a torn or overwritten file is reported where it is broken instead of being read as if it ended there.
 * Stateless.
 */
public final class AsciiLogCheck {
    private AsciiLogCheck() {
    }

    /** Reads {@code file} once; throws an {@link IOException} naming {@code file:line} at its first non-ASCII byte. */
    public static void require(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long line = 1;
            long column = 1;
            int b;
            while ((b = in.read()) >= 0) {
                if (b >= 0x80) {
                    throw new IOException(String.format("%s:%d: not a latency log: byte 0x%02X at column %d is not ASCII text"
                        + " (the file is corrupt)", file, line, b, column));
                }
                if (b == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
        }
    }
}
