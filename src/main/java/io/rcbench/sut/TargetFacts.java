package io.rcbench.sut;

import io.rcbench.rocketchat.Credentials;
import io.rcbench.rocketchat.RateLimitSettings;
import io.rcbench.rocketchat.ServerInfo;
import io.rcbench.rocketchat.SettingChanges;
import java.net.URI;
import java.util.List;

/**
 * What preflight learned of the target before any load.
 *
 * @param admin    the admin's session (a credential: never printed), or {@code null} without admin credentials
 * @param limits   the rate-limit settings as found (before any change), or {@code null} when they could not be read
 * @param relaxed  settings preflight switched for the run ({@code --relax-rate-limits}) with their previous values:
 *                 the run puts them back when it ends
 * @param warnings things that will distort the run, said before it starts and kept in the report
 */
public record TargetFacts(URI baseUrl, ServerInfo info, Credentials admin, RateLimitSettings limits,
                          SettingChanges relaxed, List<String> warnings) {
    public TargetFacts {
        warnings = List.copyOf(warnings);
    }

    /**
     * What was measured, for reports: {@code embedded rcbench-workspace} only for the workspace this run started
     * itself; a target reached by URL is {@code rocket.chat}, or {@code rcbench-workspace (by URL)} when its
     * {@code /api/info} names rcbench's workspace (its envelope is then not this run's to know).
     */
    public String kind(boolean startedByThisRun) {
        if (startedByThisRun) {
            return "embedded rcbench-workspace";
        }
        return info.isEmbeddedWorkspace() ? "rcbench-workspace (by URL)" : "rocket.chat";
    }
}
