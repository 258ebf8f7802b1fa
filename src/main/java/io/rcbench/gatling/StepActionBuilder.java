package io.rcbench.gatling;

import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import java.util.function.Function;

/**
 * An immutable builder of one measured action: its name (in Gatling's report and rcbench's logs), its step, and
 * whether the virtual user waits for it ({@link #detached()}).
 */
public final class StepActionBuilder implements ActionBuilder {
    private final String name;
    private final Function<ScenarioContext, Step> step;
    private final boolean detached;

    /** A step that needs nothing from Gatling to be built. */
    static StepActionBuilder of(String name, Step step) {
        return new StepActionBuilder(name, ctx -> step);
    }

    /** A step that needs Gatling's components (its event loops) when the scenario is built. */
    static StepActionBuilder withContext(String name, Function<ScenarioContext, Step> step) {
        return new StepActionBuilder(name, step);
    }

    private StepActionBuilder(String name, Function<ScenarioContext, Step> step) {
        this(name, step, false);
    }

    private StepActionBuilder(String name, Function<ScenarioContext, Step> step, boolean detached) {
        if (name == null || name.isBlank() || name.contains(" ") || name.contains(",")) {
            throw new IllegalArgumentException("action names are log tags: no blanks, spaces or commas: '" + name + "'");
        }
        this.name = name;
        this.step = step;
        this.detached = detached;
    }

    /** The same step under another name. */
    public StepActionBuilder named(String newName) {
        return new StepActionBuilder(newName, step, detached);
    }

    /**
     * The same step, but the virtual user does not wait for it: the scenario goes on as soon as the step has sent its
     * frames, and the action is timed and logged when its answer arrives. This is how a Meteor client sends a
     * method: at once, whatever earlier calls still wait for (the server orders one session's methods itself). The
     * step's resulting session is not used; what it learns goes to the user's own state. The user lets detached
     * actions finish before it closes its connection ({@link RcbenchDsl#settle()}).
     */
    public StepActionBuilder detached() {
        return new StepActionBuilder(name, step, true);
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) -> new AsyncAction(name, step.apply(ctx), next, ctx.coreComponents().statsEngine(),
            ctx.coreComponents().clock(), RunContext.current().metrics(), detached);
    }
}
