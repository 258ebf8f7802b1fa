package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.Rest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code rooms.media} + {@code rooms.mediaConfirm} and downloads at {@code /file-upload/<id>/<name>}:
 * size limit, access rules, response headers and path traversal.
 */
class UploadRoutesTest extends SharedWorkspaceTest {
    private static final byte[] HELLO = "hello, upload\n".getBytes(StandardCharsets.UTF_8);

    private HttpResponse<String> upload(Rest who, String rid, Multipart part) throws Exception {
        return who.send(who.request("/api/v1/rooms.media/" + rid).header("Content-Type", part.contentTypeHeader())
            .POST(part.publisher()).build());
    }

    /** Uploads and returns {@code file} of the answer: {@code _id} and {@code url}. */
    private JsonNode uploaded(Rest who, String rid, String name, String type, byte[] content) throws Exception {
        return ok(upload(who, rid, Multipart.file(name, type, content))).path("file");
    }

    private HttpResponse<byte[]> download(Rest who, String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(who.request(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String url(String id, String name) {
        return "/file-upload/" + id + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void uploadConfirmAndDownload() throws Exception {
        JsonNode file = uploaded(alice, channelId, "hello.txt", "text/plain", HELLO);
        String id = file.path("_id").asText();
        assertThat(file.path("url").asText()).isEqualTo("/file-upload/" + id + "/hello.txt");
        assertThat(Files.readAllBytes(dir.resolve("uploads").resolve(id))).isEqualTo(HELLO);

        JsonNode m = ok(alice.post("/api/v1/rooms.mediaConfirm/" + channelId + "/" + id,
            Json.object().put("msg", "see file").put("description", "a greeting"))).path("message");
        assertThat(m.path("msg").asText()).isEqualTo("see file");
        assertThat(m.path("file").path("_id").asText()).isEqualTo(id);
        assertThat(m.path("file").path("name").asText()).isEqualTo("hello.txt");
        assertThat(m.path("file").path("size").asLong()).isEqualTo(HELLO.length);
        assertThat(m.path("file").path("format").asText()).isEqualTo("txt");
        JsonNode att = m.path("attachments").get(0);
        assertThat(att.path("type").asText()).isEqualTo("file");
        assertThat(att.path("title_link").asText()).isEqualTo("/file-upload/" + id + "/hello.txt");
        assertThat(att.path("title_link_download").asBoolean()).isTrue();
        assertThat(att.path("description").asText()).isEqualTo("a greeting");
        assertThat(history(bob, channelId, 50)).contains("see file");

        HttpResponse<byte[]> d = download(bob, file.path("url").asText());
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(d.body()).isEqualTo(HELLO);
        assertThat(d.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(d.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(d.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;").contains("hello.txt");
    }

    @Test
    void largeFilesSpoolToDiskAndLeaveNoTemporaryFiles() throws Exception {
        byte[] big = new byte[300 * 1024];
        new java.util.Random(7).nextBytes(big);
        JsonNode file = uploaded(alice, channelId, "big.bin", "application/octet-stream", big);
        assertThat(Files.readAllBytes(dir.resolve("uploads").resolve(file.path("_id").asText()))).isEqualTo(big);
        HttpResponse<byte[]> d = download(alice, file.path("url").asText());
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(d.body()).isEqualTo(big);
        try (Stream<Path> spool = Files.list(dir.resolve("uploads-spool"))) {
            assertThat(spool).isEmpty();
        }
    }

    @Test
    void imagesAreInlineAndStillNosniff() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        JsonNode file = uploaded(alice, channelId, "pic.png", "image/png", png);
        JsonNode m = ok(alice.post("/api/v1/rooms.mediaConfirm/" + channelId + "/" + file.path("_id").asText(), Json.object()))
            .path("message");
        assertThat(m.path("attachments").get(0).path("image_type").asText()).isEqualTo("image/png");
        assertThat(m.path("attachments").get(0).path("image_url").asText()).isEqualTo(file.path("url").asText());
        HttpResponse<byte[]> d = download(alice, file.path("url").asText());
        assertThat(d.body()).isEqualTo(png);
        assertThat(d.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline;");
        assertThat(d.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void htmlIsServedAsAnAttachmentNeverInline() throws Exception {
        JsonNode file = uploaded(alice, channelId, "page.html", "text/html", "<script>alert(1)</script>".getBytes());
        HttpResponse<byte[]> d = download(alice, file.path("url").asText());
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(d.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        assertThat(d.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void namesWithPercentSpacesAndNonAsciiRoundTrip() throws Exception {
        for (String name : new String[] {"100% sure.txt", "a+b.txt", "résumé ü.txt", "star*(1).txt"}) {
            JsonNode file = uploaded(alice, channelId, name, "text/plain", HELLO);
            assertThat(file.path("url").asText()).isEqualTo(url(file.path("_id").asText(), name));
            HttpResponse<byte[]> d = download(alice, file.path("url").asText());
            assertThat(d.statusCode()).as(name).isEqualTo(200);
            assertThat(d.body()).isEqualTo(HELLO);
            String disposition = d.headers().firstValue("Content-Disposition").orElse("");
            assertThat(disposition).as(name).contains("filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A"));
            assertThat(disposition.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(disposition).isTrue();
        }
    }

    @Test
    void downloadAcceptsCookieAndQueryCredentials() throws Exception {
        String u = uploaded(alice, channelId, "cookie.txt", "text/plain", HELLO).path("url").asText();
        HttpResponse<byte[]> byCookie = java.net.http.HttpClient.newHttpClient().send(anonymous().request(u)
            .header("Cookie", "rc_uid=" + bob.userId() + "; rc_token=" + bob.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(byCookie.statusCode()).isEqualTo(200);
        assertThat(byCookie.body()).isEqualTo(HELLO);
        HttpResponse<byte[]> byQuery = download(anonymous(), u + "?rc_uid=" + bob.userId() + "&rc_token=" + bob.token());
        assertThat(byQuery.statusCode()).isEqualTo(200);
    }

    @Test
    void downloadNeedsCredentialsAndRoomAccess() throws Exception {
        String u = uploaded(alice, channelId, "guarded.txt", "text/plain", HELLO).path("url").asText();
        assertThat(download(anonymous(), u).statusCode()).isEqualTo(403);
        assertThat(download(forged(alice), u).statusCode()).isEqualTo(403);
        String group = ok(alice.post("/api/v1/groups.create", Json.object().put("name", "files-private"))).path("group").path("_id").asText();
        String secret = uploaded(alice, group, "secret.txt", "text/plain", HELLO).path("url").asText();
        assertThat(download(carol, secret).statusCode()).isEqualTo(403);
        assertThat(download(alice, secret).statusCode()).isEqualTo(200);
    }

    @Test
    void unprotectedFilesNeedNoCredentials() throws Exception {
        String u = uploaded(alice, channelId, "public.txt", "text/plain", HELLO).path("url").asText();
        ok(admin.post("/api/v1/settings/FileUpload_ProtectFiles", Json.object().put("value", false)));
        try {
            HttpResponse<byte[]> d = download(anonymous(), u);
            assertThat(d.statusCode()).isEqualTo(200);
            assertThat(d.body()).isEqualTo(HELLO);
        } finally {
            ok(admin.post("/api/v1/settings/FileUpload_ProtectFiles", Json.object().put("value", true)));
        }
        assertThat(download(anonymous(), u).statusCode()).isEqualTo(403);
    }

    @Test
    void wrongNameOrUnknownIdIs404() throws Exception {
        String id = uploaded(alice, channelId, "right.txt", "text/plain", HELLO).path("_id").asText();
        assertThat(download(alice, "/file-upload/" + id + "/wrong.txt").statusCode()).isEqualTo(404);
        assertThat(download(alice, "/file-upload/NoSuchFile123/right.txt").statusCode()).isEqualTo(404);
        assertThat(download(alice, "/file-upload/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void pathTraversalNeverEscapesTheUploadStore() throws Exception {
        String id = uploaded(alice, channelId, "plain.txt", "text/plain", HELLO).path("_id").asText();
        Files.writeString(dir.resolve("outside-secret.txt"), "TOP SECRET");
        String auth = "X-User-Id: " + alice.userId();
        String token = "X-Auth-Token: " + alice.token();
        String[] targets = {
            "/file-upload/../outside-secret.txt",
            "/file-upload/../../outside-secret.txt/x",
            "/file-upload/%2e%2e/outside-secret.txt",
            "/file-upload/%2E%2E/%2E%2E/outside-secret.txt",
            "/file-upload/" + id + "/..%2F..%2Foutside-secret.txt",
            "/file-upload/..%2Foutside-secret.txt/plain.txt",
            "/file-upload/%2Fetc%2Fpasswd/plain.txt",
            "/file-upload/" + id + "/%2Fetc%2Fpasswd",
            "/file-upload//etc/passwd",
            "/file-upload/" + dir.resolve("outside-secret.txt") + "/x",
            "/file-upload/" + id + "/../../outside-secret.txt",
            "/file-upload/" + id + "%00/plain.txt",
            "/file-upload/%252e%252e/outside-secret.txt",
            "/file-upload/..\\..\\outside-secret.txt/x",
        };
        for (String target : targets) {
            RawHttp.Response r = RawHttp.exchange(ws.port(), RawHttp.get(target, auth, token));
            assertThat(r.status()).as(target).isIn(400, 404);
            assertThat(r.text()).as(target).doesNotContain("TOP SECRET").doesNotContain("root:");
        }
        RawHttp.Response fine = RawHttp.exchange(ws.port(), RawHttp.get("/file-upload/" + id + "/plain.txt", auth, token));
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.body()).isEqualTo(HELLO);
    }

    @Test
    void headOfADownloadSendsNoBodyAndKeepsTheConnectionFramed() throws Exception {
        String u = uploaded(alice, channelId, "head.txt", "text/plain", HELLO).path("url").asText();
        String[] auth = {"X-User-Id: " + alice.userId(), "X-Auth-Token: " + alice.token()};
        try (RawHttp c = new RawHttp(ws.port())) {
            c.write(RawHttp.get(u, auth).replaceFirst("GET", "HEAD") + RawHttp.get(u, auth));
            RawHttp.Response head = c.read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.headers().get("content-length")).isEqualTo(Integer.toString(HELLO.length));
            RawHttp.Response get = c.read();
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.body()).isEqualTo(HELLO);
        }
    }

    @Test
    void expectContinueUploadsAsCurlSendsThem() throws Exception {
        Multipart part = Multipart.file("curl.txt", "text/plain", HELLO);
        byte[] body = part.bytes();
        try (RawHttp c = new RawHttp(ws.port())) {
            c.write("POST /api/v1/rooms.media/" + channelId + " HTTP/1.1\r\nHost: x\r\nX-User-Id: " + alice.userId()
                + "\r\nX-Auth-Token: " + alice.token() + "\r\nContent-Type: " + part.contentTypeHeader()
                + "\r\nContent-Length: " + body.length + "\r\nExpect: 100-continue\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(100);
            c.write(body);
            RawHttp.Response r = c.read();
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(Json.parse(r.text()).path("file").path("url").asText()).endsWith("/curl.txt");
        }
    }

    @Test
    void aPathLikeFilenameIsOnlyALabel() throws Exception {
        JsonNode file = uploaded(alice, channelId, "../../escaped.txt", "text/plain", HELLO);
        String id = file.path("_id").asText();
        assertThat(Files.exists(dir.resolve("escaped.txt"))).isFalse();
        assertThat(Files.exists(dir.getParent().resolve("escaped.txt"))).isFalse();
        assertThat(Files.readAllBytes(dir.resolve("uploads").resolve(id))).isEqualTo(HELLO);
        HttpResponse<byte[]> d = download(alice, file.path("url").asText());
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(d.body()).isEqualTo(HELLO);
    }

    @Test
    void malformedPercentEscapeInADownloadIs400() throws Exception {
        for (String target : new String[] {"/file-upload/abc/%zz.txt", "/file-upload/abc/100%.txt", "/file-upload/%/x",
            "/file-upload/abc/x?rc_uid=%"}) {
            RawHttp.Response r = RawHttp.exchange(ws.port(), RawHttp.get(target));
            assertThat(r.status()).as(target).isEqualTo(400);
            assertThat(Json.parse(r.text()).path("success").asBoolean(true)).isFalse();
        }
    }

    @Test
    void uploadOverFileUploadMaxFileSizeIsRefused() throws Exception {
        ok(admin.post("/api/v1/settings/FileUpload_MaxFileSize", Json.object().put("value", 1024)));
        try {
            long before = countUploads();
            failure(upload(alice, channelId, Multipart.file("big.bin", "application/octet-stream", new byte[2048])), 400,
                "error-file-too-large");
            assertThat(countUploads()).isEqualTo(before);
            ok(upload(alice, channelId, Multipart.file("small.bin", "application/octet-stream", new byte[1024])));
        } finally {
            ok(admin.post("/api/v1/settings/FileUpload_MaxFileSize", Json.object().put("value", 104_857_600)));
        }
    }

    private long countUploads() throws Exception {
        Path uploads = dir.resolve("uploads");
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(uploads)) {
            return s.count();
        }
    }

    @Test
    void mediaRefusesBadBodiesRoomsAndCallers() throws Exception {
        failure(upload(alice, channelId, new Multipart("attachment", "x.txt", "text/plain", HELLO)), 400, "error-invalid-field");
        HttpResponse<String> json = alice.post("/api/v1/rooms.media/" + channelId, Json.object().put("file", "x"));
        failure(json, 400, null);
        HttpResponse<String> broken = alice.send(alice.request("/api/v1/rooms.media/" + channelId)
            .header("Content-Type", "multipart/form-data; boundary=nope").POST(HttpRequest.BodyPublishers.ofString("garbage")).build());
        failure(broken, 400, null);
        failure(upload(alice, "NoSuchRoom", Multipart.file("x.txt", "text/plain", HELLO)), 400, "error-invalid-room");
        String group = ok(bob.post("/api/v1/groups.create", Json.object().put("name", "upload-private"))).path("group").path("_id").asText();
        failure(upload(carol, group, Multipart.file("x.txt", "text/plain", HELLO)), 400, "error-not-allowed");
        unauthenticated(upload(anonymous(), channelId, Multipart.file("x.txt", "text/plain", HELLO)));
    }

    @Test
    void confirmRefusesRepeatsStrangersAndOtherRooms() throws Exception {
        String id = uploaded(alice, channelId, "once.txt", "text/plain", HELLO).path("_id").asText();
        failure(bob.post("/api/v1/rooms.mediaConfirm/" + channelId + "/" + id, Json.object()), 400, "error-invalid-file");
        String other = ok(alice.post("/api/v1/channels.create", Json.object().put("name", "confirm-elsewhere"))).path("channel")
            .path("_id").asText();
        failure(alice.post("/api/v1/rooms.mediaConfirm/" + other + "/" + id, Json.object()), 400, "error-invalid-file");
        ok(alice.post("/api/v1/rooms.mediaConfirm/" + channelId + "/" + id, Json.object().put("msg", "confirmed once")));
        failure(alice.post("/api/v1/rooms.mediaConfirm/" + channelId + "/" + id, Json.object().put("msg", "confirmed twice")),
            400, "error-file-already-confirmed");
        failure(alice.post("/api/v1/rooms.mediaConfirm/" + channelId + "/NoSuchFile", Json.object()), 400, "error-invalid-file");
        assertThat(history(alice, channelId, 100)).contains("confirmed once").doesNotContain("confirmed twice");
    }

    @Test
    void aRefusedConfirmationCanBeRetried() throws Exception {
        String id = uploaded(alice, channelId, "retry.txt", "text/plain", HELLO).path("_id").asText();
        failure(alice.post("/api/v1/rooms.mediaConfirm/" + channelId + "/" + id, Json.object().put("msg", "m".repeat(5001))), 400,
            "error-message-size-exceeded");
        ok(alice.post("/api/v1/rooms.mediaConfirm/" + channelId + "/" + id, Json.object().put("msg", "retried")));
        assertThat(history(alice, channelId, 100)).contains("retried");
    }

    @Test
    void readOnlyRoomsRefuseUploadsFromMembersWithoutPostReadonly() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode create = Json.object().put("name", "ro-files").put("readOnly", true);
        create.putArray("members").add("user.0");
        String rid = ok(admin.post("/api/v1/channels.create", create)).path("channel").path("_id").asText();
        failure(upload(alice, rid, Multipart.file("ro.txt", "text/plain", HELLO)), 400, "error-not-allowed");
        String id = uploaded(admin, rid, "by-admin.txt", "text/plain", HELLO).path("_id").asText();
        ok(admin.post("/api/v1/rooms.mediaConfirm/" + rid + "/" + id, Json.object().put("msg", "admin file")));
        assertThat(history(alice, rid, 10)).containsExactly("admin file");
    }

    @Test
    void anUnconfirmedUploadPostsNothing() throws Exception {
        int before = history(alice, channelId, 1000).size();
        uploaded(alice, channelId, "pending.txt", "text/plain", HELLO);
        assertThat(history(alice, channelId, 1000)).hasSize(before);
    }
}
