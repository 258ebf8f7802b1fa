package io.rcbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A small JDK HTTP client for tests of the REST API, optionally authenticated. */
public final class Rest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final URI base;
    private final String userId;
    private final String token;

    public Rest(URI base, String userId, String token) {
        this.base = base;
        this.userId = userId;
        this.token = token;
    }

    public static Rest anonymous(Workspace w) {
        return new Rest(w.baseUri(), null, null);
    }

    /** Logs in by REST with a password and returns an authenticated client. */
    public static Rest login(Workspace w, String user, String password) throws IOException, InterruptedException {
        return login(w.baseUri(), user, password);
    }

    /** Logs in by REST on a workspace at {@code base} (for one running in another JVM). */
    public static Rest login(URI base, String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = new Rest(base, null, null).post("/api/v1/login",
            Json.object().put("user", user).put("password", password));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        JsonNode data = Json.parse(r.body()).get("data");
        return new Rest(base, data.get("userId").asText(), data.get("authToken").asText());
    }

    public String userId() {
        return userId;
    }

    public String token() {
        return token;
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (userId != null) {
            b.header("X-User-Id", userId).header("X-Auth-Token", token);
        }
        return b;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, JsonNode body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
    }

    public HttpResponse<String> send(HttpRequest req) throws IOException, InterruptedException {
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> r) {
        return Json.parse(r.body());
    }
}
