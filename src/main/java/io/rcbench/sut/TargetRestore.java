package io.rcbench.sut;

import io.rcbench.rocketchat.RestClient;
import io.rcbench.rocketchat.RocketChatAdmin;
import io.rcbench.rocketchat.SettingChanges;
import io.rcbench.run.RunSummary;
import java.io.PrintStream;
import java.util.List;

/**
 * Puts back the settings preflight switched on a target ({@code --relax-rate-limits}) when the run ends: at the end
 * of a finished run, of a failed one (closed by try-with-resources) and on Ctrl-C (its own shutdown hook), whichever
 * comes first; later calls do nothing. Prints what it changed back. Thread-safe.
 */
final class TargetRestore implements AutoCloseable {
    private final SettingChanges changes;
    private final RocketChatAdmin admin;
    private final PrintStream console;
    private final Thread hook;
    private RunSummary.ChangedSettings outcome;

    private TargetRestore(TargetFacts facts, PrintStream console) {
        this.changes = facts.relaxed();
        this.admin = changes.isEmpty() ? null
            : new RocketChatAdmin(RestClient.create(facts.baseUrl()).withCredentials(facts.admin()));
        this.console = console;
        this.hook = changes.isEmpty() ? null : new Thread(this::restore, "rcbench-restore-settings");
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** Starts watching what preflight changed on the target (nothing to do when it changed nothing). */
    static TargetRestore of(TargetFacts facts, PrintStream console) {
        return new TargetRestore(facts, console);
    }

    /**
     * Restores the changed settings once and says so; the outcome for {@code summary.json}, or {@code null} when
     * nothing had been changed.
     */
    synchronized RunSummary.ChangedSettings restore() {
        if (changes.isEmpty() || outcome != null) {
            return outcome;
        }
        List<String> failures = admin.restore(changes);
        if (failures.isEmpty()) {
            console.println("target settings restored: " + String.join(", ", changes.changes().stream()
                .map(c -> c.id() + " back to " + c.before()).toList()));
        } else {
            console.println("COULD NOT RESTORE target settings, set them back by hand: " + String.join("; ", failures));
        }
        outcome = new RunSummary.ChangedSettings(changes.changes().stream().map(c -> new RunSummary.ChangedSettings
            .Setting(c.id(), c.before().toString(), c.during().toString())).toList(), failures.isEmpty(), failures);
        return outcome;
    }

    /** Restores (if not yet done) and stops watching for Ctrl-C. */
    @Override
    public void close() {
        restore();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it found the settings restored
            }
        }
    }
}
