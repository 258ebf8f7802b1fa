package io.rcbench.ddp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop's deadline behaves as orTimeout does, without the JDK's timer thread. */
class DeadlineTest {
    private final DefaultEventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void anAnswerInTimeIsPassedOnAndItsTimerCancelled() throws Exception {
        CompletableFuture<String> f = new CompletableFuture<>();
        CompletableFuture<String> bounded = Deadline.within(f, Duration.ofSeconds(30), loop);
        f.complete("ready");
        assertThat(bounded.get(5, TimeUnit.SECONDS)).isEqualTo("ready");
        // the cancelled timer leaves the loop's queue (Netty removes cancelled tasks on the loop)
        loop.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertThat(loop.pendingTasks()).isZero();
    }

    @Test
    void noAnswerFailsWithATimeoutAndLeavesTheOriginalAlone() {
        CompletableFuture<String> f = new CompletableFuture<>();
        CompletableFuture<String> bounded = Deadline.within(f, Duration.ofMillis(50), loop);
        assertThatThrownBy(() -> bounded.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(TimeoutException.class);
        assertThat(f).isNotDone();
    }

    @Test
    void aFailureIsPassedOnAsItCame() {
        CompletableFuture<String> f = new CompletableFuture<>();
        CompletableFuture<String> bounded = Deadline.within(f, Duration.ofSeconds(30), loop);
        f.completeExceptionally(new IllegalStateException("nosub"));
        assertThatThrownBy(() -> bounded.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    }
}
