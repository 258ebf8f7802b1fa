package io.rcbench.cli;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a child process when the process that started it dies, however it dies (kill -9 included): the parent
 * holds the write end of the child's standard input, and the kernel closes it when the parent goes, so the
 * child reads end-of-file. Polling the parent's PID would need a period and could be fooled by PID reuse; the
 * pipe needs neither.
 */
final class ParentWatch {
    private ParentWatch() {
    }

    /**
     * Starts a daemon thread that reads and discards {@code in} and runs {@code onEnd} once at end-of-file or on a
     * read error. The thread is the only reader of {@code in}.
     */
    static Thread start(InputStream in, Runnable onEnd) {
        Thread t = new Thread(() -> {
            byte[] discard = new byte[256];
            try {
                while (in.read(discard) >= 0) {
                    // the parent has nothing to say; whatever it writes is ignored
                }
            } catch (IOException e) {
                // a broken pipe means the same as end-of-file: the parent is gone
            }
            onEnd.run();
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
