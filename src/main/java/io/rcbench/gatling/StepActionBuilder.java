package io.rcbench.gatling;

import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import java.time.Duration;
import java.util.function.Function;

/** An immutable builder of one measured action: its name (in Gatling's report and rcbench's logs) and its step. */
public final class StepActionBuilder implements ActionBuilder {
    private final String name;
    private final Function<ScenarioContext, Step> step;
    private final Duration timeout;

    /** A step that needs nothing from Gatling to be built. */
    static StepActionBuilder of(String name, Step step) {
        return new StepActionBuilder(name, ctx -> step, null);
    }

    /** A step that needs Gatling's components (its event loops) when the scenario is built. */
    static StepActionBuilder withContext(String name, Function<ScenarioContext, Step> step) {
        return new StepActionBuilder(name, step, null);
    }

    private StepActionBuilder(String name, Function<ScenarioContext, Step> step, Duration timeout) {
        if (name == null || name.isBlank() || name.contains(" ") || name.contains(",")) {
            throw new IllegalArgumentException("action names are log tags: no blanks, spaces or commas: '" + name + "'");
        }
        this.name = name;
        this.step = step;
        this.timeout = timeout;
    }

    /** The same step under another name. */
    public StepActionBuilder named(String newName) {
        return new StepActionBuilder(newName, step, timeout);
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
        return new StepActionBuilder(name, step, limit);
    }

    /** What a step may take beyond the plan's action timeout when it has no timeout of its own. */
    public static final Duration GRACE = Duration.ofSeconds(1);

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) -> {
            RunContext run = RunContext.current();
            Duration limit = timeout != null ? timeout : run.plan().actionTimeout().plus(GRACE);
            return new AsyncAction(name, step.apply(ctx), next, ctx.coreComponents().statsEngine(),
                ctx.coreComponents().clock(), run.metrics(), limit);
        };
    }
}
