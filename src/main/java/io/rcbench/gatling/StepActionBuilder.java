package io.rcbench.gatling;

import io.gatling.javaapi.core.ActionBuilder;

/** An immutable builder of one measured action: its name (in Gatling's report and rcbench's logs) and its step. */
public final class StepActionBuilder implements ActionBuilder {
    private final String name;
    private final Step step;

    StepActionBuilder(String name, Step step) {
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
        return (ctx, next) -> new AsyncAction(name, step, next, ctx.coreComponents().statsEngine(),
            ctx.coreComponents().clock(), RunContext.current().metrics());
    }
}
