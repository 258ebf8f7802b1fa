package io.rcbench.profile;

/**
 * What active users do besides sending, typing, uploading, opening rooms and reading (issue 14 section 2): their
 * presence, what they do to messages, threads, search, paging back through history and refreshing unread counts.
 * Rates are per concurrently active user per minute. Thread replies come on top of the mix's messages, so the
 * {@code sendMessage} samples a profile's SLOs were sized for stay as they were.
 * Each key of a mix level is optional: an absent one is an action the simulation does not do ({@link #NONE}), so
 * profiles written before these actions existed keep their traffic. Reasons for the numbers: {@code profiles/README.md}.
 *
 * @param presence     status changes and the presence of the members a client shows
 * @param reactions    reactions toggled on a recent message of the open room
 * @param edits        edits of one's own recent message
 * @param deletes      deletes of one's own recent message
 * @param threads      thread replies (a share of the messages) and thread opens
 * @param search       message searches in the open room
 * @param historyPages pages of older history loaded in the open room (scrolling back)
 * @param unreadCounts refreshes of the unread counts of all rooms (the subscriptions' delta sync)
 */
public record ActionMix(Presence presence, Rate reactions, Rate edits, Rate deletes, Threads threads, Rate search,
                        Rate historyPages, Rate unreadCounts) {
    /** None of these actions. */
    public static final ActionMix NONE = new ActionMix(Presence.NONE, Rate.NONE, Rate.NONE, Rate.NONE, Threads.NONE,
        Rate.NONE, Rate.NONE, Rate.NONE);

    /**
     * Expected samples per metric in a hold of {@code activeUserMinutes} (active users times the hold's minutes). An
     * action with nothing to act on is missed rather than run, so these are upper bounds; the presence lookup and
     * the watch-set change are one update each. {@code changeDelivery} is left out: it depends on who has the room
     * open, and no SLO is set on it.
     */
    public java.util.Map<String, Double> expectedSamples(double activeUserMinutes) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        out.put(MetricNames.SET_STATUS, presence.statusChangesPerActiveUserPerMinute() * activeUserMinutes);
        out.put(MetricNames.PRESENCE, presence.watchUpdatesPerActiveUserPerMinute() * activeUserMinutes);
        out.put(MetricNames.PRESENCE_WATCH, presence.watchUpdatesPerActiveUserPerMinute() * activeUserMinutes);
        out.put(MetricNames.REACT, reactions.perActiveUserPerMinute() * activeUserMinutes);
        out.put(MetricNames.EDIT_MESSAGE, edits.perActiveUserPerMinute() * activeUserMinutes);
        out.put(MetricNames.DELETE_MESSAGE, deletes.perActiveUserPerMinute() * activeUserMinutes);
        out.put(MetricNames.THREAD_REPLY, threads.repliesPerActiveUserPerMinute() * activeUserMinutes);
        out.put(MetricNames.THREAD_MESSAGES, threads.opensPerActiveUserPerMinute() * activeUserMinutes);
        out.put(MetricNames.SEARCH, search.perActiveUserPerMinute() * activeUserMinutes);
        out.put(MetricNames.HISTORY_PAGE, historyPages.perActiveUserPerMinute() * activeUserMinutes);
        out.put(MetricNames.UNREAD_COUNTS, unreadCounts.perActiveUserPerMinute() * activeUserMinutes);
        return out;
    }

    /**
     * Presence: status changes (online, away, busy) and updates of the watched members (a presence lookup plus a
     * change of the {@code stream-user-presence} watch set) to the at most {@code watchedMembers} members a client
     * shows.
     */
    public record Presence(double statusChangesPerActiveUserPerMinute, double watchUpdatesPerActiveUserPerMinute,
                           int watchedMembers) {
        static final Presence NONE = new Presence(0, 0, 0);

        public Presence {
            FieldException.atLeast("statusChangesPerActiveUserPerMinute", statusChangesPerActiveUserPerMinute, 0);
            FieldException.atLeast("watchUpdatesPerActiveUserPerMinute", watchUpdatesPerActiveUserPerMinute, 0);
            FieldException.require(watchedMembers >= 0 && watchedMembers <= 500, "watchedMembers",
                "an integer between 0 and 500", watchedMembers);
            FieldException.require(watchUpdatesPerActiveUserPerMinute == 0 || watchedMembers > 0, "watchedMembers",
                "at least 1 when watchUpdatesPerActiveUserPerMinute is above 0", watchedMembers);
        }
    }

    /** An action at {@code perActiveUserPerMinute}. */
    public record Rate(double perActiveUserPerMinute) {
        static final Rate NONE = new Rate(0);

        public Rate {
            FieldException.atLeast("perActiveUserPerMinute", perActiveUserPerMinute, 0);
        }
    }

    /** Thread replies (messages with {@code tmid}) and thread opens (their replies listed), each at a rate. */
    public record Threads(double repliesPerActiveUserPerMinute, double opensPerActiveUserPerMinute) {
        static final Threads NONE = new Threads(0, 0);

        public Threads {
            FieldException.atLeast("repliesPerActiveUserPerMinute", repliesPerActiveUserPerMinute, 0);
            FieldException.atLeast("opensPerActiveUserPerMinute", opensPerActiveUserPerMinute, 0);
        }
    }
}
