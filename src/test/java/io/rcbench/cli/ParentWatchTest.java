package io.rcbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The watch fires at end-of-file of the parent's pipe, not before, and not on what the parent writes. */
class ParentWatchTest {
    @Test
    void firesOnceThePipeClosesAndNotBefore() throws Exception {
        PipedOutputStream parent = new PipedOutputStream();
        PipedInputStream child = new PipedInputStream(parent);
        CountDownLatch ended = new CountDownLatch(1);
        ParentWatch.start(child, ended::countDown);
        parent.write("anything\n".getBytes());
        parent.flush();
        assertThat(ended.await(300, TimeUnit.MILLISECONDS)).as("fired while the parent is alive").isFalse();
        parent.close();
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("fired after the pipe closed").isTrue();
    }
}
