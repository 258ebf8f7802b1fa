package io.rcbench.gatling;

import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import java.time.Duration;
import java.util.function.Function;

/**
 * An immutable builder of one measured action: its name (in Gatling's report and rcbench's logs), its step, how long
 * it may take ({@link #timeout}) and whether the virtual user waits for it ({@link #detached()}).
 */
public final class StepActionBuilder implements ActionBuilder {
    /** What a step may take beyond the plan's action timeout when it has no timeout of its own. */
    public static final Duration GRACE = Duration.ofSeconds(1);
    private final String name;
    private final Function<ScenarioContext, Step> step;
    private final Duration timeout;
    private final boolean detached;

    /** A step that needs nothing from Gatling to be built. */
    static StepActionBuilder of(String name, Step step) {
        return new StepActionBuilder(name, ctx -> step, null, false);
    }

    /** A step that needs Gatling's components (its event loops) when the scenario is built. */
    static StepActionBuilder withContext(String name, Function<ScenarioContext, Step> step) {
        return new StepActionBuilder(name, step, null, false);
    }

    private StepActionBuilder(String name, Function<ScenarioContext, Step> step, Duration timeout, boolean detached) {
        if (name == null || name.isBlank() || name.contains(" ") || name.contains(",")) {
            throw new IllegalArgumentException("action names are log tags: no blanks, spaces or commas: '" + name + "'");
        }
        this.name = name;
        this.step = step;
        this.timeout = timeout;
        this.detached = detached;
    }

    /** The same step under another name. */
    public StepActionBuilder named(String newName) {
        return new StepActionBuilder(newName, step, timeout, detached);
    }

    /**
     * The same step failing as a timeout after {@code limit}. Without one a step may take the plan's action timeout
     * plus {@link #GRACE}: the DDP client's own per-call timeout fires first and names the method, this one bounds
     * what no call timeout covers (a subscription's ready, several calls in a row).
     */
    public StepActionBuilder timeout(Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a step timeout must be positive");
        }
        return new StepActionBuilder(name, step, limit, detached);
    }

    /**
     * The same step, but the virtual user does not wait for it: the scenario goes on as soon as the step has sent its
     * frames, and the action is timed and logged when its answer arrives. This is how a Meteor client sends a
     * method: at once, whatever earlier calls still wait for (the server orders one session's methods itself). The
     * step's resulting session is not used; what it learns goes to the user's own state. The user lets detached
     * actions finish before it closes its connection ({@link RcbenchDsl#settle()}).
     */
    public StepActionBuilder detached() {
        return new StepActionBuilder(name, step, timeout, true);
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) -> {
            RunContext run = RunContext.current();
            Duration limit = timeout != null ? timeout : run.plan().actionTimeout().plus(GRACE);
            return new AsyncAction(name, step.apply(ctx), next, ctx.coreComponents().statsEngine(),
                ctx.coreComponents().clock(), run.metrics(), limit, detached);
        };
    }
}
