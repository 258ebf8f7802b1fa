package io.rcbench.workspace.model;

/** An incoming webhook: posts as {@code userId} into {@code channel} ("#name", "@user" or a room id). */
public record Integration(String id, String type, String name, String token, String userId, String channel,
                          boolean enabled, long createdAtMs) {
}
