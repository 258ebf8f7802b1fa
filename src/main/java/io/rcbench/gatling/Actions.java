package io.rcbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.rcbench.ddp.RandomId;
import io.rcbench.ddp.client.Subscription;
import io.rcbench.ddp.client.SubscriptionException;
import io.rcbench.profile.MetricNames;
import io.rcbench.rocketchat.ChatMethods;
import io.rcbench.rocketchat.MessageActions;
import io.rcbench.run.ActionRates;
import io.rcbench.run.DeliveryTracker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What a simulated person does besides sending, typing, uploading, switching rooms and reading (issue 14 section 2):
 * changes their status, looks up and watches the presence of the members they are shown, reacts, edits and deletes
 * their own messages, replies in and opens threads, searches, scrolls back through history and refreshes unread
 * counts. Over DDP the web client's methods, with {@code --transport rest} the REST routes (search and the presence
 * lookup are REST on both, as the web client does them). Each is measured under its own
 * {@link MetricNames} name; the fan-out of edits, reactions and deletes to the members with the room open is tracked
 * as delivery ({@code changeDelivery}). An action with nothing to act on (no own message to edit yet, an empty
 * room) is counted as missed, not run.
 */
public final class Actions {
    private static final String TARGET = "rcb.act.target";
    private static final String TARGET_RID = "rcb.act.rid";
    private static final String SENT = "rcb.act.sent";
    private static final String IDS = "rcb.act.ids";
    private static final String STATUS = "rcb.act.status";
    private static final String PAGE_COUNT = "rcb.act.pageCount";
    private static final String REPLY = "rcb.act.reply";
    private static final int PAGE = 50;
    private static final int SEARCH_COUNT = 20;
    private static final List<String> STATUSES = List.of("online", "away", "busy");
    private static final List<String> SEARCH_WORDS = List.of("build", "review", "deploy", "meeting", "profile");

    /** Activity kinds, as the simulation's switch names them (the metric names). */
    public static final String THREAD_REPLY = MetricNames.THREAD_REPLY;
    public static final String SET_STATUS = MetricNames.SET_STATUS;
    public static final String PRESENCE = MetricNames.PRESENCE;
    public static final String REACT = MetricNames.REACT;
    public static final String EDIT = MetricNames.EDIT_MESSAGE;
    public static final String DELETE = MetricNames.DELETE_MESSAGE;
    public static final String THREAD_MESSAGES = MetricNames.THREAD_MESSAGES;
    public static final String SEARCH = MetricNames.SEARCH;
    public static final String HISTORY_PAGE = MetricNames.HISTORY_PAGE;
    public static final String UNREAD_COUNTS = MetricNames.UNREAD_COUNTS;

    private Actions() {
    }

    /**
     * The action at {@code x} in [0, {@link ActionRates#perMinute()}): the rates laid end to end, in the order
     * {@link ActionRates} lists them.
     */
    public static String kind(ActionRates a, double x) {
        double[] rates = {a.statusChangesPerMinute(), a.presenceUpdatesPerMinute(), a.reactionsPerMinute(),
            a.editsPerMinute(), a.deletesPerMinute(), a.threadRepliesPerMinute(), a.threadOpensPerMinute(), a.searchesPerMinute(),
            a.historyPagesPerMinute(), a.unreadCountsPerMinute()};
        String[] kinds = {SET_STATUS, PRESENCE, REACT, EDIT, DELETE, THREAD_REPLY, THREAD_MESSAGES, SEARCH, HISTORY_PAGE,
            UNREAD_COUNTS};
        int last = 0;
        for (int i = 0; i < rates.length; i++) {
            if (rates[i] > 0) {
                last = i;
                if ((x -= rates[i]) < 0) {
                    return kinds[i];
                }
            }
        }
        return kinds[last]; // rounding at the very end
    }

    private static RunContext run() {
        return RunContext.current();
    }

    private static ChatUser user(Session s) {
        return s.get(ChatUser.KEY);
    }

    private static boolean rest() {
        return run().plan().transport().equals("rest");
    }

    /** A status change: {@code UserPresence:setDefaultStatus} or {@code users.setStatus}, to another status. */
    public static ChainBuilder setStatus() {
        ChainBuilder pick = exec(s -> {
            String was = s.contains(STATUS) ? s.getString(STATUS) : "online";
            List<String> others = STATUSES.stream().filter(x -> !x.equals(was)).toList();
            return s.set(STATUS, others.get((int) (user(s).uniform() * others.size())));
        });
        if (rest()) {
            return pick.exec(Measured.http(s -> MetricNames.SET_STATUS, exec(Measured.checked(auth(
                http(MetricNames.SET_STATUS).post(MessageActions.SET_STATUS_PATH).body(StringBody(s ->
                    MessageActions.setStatusBody(s.getString(STATUS)).toString())).asJson()))), null));
        }
        return pick.exec(StepActionBuilder.withContext(MetricNames.SET_STATUS, ctx -> s -> Ddp.invoke(s,
            MessageActions.SET_STATUS, MessageActions.setStatusParams(s.getString(STATUS))).thenApply(r -> s))
            .detached());
    }

    /**
     * The presence of the members the client shows (the authors of the open room's recent messages, at most the
     * plan's watched members): {@code users.presence} for the newly shown (all shown when none is new), then a
     * {@code stream-user-presence} sub that changes the watch set when it changed.
     */
    public static ChainBuilder presence() {
        return exec(s -> {
            ChatUser u = user(s);
            List<String> shown = u.view().shownMembers(Math.max(1, run().plan().rates().actions().watchedMembers()));
            PresenceWatch.Change change = u.view().presence().watch(shown);
            if (shown.isEmpty() && change.isEmpty()) {
                run().metrics().counters().missed(MetricNames.PRESENCE, 1);
                return s.remove(IDS).remove(REPLY);
            }
            return s.set(IDS, change.added().isEmpty() ? shown : change.added()).set(REPLY, change);
        }).doIf(s -> s.contains(IDS) && !s.<List<String>>get(IDS).isEmpty()).then(Measured.http(
            s -> MetricNames.PRESENCE, exec(Measured.checked(auth(http(MetricNames.PRESENCE)
                .get(s -> MessageActions.presencePath(s.<List<String>>get(IDS)))))), null))
            .doIf(s -> s.contains(REPLY) && !s.<PresenceWatch.Change>get(REPLY).isEmpty()).then(exec(
                StepActionBuilder.withContext(MetricNames.PRESENCE_WATCH, ctx -> s -> {
                    PresenceWatch.Change c = s.get(REPLY);
                    Subscription sub = Ddp.client(s).subscribe(MessageActions.PRESENCE_STREAM,
                        MessageActions.presenceWatchParams(c.added(), c.removed()));
                    // Rocket.Chat stops every sub after the first at once: its nosub (without an error) is the
                    // server having applied the change
                    return Ddp.ready(s, sub).handle((v, t) -> {
                        if (t == null || Failures.unwrap(t) instanceof SubscriptionException e && "nosub".equals(e.code())) {
                            return s;
                        }
                        throw t instanceof RuntimeException re ? re : new java.util.concurrent.CompletionException(t);
                    });
                }).detached()));
    }

    /** Toggles {@code :+1:} on a recent message of the open room; its fan-out is a change delivery. */
    public static ChainBuilder react() {
        return targeted(MetricNames.REACT, s -> {
            RoomView.Seen m = user(s).view().recentMessage(user(s).uniform(), false);
            return m == null ? null : new String[] {m.id(), user(s).rid()};
        }, DeliveryTracker.UPDATE, s -> Ddp.invoke(s, MessageActions.SET_REACTION,
            MessageActions.setReactionParams(s.getString(TARGET))),
            http(MetricNames.REACT).post(MessageActions.REACT_PATH).body(StringBody(s ->
                MessageActions.reactBody(s.getString(TARGET)).toString())).asJson());
    }

    /** Edits the user's newest own message; its fan-out is a change delivery to the room's open members. */
    public static ChainBuilder edit() {
        return targeted(MetricNames.EDIT_MESSAGE, s -> {
            RoomView.Own m = user(s).view().ownMessage(false);
            return m == null ? null : new String[] {m.id(), m.rid()};
        }, DeliveryTracker.UPDATE, s -> Ddp.invoke(s, MessageActions.UPDATE_MESSAGE,
            MessageActions.updateMessageParams(s.getString(TARGET), s.getString(TARGET_RID), editedText(s))),
            http(MetricNames.EDIT_MESSAGE).post(MessageActions.UPDATE_PATH).body(StringBody(s ->
                MessageActions.updateBody(s.getString(TARGET), s.getString(TARGET_RID), editedText(s)).toString()))
                .asJson());
    }

    /** Deletes the user's newest own message; {@code <rid>/deleteMessage} to the room's open members is its fan-out. */
    public static ChainBuilder delete() {
        return targeted(MetricNames.DELETE_MESSAGE, s -> {
            RoomView.Own m = user(s).view().ownMessage(true);
            return m == null ? null : new String[] {m.id(), m.rid()};
        }, DeliveryTracker.DELETE, s -> Ddp.invoke(s, MessageActions.DELETE_MESSAGE,
            MessageActions.deleteMessageParams(s.getString(TARGET))),
            http(MetricNames.DELETE_MESSAGE).post(MessageActions.DELETE_PATH).body(StringBody(s ->
                MessageActions.deleteBody(s.getString(TARGET), s.getString(TARGET_RID)).toString())).asJson());
    }

    /** Each edit's text differs: an edit that changes nothing may be skipped by the server, and not fanned out. */
    private static String editedText(Session s) {
        return "edit: the numbers above were from the wrong run, fixed in " + RandomId.id().substring(0, 6);
    }

    /**
     * An action on a message ({@code target} gives its id and room, null when there is none: counted as missed),
     * whose fan-out of {@code kind} is registered before it is sent and cancelled when it fails.
     */
    private static ChainBuilder targeted(String name, Function<Session, String[]> target, String kind,
                                         Function<Session, CompletableFuture<?>> ddp, HttpRequestActionBuilder rest) {
        ChainBuilder pick = exec(s -> {
            String[] t = target.apply(s);
            if (t == null) {
                run().metrics().counters().missed(name, 1);
                return s.remove(TARGET);
            }
            return s.set(TARGET, t[0]).set(TARGET_RID, t[1]);
        });
        if (rest()) {
            return pick.doIf(s -> s.contains(TARGET)).then(exec(s -> s.set(SENT, registerChange(s, kind)))
                .exec(Measured.http(s -> name, exec(Measured.checked(auth(rest))), (s, ok) -> {
                    if (!ok) {
                        cancelChange(s, s.getLong(SENT));
                    }
                })));
        }
        return pick.doIf(s -> s.contains(TARGET)).then(exec(StepActionBuilder.withContext(name, ctx -> s -> {
            long sent = registerChange(s, kind);
            return ddp.apply(s).handle((r, t) -> {
                if (t != null) {
                    cancelChange(s, sent);
                    throw t instanceof RuntimeException re ? re : new java.util.concurrent.CompletionException(t);
                }
                return s;
            });
        }).detached()));
    }

    private static long registerChange(Session s, String kind) {
        long now = System.nanoTime();
        run().metrics().deliveries().changed(s.getString(TARGET), kind, s.getString(TARGET_RID), user(s).uid(), now);
        return now;
    }

    private static void cancelChange(Session s, long sentNanos) {
        run().metrics().deliveries().cancelChange(s.getString(TARGET), user(s).uid(), sentNanos);
    }

    /**
     * A reply in a thread of the open room (a message with {@code tmid} to a recent top-level message): delivered
     * to the room's members like any message, and the parent's new counters to those with the room open. With no
     * message to reply to (an empty room) it is counted as missed.
     */
    public static ChainBuilder threadReply() {
        ChainBuilder pick = exec(s -> {
            ChatUser u = user(s);
            RoomView.Seen parent = u.view().recentMessage(u.uniform(), true);
            if (parent == null || u.rid() == null) {
                run().metrics().counters().missed(MetricNames.THREAD_REPLY, 1);
                return s.remove(TARGET);
            }
            return s.set(TARGET, parent.id()).set(TARGET_RID, u.rid()).set(REPLY, RandomId.id());
        });
        if (rest()) {
            return pick.doIf(s -> s.contains(TARGET)).then(exec(s -> s.set(SENT, registerReply(s)))
                .exec(Measured.http(s -> MetricNames.THREAD_REPLY, exec(Measured.checked(auth(
                    http(MetricNames.THREAD_REPLY).post(ChatMethods.SEND_MESSAGE_PATH).body(StringBody(s ->
                        io.rcbench.ddp.Json.object().set("message", replyDoc(s)).toString())).asJson()))),
                    (s, ok) -> replied(s, s.getLong(SENT), ok))));
        }
        return pick.doIf(s -> s.contains(TARGET)).then(exec(StepActionBuilder.withContext(MetricNames.THREAD_REPLY,
            ctx -> s -> {
                long sent = registerReply(s);
                return Ddp.invoke(s, ChatMethods.SEND_MESSAGE, replyDoc(s)).handle((r, t) -> {
                    try {
                        if (t != null) {
                            throw t instanceof RuntimeException re ? re : new java.util.concurrent.CompletionException(t);
                        }
                        ChatMethods.sentMessage(r.tree(), s.getString(REPLY));
                    } catch (RuntimeException e) {
                        replied(s, sent, false);
                        throw e;
                    }
                    replied(s, sent, true);
                    return s;
                });
            }).detached()));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode replyDoc(Session s) {
        return MessageActions.reply(s.getString(REPLY), s.getString(TARGET_RID), s.getString(TARGET),
            "agreed, let's keep this in the thread");
    }

    private static long registerReply(Session s) {
        long now = System.nanoTime();
        DeliveryTracker d = run().metrics().deliveries();
        d.sent(s.getString(REPLY), s.getString(TARGET_RID), user(s).uid(), now);
        d.changed(s.getString(TARGET), DeliveryTracker.UPDATE, s.getString(TARGET_RID), user(s).uid(), now);
        return now;
    }

    private static void replied(Session s, long sentNanos, boolean ok) {
        if (ok) {
            user(s).view().sent(s.getString(REPLY), s.getString(TARGET_RID));
        } else {
            run().metrics().deliveries().cancel(s.getString(REPLY));
            cancelChange(s, sentNanos);
        }
    }

    /** Opens a thread of the open room: its replies ({@code getThreadMessages} / {@code chat.getThreadMessages}). */
    public static ChainBuilder threadMessages() {
        ChainBuilder pick = exec(s -> {
            RoomView.Seen t = user(s).view().thread(user(s).uniform());
            if (t == null) {
                run().metrics().counters().missed(MetricNames.THREAD_MESSAGES, 1);
                return s.remove(TARGET);
            }
            return s.set(TARGET, t.id());
        });
        if (rest()) {
            return pick.doIf(s -> s.contains(TARGET)).then(Measured.http(s -> MetricNames.THREAD_MESSAGES,
                exec(Measured.checked(auth(http(MetricNames.THREAD_MESSAGES)
                    .get(s -> MessageActions.threadMessagesPath(s.getString(TARGET), PAGE))))), null));
        }
        return pick.doIf(s -> s.contains(TARGET)).then(exec(StepActionBuilder.withContext(MetricNames.THREAD_MESSAGES,
            ctx -> s -> Ddp.invoke(s, MessageActions.THREAD_MESSAGES,
                MessageActions.threadMessagesParams(s.getString(TARGET), PAGE))
                .thenApply(r -> {
                    MessageActions.threadMessages(r.tree(), s.getString(TARGET));
                    return s;
                })).detached()));
    }

    /** Searches the open room for a word ({@code chat.search}, REST on both transports). */
    public static ChainBuilder search() {
        return Measured.http(s -> MetricNames.SEARCH, exec(Measured.checked(auth(http(MetricNames.SEARCH)
            .get(s -> MessageActions.searchPath(user(s).rid(),
                SEARCH_WORDS.get((int) (user(s).uniform() * SEARCH_WORDS.size())), SEARCH_COUNT))))), null);
    }

    /**
     * Scrolls back: the page of history before the oldest the client shows ({@code loadHistory} with that end), or
     * the next {@code channels|groups|im.messages} page by offset over REST; at the start of the room it begins
     * again from the newest.
     */
    public static ChainBuilder historyPage() {
        if (rest()) {
            return exec(s -> s.set(IDS, MessageActions.messagesPath(user(s).openRoom().type(), user(s).rid(), PAGE,
                user(s).view().nextOffset(PAGE))))
                .exec(Measured.http(s -> MetricNames.HISTORY_PAGE, exec(Measured.checked(auth(
                    http(MetricNames.HISTORY_PAGE).get(s -> s.getString(IDS))))
                    .check(jsonPath("$.messages[*]").count().saveAs(PAGE_COUNT))), (s, ok) -> {
                        if (ok && s.contains(PAGE_COUNT) && s.getInt(PAGE_COUNT) == 0) {
                            user(s).view().pagedToStart();
                        }
                    }));
        }
        return exec(StepActionBuilder.withContext(MetricNames.HISTORY_PAGE, ctx -> s -> {
            ChatUser u = user(s);
            String rid = u.rid();
            return Ddp.invoke(s, MessageActions.LOAD_HISTORY, MessageActions.olderHistoryParams(rid,
                u.view().pageEndMs(), PAGE)).thenApply(r -> {
                    JsonNode page = ChatMethods.history(r.tree(), rid);
                    if (rid.equals(u.rid())) {
                        u.view().paged(MessageActions.oldestTs(page));
                    }
                    return s;
                });
        }).detached());
    }

    /** The unread counts of all rooms: the subscriptions changed since the last sync. */
    public static ChainBuilder unreadCounts() {
        if (rest()) {
            return exec(s -> s.set(IDS, MessageActions.subscriptionsSincePath(user(s).view()
                .syncSince(System.currentTimeMillis() - 60_000))))
                .exec(Measured.http(s -> MetricNames.UNREAD_COUNTS, exec(Measured.checked(auth(
                    http(MetricNames.UNREAD_COUNTS).get(s -> s.getString(IDS))))), null));
        }
        return exec(StepActionBuilder.withContext(MetricNames.UNREAD_COUNTS, ctx -> s -> Ddp.invoke(s,
            MessageActions.SUBSCRIPTIONS_GET, MessageActions.subscriptionsSinceParams(user(s).view()
                .syncSince(System.currentTimeMillis() - 60_000))).thenApply(r -> {
                    MessageActions.subscriptions(r.tree());
                    return s;
                })).detached());
    }

    private static HttpRequestActionBuilder auth(HttpRequestActionBuilder r) {
        return r.header("X-User-Id", s -> s.getString(Ddp.UID)).header("X-Auth-Token", s -> s.getString(Ddp.TOKEN));
    }
}
