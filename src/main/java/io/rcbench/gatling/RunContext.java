package io.rcbench.gatling;

import io.netty.channel.EventLoopGroup;
import io.rcbench.ddp.client.DdpClients;
import io.rcbench.run.LoadPlan;
import io.rcbench.run.RunMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a running simulation needs from the main job: the plan, where to record, the run's clock and a stop flag.
 * Gatling instantiates simulations by class name without arguments, so the {@link GatlingDriver} publishes the
 * context here before it starts Gatling and clears it afterwards; one run per JVM at a time.
 *
 * <p>The run's clock starts when the simulation calls {@link #begin()} from its {@code before()} hook, i.e. when
 * Gatling is about to inject the first user: Gatling's own start-up (a second or two) must not eat the hold.
 */
public final class RunContext implements io.rcbench.run.LoadRun {
    private static final AtomicReference<RunContext> CURRENT = new AtomicReference<>();
    private final LoadPlan plan;
    private final RunMetrics metrics;
    private final long drainNanos;
    private final long startAtNanos;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private DdpClients ddpClients;
    private volatile io.rcbench.ddp.ws.LocalAddresses localAddresses = io.rcbench.ddp.ws.LocalAddresses.ANY;
    private volatile java.util.function.Consumer<io.netty.channel.EventLoop> onLoop = loop -> { };
    private volatile long startNanos;
    private volatile long stoppedAtNanos;
    private volatile long startEpochMs;

    /**
     * @param drain how long users stay connected after the hold so in-flight deliveries can arrive
     */
    public RunContext(LoadPlan plan, RunMetrics metrics, Duration drain) {
        this(plan, metrics, drain, 0);
    }

    /**
     * @param startAtNanos when the ramp must start ({@link System#nanoTime()}): the common start of sharded
     *                     injectors; {@link #begin()} waits for it. 0: start when the simulation does.
     */
    public RunContext(LoadPlan plan, RunMetrics metrics, Duration drain, long startAtNanos) {
        this.plan = plan;
        this.metrics = metrics;
        this.drainNanos = drain.toNanos();
        this.startAtNanos = startAtNanos;
    }

    /** The context of the running simulation; fails clearly when a simulation is started outside the driver. */
    public static RunContext current() {
        RunContext c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("no rcbench run context: start simulations with 'rcbench run', not directly");
        }
        return c;
    }

    static void publish(RunContext context) {
        if (!CURRENT.compareAndSet(null, context)) {
            throw new IllegalStateException("a simulation is already running in this JVM");
        }
        io.rcbench.run.LoadRun.Current.publish(context);
    }

    static void clear(RunContext context) {
        io.rcbench.run.LoadRun.Current.clear(context);
        CURRENT.compareAndSet(context, null);
    }

    /** Starts the run's clock (the ramp begins now); called once, from the simulation's {@code before()}. */
    public synchronized void begin() {
        long wait = startAtNanos == 0 ? 0 : startAtNanos - System.nanoTime();
        if (startNanos == 0 && wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (startNanos == 0) {
            startEpochMs = System.currentTimeMillis();
            startNanos = System.nanoTime();
        }
    }

    @Override
    public boolean begun() {
        return startNanos != 0;
    }

    @Override
    public LoadPlan plan() {
        return plan;
    }

    @Override
    public RunMetrics metrics() {
        return metrics;
    }

    /** Binds the run's DDP sockets to these addresses in turn (before the first user connects). */
    RunContext bindingTo(io.rcbench.ddp.ws.LocalAddresses local) {
        this.localAddresses = local;
        return this;
    }

    /** The run's DDP client factory on Gatling's own event loops (created on first use). */
    synchronized DdpClients ddpClients(EventLoopGroup gatlingLoops) {
        if (ddpClients == null) {
            ddpClients = DdpClients.using(gatlingLoops, DdpClients.socketChannelFor(gatlingLoops), localAddresses);
            io.rcbench.ddp.client.DdpStats stats = ddpClients.stats();
            metrics.clientFailureSource(() -> new io.rcbench.run.RunSummary.ClientFailures(stats.listenerErrors(),
                stats.malformedTotal(), stats.protocolErrors(), stats.callTimeouts(), 0));
            gatlingLoops.forEach(loop -> onLoop.accept((io.netty.channel.EventLoop) loop));
        }
        return ddpClients;
    }

    /** Called once per Gatling event loop when the first virtual user connects (the health probe watches them). */
    @Override
    public void onEventLoop(java.util.function.Consumer<io.netty.channel.EventLoop> listener) {
        this.onLoop = listener;
    }


    /** Set by Ctrl-C or an early stop: users stop acting and leave. */
    @Override
    public AtomicBoolean stopping() {
        return stopping;
    }

    /** Stops the run now (Ctrl-C): users stop acting; the first to notice stops Gatling's injection. */
    @Override
    public void stop() {
        if (stopping.compareAndSet(false, true)) {
            stoppedAtNanos = System.nanoTime();
        }
    }

    /** When {@link #stop()} was called ({@link System#nanoTime()}), or 0 if it was not. */
    @Override
    public long stoppedAtNanos() {
        return stoppedAtNanos;
    }

    @Override
    public long startNanos() {
        return startNanos;
    }

    public long startEpochMs() {
        return startEpochMs;
    }

    /** The hold window starts when the ramp and the warm-up are over. */
    @Override
    public long holdStartNanos() {
        return startNanos + plan.ramp().toNanos() + plan.warmup().toNanos();
    }

    /** When active users stop starting actions. */
    @Override
    public long holdEndNanos() {
        return holdStartNanos() + plan.hold().toNanos();
    }

    /** When every user disconnects: the end of the hold plus the drain. */
    @Override
    public long endNanos() {
        return holdEndNanos() + drainNanos;
    }

    /**
     * The longest a simulation may run (Gatling's {@code maxDuration}): ramp, warm-up, hold and drain, plus two action
     * timeouts for the last actions and the goodbyes, plus a minute for Gatling itself. A user stuck past it is
     * stopped by Gatling rather than holding the run open.
     */
    public Duration maxDuration() {
        return plan.ramp().plus(plan.warmup()).plus(plan.hold()).plus(Duration.ofNanos(drainNanos))
            .plus(plan.actionTimeout().multipliedBy(2)).plus(Duration.ofMinutes(1));
    }

    /** True once the run should wind down: the hold is over or the user pressed Ctrl-C. */
    public boolean holdOver() {
        return stopping.get() || System.nanoTime() >= holdEndNanos();
    }

    /** Milliseconds left until {@code deadlineNanos}, or 0 when stopping. */
    public long millisUntil(long deadlineNanos) {
        return stopping.get() ? 0 : Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }
}
