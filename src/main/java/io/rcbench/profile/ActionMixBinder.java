package io.rcbench.profile;

import java.util.function.Function;

/**
 * Binds the optional {@link ActionMix} keys of a mix mapping ({@code presence}, {@code reactions}, {@code edits},
 * {@code deletes}, {@code threads}, {@code search}, {@code historyPaging}, {@code unreadCounts}) with the same
 * origin-carrying errors as every other mix key; an absent key is that action's {@code NONE}.
 */
final class ActionMixBinder {
    private ActionMixBinder() {
    }

    /** The actions written under {@code mix}; null when one of them had an error (already reported). */
    static ActionMix bind(Fields mix) {
        boolean[] failed = {false};
        ActionMix.Presence presence = optional(mix, "presence", ActionMix.Presence.NONE, failed, f -> {
            double status = f.number("statusChangesPerActiveUserPerMinute");
            double watch = f.number("watchUpdatesPerActiveUserPerMinute");
            int watched = f.integer("watchedMembers");
            return f.build(() -> new ActionMix.Presence(status, watch, watched));
        });
        ActionMix.Rate reactions = rate(mix, "reactions", failed);
        ActionMix.Rate edits = rate(mix, "edits", failed);
        ActionMix.Rate deletes = rate(mix, "deletes", failed);
        ActionMix.Threads threads = optional(mix, "threads", ActionMix.Threads.NONE, failed, f -> {
            double replies = f.number("repliesPerActiveUserPerMinute");
            double opens = f.number("opensPerActiveUserPerMinute");
            return f.build(() -> new ActionMix.Threads(replies, opens));
        });
        ActionMix.Rate search = rate(mix, "search", failed);
        ActionMix.Rate pages = rate(mix, "historyPaging", failed);
        ActionMix.Rate unread = rate(mix, "unreadCounts", failed);
        return failed[0] ? null : new ActionMix(presence, reactions, edits, deletes, threads, search, pages, unread);
    }

    private static ActionMix.Rate rate(Fields mix, String key, boolean[] failed) {
        return optional(mix, key, ActionMix.Rate.NONE, failed, f -> {
            double perMinute = f.number("perActiveUserPerMinute");
            return f.build(() -> new ActionMix.Rate(perMinute));
        });
    }

    private static <T> T optional(Fields mix, String key, T none, boolean[] failed, Function<Fields, T> bind) {
        if (!mix.has(key)) {
            return none;
        }
        T value = bind.apply(mix.map(key));
        if (value == null) {
            failed[0] = true;
        }
        return value;
    }
}
