package io.rcbench.workspace.model;

/** An uploaded file: metadata in the database, bytes on disk at {@code path} (under the data directory). */
public record StoredUpload(String id, String rid, String userId, String name, String type, long size, String path,
                           long createdAtMs, boolean confirmed) {
}
