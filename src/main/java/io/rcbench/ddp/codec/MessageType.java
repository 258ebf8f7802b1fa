package io.rcbench.ddp.codec;

import java.util.HashMap;
import java.util.Map;

/** The {@code msg} of a server-to-client DDP frame, plus what the decoder makes of frames that have none. */
public enum MessageType {
    CONNECTED("connected"), FAILED("failed"), PING("ping"), PONG("pong"), RESULT("result"), UPDATED("updated"),
    READY("ready"), NOSUB("nosub"), ADDED("added"), CHANGED("changed"), REMOVED("removed"),
    ADDED_BEFORE("addedBefore"), MOVED_BEFORE("movedBefore"), ERROR("error"),
    /** {@code {"msg":"server_id"}} or a frame carrying {@code server_id} (ddp-streamer): ignored. */
    SERVER_ID("server_id"),
    /** A JSON object without {@code msg}: ignored, as Meteor's client does. */
    NO_MSG(null),
    /** Not DDP: see {@link InboundFrame#malformed()}. */
    MALFORMED(null);

    private static final Map<String, MessageType> BY_NAME = new HashMap<>();

    static {
        for (MessageType t : values()) {
            if (t.wire != null) {
                BY_NAME.put(t.wire, t);
            }
        }
    }

    private final String wire;

    MessageType(String wire) {
        this.wire = wire;
    }

    /** The type for a wire name, or null when unknown. */
    static MessageType byName(String name) {
        return BY_NAME.get(name);
    }
}
