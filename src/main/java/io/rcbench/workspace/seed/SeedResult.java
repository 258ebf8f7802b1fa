package io.rcbench.workspace.seed;

import java.util.List;

/** What a seed created; {@code webhookPaths} are secrets ({@code /hooks/<id>/<token>}): keep them out of reports. */
public record SeedResult(int usersCreated, int roomsCreated, int botsCreated, int webhooksCreated, List<String> roomIds,
                         List<String> webhookPaths, long elapsedMs) {
    public SeedResult {
        roomIds = List.copyOf(roomIds);
        webhookPaths = List.copyOf(webhookPaths);
    }
}
