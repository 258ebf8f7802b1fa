package io.rcbench.workspace.model;

/**
 * A room: {@code t} is "c" (public channel), "p" (private group) or "d" (direct message).
 * Direct-message rooms have no unique name; their name is null.
 */
public record Room(String id, String t, String name, String creatorId, long createdAtMs, boolean readOnly) {
    public Room {
        if (!t.equals("c") && !t.equals("p") && !t.equals("d")) {
            throw new IllegalArgumentException("room type must be c, p or d: " + t);
        }
    }

    public boolean isPublic() {
        return t.equals("c");
    }
}
