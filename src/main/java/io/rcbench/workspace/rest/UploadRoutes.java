package io.rcbench.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.rcbench.ddp.Json;
import io.rcbench.ddp.MeteorError;
import io.rcbench.ddp.RandomId;
import io.rcbench.workspace.model.Room;
import io.rcbench.workspace.model.StoredUpload;
import io.rcbench.workspace.model.User;
import io.rcbench.workspace.rest.RestRouter.Access;
import io.rcbench.workspace.rest.RestRouter.Limit;
import io.rcbench.workspace.service.Messaging;
import io.rcbench.workspace.service.Rooms;
import io.rcbench.workspace.settings.Settings;
import io.rcbench.workspace.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Uploads as Rocket.Chat 8.x takes them (protocol section 5): {@code rooms.media/<rid>} stores the multipart
 * field {@code file} on disk, {@code rooms.mediaConfirm/<rid>/<fileId>} posts it as a message, and
 * {@code GET /file-upload/<id>/<name>} serves it, authenticated while {@code FileUpload_ProtectFiles} is on.
 * Files are found by id in the database, never by a client-supplied path.
 */
public final class UploadRoutes {
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z]{1,64}");
    /** The uploads table's name and type columns. */
    private static final int MAX_NAME = 512;
    private static final int MAX_TYPE = 128;
    private final Stores stores;
    private final Rooms rooms;
    private final Messaging messaging;
    private final Settings settings;
    private final Path uploadDir;

    public UploadRoutes(Stores stores, Rooms rooms, Messaging messaging, Settings settings, Path uploadDir) {
        this.stores = stores;
        this.rooms = rooms;
        this.messaging = messaging;
        this.settings = settings;
        this.uploadDir = uploadDir;
    }

    public void register(RestRouter router) {
        router.addUpload("POST", "/api/v1/rooms.media/:rid", this::media);
        router.add("POST", "/api/v1/rooms.mediaConfirm/:rid/:fileId", Access.AUTH, Limit.DEFAULT, this::confirm);
        router.add("GET", "/file-upload/:id/:name", Access.PUBLIC, Limit.NONE, this::download);
    }

    private RestResponse media(RestRequest req) {
        Room room = rooms.require(req.param("rid"));
        messaging.checkCanPost(req.user(), room, "");
        HttpPostRequestDecoder decoder;
        try {
            decoder = new HttpPostRequestDecoder(partFactory(), req.raw());
        } catch (HttpPostRequestDecoder.TooManyFormFieldsException e) {
            throw new MeteorError("error-invalid-body", "Too many form fields in the multipart body");
        } catch (DecoderException e) {
            // No boundary, a cut or garbled body, a field over Netty's limits: the client's fault, not a 500.
            throw new MeteorError("error-invalid-body", "A multipart body with a 'file' field is required");
        }
        try {
            InterfaceHttpData part;
            try {
                part = decoder.getBodyHttpData("file");
            } catch (DecoderException e) {
                throw new MeteorError("error-invalid-body", "A multipart body with a 'file' field is required");
            }
            if (!(part instanceof FileUpload file) || !file.isCompleted()) {
                throw new MeteorError("error-invalid-field", "No file uploaded in field 'file'");
            }
            long max = settings.number("FileUpload_MaxFileSize");
            if (file.length() > max) {
                throw new MeteorError("error-file-too-large", "File size exceeds allowed size of " + max + " bytes");
            }
            String name = file.getFilename() == null || file.getFilename().isBlank() ? null : file.getFilename();
            if (name != null && name.length() > MAX_NAME) {
                throw new MeteorError("error-invalid-file-name", "File name longer than " + MAX_NAME + " characters");
            }
            if (file.getContentType() != null && file.getContentType().length() > MAX_TYPE) {
                throw new MeteorError("error-invalid-file-type", "Content type longer than " + MAX_TYPE + " characters");
            }
            String id = RandomId.id();
            Path target = uploadDir.resolve(id);
            Files.createDirectories(uploadDir);
            if (file.isInMemory()) {
                Files.write(target, file.get());
            } else {
                Files.move(file.getFile().toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (name == null) {
                name = id;
            }
            try {
                stores.uploads.insert(new StoredUpload(id, room.id(), req.user().id(), name, file.getContentType(), file.length(),
                    target.toString(), System.currentTimeMillis(), false));
            } catch (RuntimeException e) {
                Files.deleteIfExists(target); // no bytes on disk without their metadata
                throw e;
            }
            return RestResponse.ok(Json.object().set("file", Json.object().put("_id", id).put("url", url(id, name))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            decoder.destroy();
        }
    }

    /**
     * Parts over 16 KiB spool to a directory beside the store, so keeping one is a rename on the same file system,
     * not a copy out of /tmp; {@code destroy()} deletes the rest. No deleteOnExit: the JVM would remember every
     * spooled file's path until exit, a leak in a long load test.
     */
    private DefaultHttpDataFactory partFactory() {
        Path spool = uploadDir.resolveSibling(uploadDir.getFileName() + "-spool");
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DefaultHttpDataFactory f = new DefaultHttpDataFactory(DefaultHttpDataFactory.MINSIZE);
        f.setBaseDir(spool.toString());
        f.setDeleteOnExit(false);
        return f;
    }

    private RestResponse confirm(RestRequest req) {
        Room room = rooms.require(req.param("rid"));
        StoredUpload up = stores.uploads.byId(req.param("fileId"))
            .filter(u -> u.rid().equals(room.id()) && u.userId().equals(req.user().id()))
            .orElseThrow(() -> new MeteorError("error-invalid-file", "Invalid file"));
        JsonNode b = req.json();
        // Checked before the one-time confirm flag is set, so a refused confirmation can be retried.
        messaging.checkCanPost(req.user(), room, b.path("msg").asText(""));
        if (!stores.uploads.confirm(up.id())) {
            throw new MeteorError("error-file-already-confirmed", "File already confirmed");
        }
        ObjectNode file = Json.object().put("_id", up.id()).put("name", up.name()).put("type", up.type())
            .put("size", up.size()).put("format", extension(up.name()));
        ObjectNode attachment = Json.object().put("type", "file").put("title", up.name()).put("title_link", url(up.id(), up.name()))
            .put("title_link_download", true).put("fileId", up.id());
        if (b.hasNonNull("description")) {
            attachment.put("description", b.get("description").asText());
        }
        String type = up.type() == null ? "" : up.type();
        if (type.startsWith("image/")) {
            attachment.put("image_url", url(up.id(), up.name())).put("image_type", type).put("image_size", up.size());
        } else {
            attachment.put("format", extension(up.name())).put("size", up.size());
        }
        ArrayNode attachments = Json.array().add(attachment);
        return RestResponse.ok(Json.object().set("message",
            messaging.postFile(req.user(), room, b.path("msg").asText(""), file, attachments)));
    }

    private RestResponse download(RestRequest req) {
        String id = req.param("id");
        if (!ID.matcher(id).matches()) {
            return RestResponse.failure(404, "File not found", null);
        }
        StoredUpload up = stores.uploads.byId(id).orElse(null);
        if (up == null || !up.name().equals(req.param("name"))) {
            return RestResponse.failure(404, "File not found", null);
        }
        if (settings.bool("FileUpload_ProtectFiles")) {
            User user = req.user();
            Room room = rooms.find(up.rid());
            if (user == null) {
                return RestResponse.json(403, Json.object().put("success", false).put("error", "Forbidden"));
            }
            if (room == null || !rooms.canRead(user, room)) {
                return RestResponse.json(403, Json.object().put("success", false).put("error", "Forbidden"));
            }
        }
        Path path = Path.of(up.path()).normalize();
        if (!path.startsWith(uploadDir.normalize()) || !Files.isRegularFile(path)) {
            return RestResponse.failure(404, "File not found", null);
        }
        String type = up.type() == null ? "application/octet-stream" : up.type();
        // The type is the uploader's claim: nosniff and an attachment disposition keep an uploaded page or script from
        // running in the workspace's origin; only raster images display inline.
        return RestResponse.file(path, type).withHeaders(Map.of("Content-Disposition", disposition(up.name(), type),
            "X-Content-Type-Options", "nosniff"));
    }

    /** RFC 6266: an ASCII fallback name and the exact name as RFC 8187 UTF-8 percent-encoding. */
    static String disposition(String name, String type) {
        boolean inline = type.startsWith("image/") && !type.startsWith("image/svg");
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static String url(String id, String name) {
        return "/file-upload/" + id + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase();
    }
}
