package io.rcbench.gatling;

import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import java.util.function.Function;

/** An immutable builder of one measured action: its name (in Gatling's report and rcbench's logs) and its step. */
public final class StepActionBuilder implements ActionBuilder {
    private final String name;
    private final Function<ScenarioContext, Step> step;

    /** A step that needs nothing from Gatling to be built. */
    static StepActionBuilder of(String name, Step step) {
        return new StepActionBuilder(name, ctx -> step);
    }

    /** A step that needs Gatling's components (its event loops) when the scenario is built. */
    static StepActionBuilder withContext(String name, Function<ScenarioContext, Step> step) {
        return new StepActionBuilder(name, step);
    }

    private StepActionBuilder(String name, Function<ScenarioContext, Step> step) {
        if (name == null || name.isBlank() || name.contains(" ") || name.contains(",")) {
            throw new IllegalArgumentException("action names are log tags: no blanks, spaces or commas: '" + name + "'");
        }
        this.name = name;
        this.step = step;
    }

    /** The same step under another name. */
    public StepActionBuilder named(String newName) {
        return new StepActionBuilder(newName, step);
    }

    @Override
    public io.gatling.core.action.builder.ActionBuilder asScala() {
        return (ctx, next) -> new AsyncAction(name, step.apply(ctx), next, ctx.coreComponents().statsEngine(),
            ctx.coreComponents().clock(), RunContext.current().metrics());
    }
}
