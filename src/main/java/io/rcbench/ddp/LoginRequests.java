package io.rcbench.ddp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The parameter of Meteor's DDP {@code login} method, as Rocket.Chat clients send it, and the password digest it
 * carries (which the server also stores, bcrypted). One place for client and server.
 */
public final class LoginRequests {
    private LoginRequests() {
    }

    /** {@code {"user":{"username":..},"password":{"digest":<sha-256 hex>,"algorithm":"sha-256"}}}. */
    public static ObjectNode password(String username, String password) {
        ObjectNode request = Json.object();
        request.putObject("user").put("username", username);
        request.putObject("password").put("digest", sha256Hex(password)).put("algorithm", "sha-256");
        return request;
    }

    /** {@code {"resume": token}}: logging in again with the token of an earlier login. */
    public static ObjectNode resume(String token) {
        return Json.object().put("resume", token);
    }

    /** Lower-case hex SHA-256 of the UTF-8 password: the digest Meteor's accounts-password expects. */
    public static String sha256Hex(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
