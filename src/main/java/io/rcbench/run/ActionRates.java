package io.rcbench.run;

/**
 * The plan's rates of what users do besides sending (issue 14 section 2), per active user per minute unless named
 * otherwise; built from a profile's {@code io.rcbench.profile.ActionMix}.
 *
 * @param statusChangesPerMinute status changes (online, away, busy)
 * @param presenceUpdatesPerMinute updates of the watched members: a presence lookup and a watch-set change
 * @param watchedMembers           the most members whose presence a client watches (those it shows)
 * @param reactionsPerMinute       reactions toggled on a recent message of the open room
 * @param editsPerMinute           edits of one's own recent message
 * @param deletesPerMinute         deletes of one's own recent message
 * @param threadRepliesPerMinute   thread replies (on top of the messages)
 * @param threadOpensPerMinute     threads opened (replies listed)
 * @param searchesPerMinute        message searches in the open room
 * @param historyPagesPerMinute    pages of older history in the open room
 * @param unreadCountsPerMinute    refreshes of all rooms' unread counts
 */
public record ActionRates(double statusChangesPerMinute, double presenceUpdatesPerMinute, int watchedMembers,
                          double reactionsPerMinute, double editsPerMinute, double deletesPerMinute,
                          double threadRepliesPerMinute, double threadOpensPerMinute, double searchesPerMinute,
                          double historyPagesPerMinute, double unreadCountsPerMinute) {
    /** None of these actions (benchmarks, tests, profiles without them). */
    public static final ActionRates NONE = new ActionRates(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ActionRates {
        for (double r : new double[] {statusChangesPerMinute, presenceUpdatesPerMinute, reactionsPerMinute,
            editsPerMinute, deletesPerMinute, threadRepliesPerMinute, threadOpensPerMinute, searchesPerMinute, historyPagesPerMinute,
            unreadCountsPerMinute}) {
            if (!(r >= 0)) {
                throw new IllegalArgumentException("action rates must not be negative: " + r);
            }
        }
        if (watchedMembers < 0) {
            throw new IllegalArgumentException("watched members must not be negative");
        }
    }

    /** All these actions per active user per minute. */
    public double perMinute() {
        return statusChangesPerMinute + presenceUpdatesPerMinute + reactionsPerMinute + editsPerMinute
            + deletesPerMinute + threadRepliesPerMinute + threadOpensPerMinute + searchesPerMinute + historyPagesPerMinute + unreadCountsPerMinute;
    }
}
