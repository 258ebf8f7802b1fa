package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import java.util.concurrent.CompletableFuture;

/**
 * File uploads as Rocket.Chat 8.x takes them (protocol section 5): {@code rooms.media/<rid>} (multipart, field
 * {@code file}) stores a temporary upload, {@code rooms.mediaConfirm/<rid>/<fileId>} posts it as a message; and
 * downloads from {@code /file-upload/<id>/<name>} with the auth headers. Thread-safe; bodies are held in memory.
 */
public final class Uploads {
    /** What {@code rooms.media} answered: the upload's id and its download path. */
    public record UploadedFile(String id, String url) {
    }

    private final RestClient rest;

    public Uploads(RestClient rest) {
        if (rest.credentials().isEmpty()) {
            throw new IllegalArgumentException("uploads need a logged-in client");
        }
        this.rest = rest;
    }

    /** Step 1: uploads {@code content} into room {@code rid}; nothing is posted until {@link #confirm}. */
    public CompletableFuture<UploadedFile> upload(String rid, String fileName, String contentType, byte[] content) {
        MultipartBody body = MultipartBody.file("file", fileName, contentType, content);
        return rest.postMultipartAsync("/api/v1/rooms.media/" + RestClient.encode(rid), body).thenApply(r -> {
            JsonNode f = r.body().path("file");
            if (!f.hasNonNull("_id") || !f.hasNonNull("url")) {
                throw new RocketChatException(r.status(), null, "rooms.media answered without file._id/url");
            }
            return new UploadedFile(f.get("_id").asText(), f.get("url").asText());
        });
    }

    /** Step 2: posts the upload as a message with optional text and description; completes with the message. */
    public CompletableFuture<JsonNode> confirm(String rid, String fileId, String msg, String description) {
        ObjectNode body = Json.object();
        if (msg != null) {
            body.put("msg", msg);
        }
        if (description != null) {
            body.put("description", description);
        }
        return rest.postAsync("/api/v1/rooms.mediaConfirm/" + RestClient.encode(rid) + "/" + RestClient.encode(fileId), body)
            .thenApply(r -> r.body().path("message"));
    }

    /** Both steps: upload, then confirm; completes with the posted message. */
    public CompletableFuture<JsonNode> send(String rid, String fileName, String contentType, byte[] content, String msg) {
        return upload(rid, fileName, contentType, content).thenCompose(f -> confirm(rid, f.id(), msg, null));
    }

    /** Downloads a file by its path ({@code /file-upload/<id>/<name>}, as in an upload's url or title_link). */
    public CompletableFuture<byte[]> download(String path) {
        if (!path.startsWith("/file-upload/")) {
            throw new IllegalArgumentException("download paths start with /file-upload/");
        }
        return rest.downloadAsync(path);
    }
}
