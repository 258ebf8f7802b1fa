package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code GET /api/info} says: the Rocket.Chat version the server speaks and, for rcbench's embedded
 * workspace, its product name. Reports must say which server they measured: a stand-in is not Rocket.Chat.
 */
public record ServerInfo(String version, String product) {
    /** The product name of rcbench's embedded workspace. */
    public static final String EMBEDDED_PRODUCT = "rcbench-workspace";

    static ServerInfo fromJson(JsonNode body) {
        String version = body.path("version").asText("");
        if (version.isEmpty()) {
            throw new RocketChatException(200, null, "/api/info answered without a version: is the URL a Rocket.Chat server?");
        }
        JsonNode product = body.get("product");
        return new ServerInfo(version, product != null && product.isTextual() ? product.asText() : null);
    }

    /** True for rcbench's embedded stand-in, false for a real Rocket.Chat. */
    public boolean isEmbeddedWorkspace() {
        return EMBEDDED_PRODUCT.equals(product);
    }

    /** The major version number ("8.8.0" -> 8), or -1 when it does not parse. */
    public int majorVersion() {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
