package io.rcbench.profile;

import java.util.List;

/**
 * The one list of the latency metrics a run of the chat simulation records (microseconds, HdrHistogram) and SLOs may
 * name: exactly these, in the order a user meets them; the report orders its tables by it too. Each action has a
 * {@code .raw} twin with the uncorrected service time; SLOs always use the corrected one. Uploads are recorded per
 * size class as {@code upload.<sizeClass>}. A test runs the simulation and checks that it records no other name.
 */
public final class MetricNames {
    public static final String CONNECT = "connect";
    /**
     * A client's whole login, from its connect until it can show its room list: the calls before login, the
     * credentials, the subscriptions and the initial load after login (each also under its own name below).
     */
    public static final String LOGIN = "login";
    /** The credentials call of a login: DDP {@code login} with the password digest, or REST {@code /api/v1/login}. */
    public static final String AUTHENTICATE = "authenticate";
    /** Public settings: {@code public-settings/get} (web, before login) or {@code settings.public}. */
    public static final String SETTINGS = "settings";
    /** The web client's {@code GET /api/apps/actionButtons} before login. */
    public static final String ACTION_BUTTONS = "actionButtons";
    /** The web client's {@code GET roles.list} after login. */
    public static final String ROLES_LIST = "rolesList";
    /** The web client's {@code license:getModules} after login. */
    public static final String GET_MODULES = "getModules";
    /** The web client's {@code listCustomSounds} after login. */
    public static final String LIST_CUSTOM_SOUNDS = "listCustomSounds";
    /** The web client's {@code listCustomUserStatus} after login. */
    public static final String LIST_CUSTOM_USER_STATUS = "listCustomUserStatus";
    /** The web client's {@code license:isEnterprise} after login. */
    public static final String IS_ENTERPRISE = "isEnterprise";
    /** Permissions after login: {@code permissions/get} (web) or {@code permissions.listAll}. */
    public static final String PERMISSIONS = "permissions";
    /** The user's subscriptions after login: {@code subscriptions/get} (web) or {@code subscriptions.get}. */
    public static final String SUBSCRIPTIONS = "subscriptions";
    /** The mobile app's {@code GET me} after login. */
    public static final String ME = "me";
    /** Opening a room: its calls (history, roles, read...), without its stream subscriptions. */
    public static final String OPEN_ROOM = "openRoom";
    /** A room's roles on opening it: {@code rooms.roles} (web) or {@code <type>.roles} (mobile). */
    public static final String ROOM_ROLES = "roomRoles";
    /** The mobile app's {@code <type>.members} on opening a room. */
    public static final String MEMBERS = "members";
    /** The mobile app's {@code commands.list} on opening a room. */
    public static final String COMMANDS = "commands";
    /** A reconnect's resume login (the stored token). */
    public static final String RESUME = "resume";
    /** The ~35 subscriptions a web client opens after login. */
    public static final String SUBSCRIBE = "subscribe";
    /** The room list ({@code rooms/get}, or {@code rooms.get} over REST and on mobile) a client fetches after login. */
    public static final String ROOMS = "rooms";
    /** Opening a room: its stream subscriptions. */
    public static final String SUBSCRIBE_ROOM = "subscribeRoom";
    public static final String SEND_MESSAGE = "sendMessage";
    public static final String TYPING = "typing";
    public static final String LOAD_HISTORY = "loadHistory";
    public static final String READ = "read";
    public static final String DOWNLOAD = "download";
    public static final String WEBHOOK = "webhook";
    /** A bot command's sender: from its send to the bot's reply in the room. */
    public static final String BOT_REPLY = "botReply";
    /** The bot's side: from the command's arrival to its answer being accepted. */
    public static final String BOT_ANSWER = "botAnswer";
    public static final String CLOSE = "close";
    /** A message from its send to its arrival at another member. */
    public static final String DELIVERY = "delivery";
    /** A status change ({@code UserPresence:setDefaultStatus} / {@code users.setStatus}). */
    public static final String SET_STATUS = "setStatus";
    /** The presence of the members a client shows ({@code users.presence}). */
    public static final String PRESENCE = "presence";
    /** A change of the {@code stream-user-presence} watch set (a new {@code sub}). */
    public static final String PRESENCE_WATCH = "presenceWatch";
    /** A reaction toggled ({@code setReaction} / {@code chat.react}). */
    public static final String REACT = "react";
    /** An edit of one's own message ({@code updateMessage} / {@code chat.update}). */
    public static final String EDIT_MESSAGE = "editMessage";
    /** A delete of one's own message ({@code deleteMessage} / {@code chat.delete}). */
    public static final String DELETE_MESSAGE = "deleteMessage";
    /** A reply in a thread (a message with {@code tmid}). */
    public static final String THREAD_REPLY = "threadReply";
    /** A thread opened: its replies listed ({@code getThreadMessages} / {@code chat.getThreadMessages}). */
    public static final String THREAD_MESSAGES = "threadMessages";
    /** A message search in the open room ({@code chat.search}). */
    public static final String SEARCH = "search";
    /** A page of older history ({@code loadHistory} with an older end / {@code channels.messages} with an offset). */
    public static final String HISTORY_PAGE = "historyPage";
    /** The unread counts of all rooms ({@code subscriptions/get} / {@code subscriptions.get} since the last sync). */
    public static final String UNREAD_COUNTS = "unreadCounts";
    /** An edit, reaction or delete from its call to its arrival at another member with the room open. */
    public static final String CHANGE_DELIVERY = "changeDelivery";

    /** Every metric but the per-class uploads, in the order a user meets them. */
    public static final List<String> FIXED = List.of(CONNECT, LOGIN, SUBSCRIBE, ROOMS, SUBSCRIBE_ROOM, SEND_MESSAGE,
        TYPING, LOAD_HISTORY, READ, DOWNLOAD, WEBHOOK, BOT_REPLY, BOT_ANSWER,
        // what people do besides sending (docs/workload.md)
        SET_STATUS, PRESENCE, PRESENCE_WATCH, REACT, EDIT_MESSAGE, DELETE_MESSAGE, THREAD_REPLY, THREAD_MESSAGES, SEARCH,
        HISTORY_PAGE, UNREAD_COUNTS, RESUME, CLOSE, CHANGE_DELIVERY, DELIVERY,
        // the parts of a login and of a room opening (docs/workload.md)
        AUTHENTICATE, SETTINGS, ACTION_BUTTONS, ROLES_LIST, GET_MODULES, LIST_CUSTOM_SOUNDS, LIST_CUSTOM_USER_STATUS,
        IS_ENTERPRISE, PERMISSIONS, SUBSCRIPTIONS, ME, OPEN_ROOM, ROOM_ROLES, MEMBERS, COMMANDS);
    /** The parts a {@link #LOGIN} is made of, in the order the report's breakdown lists them. */
    public static final List<String> LOGIN_PARTS = List.of(CONNECT, SETTINGS, ACTION_BUTTONS, AUTHENTICATE, RESUME,
        SUBSCRIBE, ROLES_LIST, GET_MODULES, LIST_CUSTOM_SOUNDS, LIST_CUSTOM_USER_STATUS, IS_ENTERPRISE, ME, PERMISSIONS,
        SUBSCRIPTIONS, ROOMS);
    /** Prefix of the per-size-class upload metrics. */
    public static final String UPLOAD_PREFIX = "upload.";
    /** Suffix of the raw (service time) twins. */
    public static final String RAW_SUFFIX = ".raw";

    private MetricNames() {
    }

    /** True when a run records {@code metric}: a fixed name, an upload class, or either's raw twin. */
    public static boolean isRecorded(String metric) {
        String base = metric.endsWith(RAW_SUFFIX) ? metric.substring(0, metric.length() - RAW_SUFFIX.length()) : metric;
        return FIXED.contains(base) || base.startsWith(UPLOAD_PREFIX) && base.length() > UPLOAD_PREFIX.length();
    }
}
