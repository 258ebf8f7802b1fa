package io.rcbench.workspace.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login (resume) tokens. Only the hash is stored, base64(sha256(token)) as Meteor stores
 * {@code services.resume.loginTokens[].hashedToken}. Thread-safe.
 */
public final class TokenStore {
    /** A stored token: who it logs in and until when. */
    public record Entry(String userId, long expiresAtMs) {
    }

    private final Database db;
    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();

    public TokenStore(Database db) {
        this.db = db;
        db.query("SELECT hashed, user_id, expires_at FROM login_tokens", ps -> { },
            rs -> Map.entry(rs.getString(1), new Entry(rs.getString(2), rs.getLong(3))))
            .forEach(e -> byHash.put(e.getKey(), e.getValue()));
    }

    public static String hash(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void add(String token, String userId, long expiresAtMs) {
        String h = hash(token);
        db.update("INSERT INTO login_tokens(hashed, user_id, expires_at) VALUES (?,?,?)", ps -> {
            ps.setString(1, h);
            ps.setString(2, userId);
            ps.setLong(3, expiresAtMs);
        });
        byHash.put(h, new Entry(userId, expiresAtMs));
    }

    /** The entry for a token, expired or not; empty when unknown. */
    public Optional<Entry> find(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byHash.get(hash(token)));
    }

    public void remove(String token) {
        String h = hash(token);
        byHash.remove(h);
        db.update("DELETE FROM login_tokens WHERE hashed = ?", ps -> ps.setString(1, h));
    }
}
