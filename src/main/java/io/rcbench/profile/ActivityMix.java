package io.rcbench.profile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What active users do, as rates: the numbers behind a level (limited, moderate, heavy) from
 * {@code profiles/mixes.yaml}, possibly overridden per profile. Rates are per concurrently active user unless the
 * name says otherwise; shares are 0..1. The simulation schedules each rate as Poisson arrivals. Reasons for every
 * number: {@code docs/profiles-and-verdicts.md} (Mix levels).
 *
 * @param level                          the level the numbers start from
 * @param messagesPerActiveUserPerMinute messages (text and file) each active user sends
 * @param rooms                          where messages go and how big rooms are
 * @param typing                         typing notifications before a send
 * @param history                        room opens, each loading a page of history and marking it read
 * @param reads                          read receipts ({@code readMessages}) besides room opens
 * @param uploads                        share of messages carrying a file, and file sizes
 * @param downloads                      receivers fetching an uploaded file
 * @param webhooks                       incoming-webhook traffic, per 100 active users
 * @param bots                           reactive chat-ops bots on DDP
 * @param reconnects                     sessions that drop and resume (sleep, network change, reload)
 * @param clients                        which client people use: the share on the mobile app
 * @param actions                        presence, reactions, edits, deletes, threads, search, history paging and
 *                                       unread counts ({@link ActionMix}; absent keys: none)
 */
public record ActivityMix(String level, double messagesPerActiveUserPerMinute, Rooms rooms, Typing typing,
                          History history, Reads reads, Uploads uploads, Downloads downloads, Webhooks webhooks,
                          Bots bots, Reconnects reconnects, Clients clients, ActionMix actions) {
    public ActivityMix {
        actions = actions == null ? ActionMix.NONE : actions;
        FieldException.atLeast("messagesPerActiveUserPerMinute", messagesPerActiveUserPerMinute, 0);
        if (clients == null) {
            clients = Clients.WEB_ONLY;
        }
    }

    /** A mix of web clients only. */
    public ActivityMix(String level, double messagesPerActiveUserPerMinute, Rooms rooms, Typing typing,
                       History history, Reads reads, Uploads uploads, Downloads downloads, Webhooks webhooks,
                       Bots bots, Reconnects reconnects) {
        this(level, messagesPerActiveUserPerMinute, rooms, typing, history, reads, uploads, downloads, webhooks, bots,
            reconnects, Clients.WEB_ONLY, ActionMix.NONE);
    }

    /** Messages per second across {@code activeUsers}. */
    public double messagesPerSecond(int activeUsers) {
        return activeUsers * messagesPerActiveUserPerMinute / 60.0;
    }

    /** Rooms users belong to and where messages go. */
    public record Rooms(RoomsPerUser roomsPerUser, RoomClass channels, RoomClass privateGroups,
                        RoomClass directMessages) {
        public Rooms {
            FieldException.sumsToOne("channels.messageShare",
                channels.messageShare() + privateGroups.messageShare() + directMessages.messageShare());
        }
    }

    /** How many rooms of each type a user is a member of (drives the subscriptions opened at login). */
    public record RoomsPerUser(int channels, int privateGroups, int directMessages) {
        public RoomsPerUser {
            FieldException.require(channels >= 0, "channels", "an integer >= 0", channels);
            FieldException.require(privateGroups >= 0, "privateGroups", "an integer >= 0", privateGroups);
            FieldException.require(directMessages >= 0, "directMessages", "an integer >= 0", directMessages);
        }
    }

    /** One room type: its share of messages and its size distribution (direct messages: always 2 members). */
    public record RoomClass(double messageShare, List<RoomSize> sizes) {
        public RoomClass {
            FieldException.share("messageShare", messageShare);
            sizes = List.copyOf(sizes);
            FieldException.require(!sizes.isEmpty(), "sizes", "at least one room size", "none");
            FieldException.sumsToOne("sizes", sizes.stream().mapToDouble(RoomSize::share).sum());
        }

        /** Mean members per room weighted by share, rooms capped at {@code users} members. */
        public double meanMembers(int users) {
            return sizes.stream().mapToDouble(s -> s.share() * Math.min(s.members(), users)).sum();
        }
    }

    /** Rooms of {@code members} members get {@code share} of this type's messages. */
    public record RoomSize(int members, double share) {
        public RoomSize {
            FieldException.require(members >= 2, "members", "an integer >= 2", members);
            FieldException.share("share", share);
        }
    }

    /** {@code share} of messages are preceded by a typing notification lasting {@code seconds}. */
    public record Typing(double share, double seconds) {
        public Typing {
            FieldException.share("share", share);
            FieldException.atLeast("seconds", seconds, 0);
        }
    }

    /** Room opens per active user per minute; each loads {@code pageSize} messages of history and marks the room read. */
    public record History(double roomOpensPerActiveUserPerMinute, int pageSize) {
        public History {
            FieldException.atLeast("roomOpensPerActiveUserPerMinute", roomOpensPerActiveUserPerMinute, 0);
            FieldException.require(pageSize >= 1 && pageSize <= 1000, "pageSize", "an integer between 1 and 1000", pageSize);
        }
    }

    /** Read receipts sent while a room is open (new messages seen), besides the one on every room open. */
    public record Reads(double perActiveUserPerMinute) {
        public Reads {
            FieldException.atLeast("perActiveUserPerMinute", perActiveUserPerMinute, 0);
        }
    }

    /** {@code share} of messages carry a file; sizes by class. */
    public record Uploads(double share, List<SizeClass> sizes) {
        public Uploads {
            FieldException.share("share", share);
            sizes = List.copyOf(sizes);
            FieldException.require(!sizes.isEmpty(), "sizes", "at least one size class", "none");
            FieldException.sumsToOne("sizes", sizes.stream().mapToDouble(SizeClass::share).sum());
            FieldException.require(sizes.stream().map(SizeClass::sizeClass).distinct().count() == sizes.size(),
                "sizes", "distinct size classes", sizes.stream().map(SizeClass::sizeClass).toList());
        }
    }

    /**
     * Files of class {@code sizeClass} (recorded as metric {@code upload.<sizeClass>}), sizes log-uniform in
     * [minKb, maxKb]: small files are more common than large ones.
     */
    public record SizeClass(String sizeClass, int minKb, int maxKb, double share) {
        private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9-]*");

        public SizeClass {
            FieldException.require(sizeClass != null && NAME.matcher(sizeClass).matches(), "sizeClass",
                "a name like 'image' (letters, digits, '-')", sizeClass);
            FieldException.require(minKb >= 1, "minKb", "an integer >= 1", minKb);
            FieldException.require(maxKb >= minKb, "maxKb", "an integer >= minKb (" + minKb + ")", maxKb);
            FieldException.share("share", share);
        }

        /** The latency metric of this class. */
        public String metric() {
            return "upload." + sizeClass;
        }
    }

    /** Each upload is downloaded by this many receivers on average (capped by the room's other members). */
    public record Downloads(double perUpload) {
        public Downloads {
            FieldException.atLeast("perUpload", perUpload, 0);
        }
    }

    /** Incoming-webhook posts (CI results, monitoring alerts) per minute per 100 active users. */
    public record Webhooks(double ciPerMinutePer100ActiveUsers, double alertsPerMinutePer100ActiveUsers) {
        public Webhooks {
            FieldException.atLeast("ciPerMinutePer100ActiveUsers", ciPerMinutePer100ActiveUsers, 0);
            FieldException.atLeast("alertsPerMinutePer100ActiveUsers", alertsPerMinutePer100ActiveUsers, 0);
        }

        /** All webhook posts per minute for a workspace with {@code activeUsers}. */
        public double perMinute(int activeUsers) {
            return (ciPerMinutePer100ActiveUsers + alertsPerMinutePer100ActiveUsers) * activeUsers / 100.0;
        }
    }

    /**
     * {@code count} bot users on DDP answer mentions and commands; {@code commandShare} of messages address one;
     * the bot replies after {@code replyDelayMs} (its own work).
     */
    public record Bots(int count, double commandShare, int replyDelayMs) {
        public Bots {
            FieldException.require(count >= 0, "count", "an integer >= 0", count);
            FieldException.share("commandShare", commandShare);
            FieldException.require(replyDelayMs >= 0, "replyDelayMs", "an integer >= 0", replyDelayMs);
            FieldException.require(count > 0 || commandShare == 0, "commandShare", "0 when there are no bots",
                FieldException.plain(commandShare));
        }
    }

    /**
     * Which client people use: {@code mobileShare} of the users (active and idle) run the mobile app (its login load
     * and room opening, 6 subscriptions instead of 35), the rest the web client.
     */
    public record Clients(double mobileShare) {
        /** Everyone on the web client (a mix without a {@code clients} key). */
        public static final Clients WEB_ONLY = new Clients(0);

        public Clients {
            FieldException.share("mobileShare", mobileShare);
        }
    }

    /** Connected sessions (active and idle) that drop and resume per hour: each is a resume login plus subscriptions. */
    public record Reconnects(double perConnectedUserPerHour) {
        public Reconnects {
            FieldException.atLeast("perConnectedUserPerHour", perConnectedUserPerHour, 0);
        }
    }
}
