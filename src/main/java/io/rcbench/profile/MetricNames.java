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
    public static final String LOGIN = "login";
    /** A reconnect's resume login (the stored token). */
    public static final String RESUME = "resume";
    /** The ~35 subscriptions a web client opens after login. */
    public static final String SUBSCRIBE = "subscribe";
    /** The room list ({@code rooms/get}) a client fetches before opening rooms. */
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

    /** Every metric but the per-class uploads, in the order a user meets them. */
    public static final List<String> FIXED = List.of(CONNECT, LOGIN, SUBSCRIBE, ROOMS, SUBSCRIBE_ROOM, SEND_MESSAGE,
        TYPING, LOAD_HISTORY, READ, DOWNLOAD, WEBHOOK, BOT_REPLY, BOT_ANSWER, RESUME, CLOSE, DELIVERY);
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
