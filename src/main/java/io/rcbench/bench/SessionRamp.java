package io.rcbench.bench;

import io.rcbench.injector.HostLimits;
import io.rcbench.rocketchat.ActionTransport;
import io.rcbench.rocketchat.RocketChatConnector;
import io.rcbench.rocketchat.RocketChatSession;
import io.rcbench.rocketchat.WebClientSubscriptions.Profile;
import io.rcbench.workspace.seed.SeedPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Logs sessions in, in steps of a twentieth of the request (at least the logins in flight), each step only as large
 * as the limits allow; after each step it records RSS for the slope, and stops after a step where more than 1 % of
 * the logins failed or one failed on a kernel limit, at a limit, on Ctrl-C, or when every session is held. A few
 * timeouts of a starved target (a loaded machine) are counted, not a reason to stop. Used by one thread.
 */
final class SessionRamp {
    private final SessionsBench.Options o;
    private final PrintStream out;
    volatile boolean interrupted;

    SessionRamp(SessionsBench.Options o, PrintStream out) {
        this.o = o;
        this.out = out;
    }

    /** What the ramp left: the sessions, their login times, failures, why it stopped, RSS points, CPU used. */
    record Outcome(RocketChatSession[] sessions, Histogram login, int held, int failed, String firstFailure,
                   StopReason reason, List<RssSlope.Point> points, ProcessStatus before, long heapBefore,
                   int heldWarm, long heapWarm, double seconds, double injectorCores, double workspaceCores) {
    }

    Outcome run(RocketChatConnector connector, long wsPid) throws IOException {
        String userPassword = System.getenv().getOrDefault("RCBENCH_USER_PASSWORD", "performance");
        long heapBefore = liveHeap();
        ProcessStatus before = ProcessStatus.self();
        RocketChatSession[] sessions = new RocketChatSession[o.sessions()];
        Histogram login = new ConcurrentHistogram(3_600_000L, 3);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Semaphore window = new Semaphore(o.loginConcurrency());
        List<RssSlope.Point> points = new ArrayList<>();
        int step = Math.max(o.loginConcurrency(), (o.sessions() + SessionsBench.STEPS - 1) / SessionsBench.STEPS);
        int addresses = Math.max(1, o.localAddresses().size());
        int started = 0;
        int heldWarm = 0;
        long heapWarm = heapBefore;
        StopReason reason = null;
        long t0 = System.nanoTime();
        long cpu0 = SessionsBench.injectorCpuNanos();
        long wsCpu0 = SessionsBench.cpuTicks(wsPid);
        while (reason == null) {
            if (started == o.sessions()) {
                reason = new StopReason(StopReason.Kind.ALL_HELD, "all " + o.sessions() + " sessions requested");
                break;
            }
            SessionBudget.Fit fit = SessionBudget.next(Math.min(step, o.sessions() - started), HostLimits.self(),
                HostLimits.of(Long.toString(wsPid)), o.loginConcurrency(), ok.get(), addresses);
            int failedBefore = failed.get();
            try {
                for (int k = 0; k < fit.sessions() && !interrupted; k++) {
                    window.acquire();
                    int n = started++;
                    long start = System.nanoTime();
                    connector.login(SeedPlan.username(n), userPassword, o.login(), ActionTransport.DDP)
                        .thenCompose(s -> {
                            sessions[n] = s;
                            return s.subscribeAfterLogin(Profile.WEB);
                        })
                        .whenComplete((v, t) -> {
                            if (t != null) {
                                failed.incrementAndGet();
                                firstFailure.compareAndSet(null, String.valueOf(t.getCause() != null ? t.getCause() : t));
                            } else {
                                ok.incrementAndGet();
                                login.recordValue(Math.max(0, (System.nanoTime() - start) / 1_000_000));
                            }
                            window.release();
                        });
                }
                window.acquire(o.loginConcurrency());
                window.release(o.loginConcurrency());
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (interrupted) {
                reason = new StopReason(StopReason.Kind.INTERRUPTED, "stopped by Ctrl-C (or SIGTERM) during the ramp");
                break;
            }
            ProcessStatus now = ProcessStatus.self();
            points.add(new RssSlope.Point(ok.get(), now.rssKb()));
            if (points.size() == 1) {
                // marginal heap is measured from a warm baseline: classes loaded, JIT, pools and caches allocated
                heldWarm = ok.get();
                heapWarm = liveHeap();
            }
            out.printf("  %,d sessions held (%d failed), RSS %d MB, %d threads, %.1f s%n", ok.get(), failed.get(),
                now.rssKb() / 1024, now.threads(), (System.nanoTime() - t0) / 1e9);
            int stepFailed = failed.get() - failedBefore;
            String failure = firstFailure.get();
            if (stepFailed > 0 && (stepFailed * 100 > fit.sessions() || SessionBudget.isLimit(failure))) {
                reason = SessionBudget.ofFailure(String.format("%d of the last step's %d (first: %s)", stepFailed,
                    fit.sessions(), failure));
            } else if (fit.limit() != null) {
                reason = fit.limit();
            }
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - t0) / 1e9);
        double injectorCores = (SessionsBench.injectorCpuNanos() - cpu0) / 1e9 / seconds;
        double workspaceCores = (SessionsBench.cpuTicks(wsPid) - wsCpu0) / 100.0 / seconds;
        out.printf("%,d sessions held (%d subs each) of %,d requested, %d failed, in %.1f s: %.0f sessions/s%n",
            ok.get(), SessionsBench.SUBS_PER_SESSION, o.sessions(), failed.get(), seconds, ok.get() / seconds);
        out.println("stopped: " + reason);
        out.printf("CPU while connecting: injector %.2f cores, workspace %.2f cores (of %d allowed)%n", injectorCores,
            workspaceCores, o.envelope().cores());
        return new Outcome(sessions, login, ok.get(), failed.get(), firstFailure.get(), reason, points, before,
            heapBefore, heldWarm, heapWarm, seconds, injectorCores, workspaceCores);
    }

    private long liveHeap() {
        try {
            return ProcessStatus.liveHeapBytes();
        } catch (InterruptedException e) {
            interrupted = true;
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}
