package io.rcbench.workspace.store;

import java.sql.SQLException;

/** A database failure. {@link #isDuplicateKey()} tells a unique-key clash (an idempotent retry) from a fault. */
public final class StoreException extends RuntimeException {
    private final boolean duplicateKey;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private StoreException(String message, Throwable cause, boolean duplicateKey) {
        super(message, cause);
        this.duplicateKey = duplicateKey;
    }

    static StoreException of(String sql, SQLException e) {
        // 23505: unique index or primary key violation
        boolean dup = "23505".equals(e.getSQLState());
        return new StoreException((dup ? "duplicate key: " : "database error: ") + e.getMessage() + " in " + sql, e, dup);
    }

    public boolean isDuplicateKey() {
        return duplicateKey;
    }
}
