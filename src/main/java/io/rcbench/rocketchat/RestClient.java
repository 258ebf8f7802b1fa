package io.rcbench.rocketchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rocket.Chat's REST API on the JDK {@link HttpClient}: a base URL, optional {@link Credentials} sent as
 * {@code X-User-Id} / {@code X-Auth-Token}, JSON bodies through Jackson, {@code X-RateLimit-*} headers read on
 * every answer, and failures turned into {@link RocketChatException} (a 429 into {@link RateLimitedException}
 * with its reset time). TLS certificates are verified (the JDK default); to trust a private CA, pass an
 * HttpClient built with that SSLContext.
 *
 * <p>Immutable and thread-safe. {@link #withCredentials} returns a client sharing the same HttpClient, so tens
 * of thousands of sessions cost one connection pool and one selector thread. Async methods complete on the
 * HttpClient's executor; blocking ones unwrap to {@link RocketChatException}.
 */
public final class RestClient {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static volatile HttpClient shared;
    private final HttpClient http;
    private final String base;
    private final URI baseUri;
    private final Duration timeout;
    private final Credentials credentials;

    private RestClient(HttpClient http, URI baseUri, Duration timeout, Credentials credentials) {
        this.http = http;
        this.baseUri = baseUri;
        this.base = stripSlash(baseUri.toString());
        this.timeout = timeout;
        this.credentials = credentials;
    }

    /** A client for {@code baseUri} (http or https, optionally with a path prefix) on the shared HttpClient. */
    public static RestClient create(URI baseUri) {
        return create(baseUri, sharedHttpClient(), DEFAULT_TIMEOUT);
    }

    /** A client on the given HttpClient (e.g. one whose SSLContext trusts a private CA), with a per-call timeout. */
    public static RestClient create(URI baseUri, HttpClient http, Duration timeout) {
        Objects.requireNonNull(baseUri, "baseUri");
        String scheme = baseUri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || baseUri.getHost() == null) {
            throw new IllegalArgumentException("a Rocket.Chat base URL is http(s)://host[:port][/prefix], not " + baseUri);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the call timeout must be positive");
        }
        return new RestClient(Objects.requireNonNull(http, "http"), baseUri, timeout, null);
    }

    /**
     * The process-wide HttpClient: HTTP/1.1 (Rocket.Chat serves no h2c), certificates verified, 10 s connect
     * timeout, and two daemon threads for completions instead of the JDK's unbounded cached pool.
     */
    public static HttpClient sharedHttpClient() {
        HttpClient h = shared;
        if (h == null) {
            synchronized (RestClient.class) {
                if (shared == null) {
                    AtomicInteger n = new AtomicInteger();
                    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                        Thread t = new Thread(r, "rc-rest-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                    shared = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
                }
                h = shared;
            }
        }
        return h;
    }

    /** The same server and HttpClient, authenticated as {@code c} (null: anonymous). */
    public RestClient withCredentials(Credentials c) {
        return new RestClient(http, baseUri, timeout, c);
    }

    public Optional<Credentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    public URI baseUri() {
        return baseUri;
    }

    /** GET {@code path} (relative to the base, starting with '/', query included). */
    public CompletableFuture<RestReply> getAsync(String path) {
        return exchange("GET", path, request(path).GET()).thenApply(this::json);
    }

    /** POST {@code body} as JSON to {@code path}. */
    public CompletableFuture<RestReply> postAsync(String path, JsonNode body) {
        return exchange("POST", path, request(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))).thenApply(this::json);
    }

    /** POST a multipart/form-data body. */
    CompletableFuture<RestReply> postMultipartAsync(String path, MultipartBody body) {
        return exchange("POST", path, request(path).header("Content-Type", body.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))).thenApply(this::json);
    }

    /** POST JSON without sending credentials (webhooks authenticate by the token in their URL). */
    CompletableFuture<RestReply> postAnonymousAsync(String path, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        return exchange("POST", path, b).thenApply(this::json);
    }

    /** GET raw bytes (file downloads), authenticated by headers. */
    public CompletableFuture<byte[]> downloadAsync(String path) {
        return exchange("GET", path, request(path).GET()).thenApply(HttpResponse::body);
    }

    /** Blocking {@link #getAsync}: the JSON body. */
    public JsonNode get(String path) {
        return await(getAsync(path)).body();
    }

    /** Blocking {@link #postAsync}: the JSON body. */
    public JsonNode post(String path, JsonNode body) {
        return await(postAsync(path, body)).body();
    }

    /** URL-encodes one path segment or query value. */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Waits for a call and rethrows its failure as the {@link RocketChatException} it is. */
    public static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RocketChatException(0, null, "interrupted while waiting for Rocket.Chat", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    static RuntimeException unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof RuntimeException r ? r : new RocketChatException(0, null, t.toString(), t);
    }

    private HttpRequest.Builder request(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("REST paths start with '/': " + RestFailures.redact(path));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (credentials != null) {
            b.header("X-User-Id", credentials.userId()).header("X-Auth-Token", credentials.authToken());
        }
        return b;
    }

    private CompletableFuture<HttpResponse<byte[]>> exchange(String method, String path, HttpRequest.Builder b) {
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray()).handle((r, t) -> {
            if (t != null) {
                throw RestFailures.fromTransport(method, path, baseUri, t, timeout);
            }
            if (r.statusCode() / 100 != 2) {
                throw RestFailures.fromAnswer(method, path, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8),
                    r.headers(), System.currentTimeMillis());
            }
            return r;
        });
    }

    private RestReply json(HttpResponse<byte[]> r) {
        JsonNode body;
        try {
            body = r.body().length == 0 ? Json.object() : Json.MAPPER.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new RocketChatException(r.statusCode(), null, r.request().method() + " "
                + RestFailures.redact(r.request().uri().getRawPath()) + " answered non-JSON: is the base URL a Rocket.Chat server?", e);
        }
        return new RestReply(r.statusCode(), body, RateLimit.fromHeaders(r.headers()));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return "RestClient[" + base + (credentials == null ? ", anonymous" : ", user " + credentials.userId()) + "]";
    }
}
