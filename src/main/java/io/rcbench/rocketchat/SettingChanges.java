package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Settings an admin changed on a target for a run, each with the value it had before, so that the run can put
 * the target back as it found it. Values are as the settings API gives them (boolean, number or string).
 */
public record SettingChanges(List<Change> changes) {
    /** No change. */
    public static final SettingChanges NONE = new SettingChanges(List.of());

    /** One setting: its value before the run and the value the run set. */
    public record Change(String id, JsonNode before, JsonNode during) {
        /** {@code API_Enable_Rate_Limiter true -> false}. */
        public String line() {
            return id + " " + before + " -> " + during;
        }
    }

    public SettingChanges {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes, one {@link Change#line()} each, comma-separated. */
    public String describe() {
        return String.join(", ", changes.stream().map(Change::line).toList());
    }
}
