package io.rcbench.rocketchat;

import io.rcbench.ddp.LoginRequests;
import io.rcbench.ddp.client.DdpClient;
import io.rcbench.ddp.client.DdpClientConfig;
import io.rcbench.ddp.client.DdpClients;
import io.rcbench.ddp.client.ReconnectPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Opens {@link RocketChatSession}s on one server: the REST client (one JDK HttpClient) and the DDP clients' shared
 * event loops are held here, so a session itself holds only its own state. Thread-safe; {@link #close()} shuts the
 * event loops down only when this connector created them.
 */
public final class RocketChatConnector implements AutoCloseable {
    private final RestClient rest;
    private final DdpClients clients;
    private final DdpClientConfig ddpConfig;
    private final boolean ownsClients;

    private RocketChatConnector(RestClient rest, DdpClients clients, DdpClientConfig ddpConfig, boolean ownsClients) {
        this.rest = rest;
        this.clients = clients;
        this.ddpConfig = ddpConfig;
        this.ownsClients = ownsClients;
    }

    /**
     * A connector with its own {@code ioThreads} event loops, DDP at {@code <base>/websocket} with the DDP client's
     * defaults and reconnects ({@link ReconnectPolicy#defaults()}), REST on the shared HttpClient.
     */
    public static RocketChatConnector create(URI baseUri, int ioThreads) {
        DdpClientConfig cfg = DdpClientConfig.of(baseUri).withReconnect(ReconnectPolicy.defaults());
        return new RocketChatConnector(RestClient.create(baseUri), DdpClients.create(ioThreads), cfg, true);
    }

    /** A connector on the caller's REST client (anonymous), DDP factory and config; the caller closes the factory. */
    public static RocketChatConnector using(RestClient rest, DdpClients clients, DdpClientConfig ddpConfig) {
        return new RocketChatConnector(rest.withCredentials(null), clients, ddpConfig, false);
    }

    /** The anonymous REST client (for {@code /api/info}, webhooks, an admin login). */
    public RestClient rest() {
        return rest;
    }

    public DdpClients ddpClients() {
        return clients;
    }

    /**
     * Logs {@code username} in and opens its realtime session; actions then go over {@code transport}. The
     * future fails with a {@link RocketChatException} that says what to do; a half-open session is closed first.
     */
    public CompletableFuture<RocketChatSession> login(String username, String password, LoginMethod method,
                                                      ActionTransport transport) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("login needs a username and a password");
        }
        if (method == LoginMethod.REST_THEN_RESUME) {
            return new RestActions(rest).login(username, password).thenCompose(c -> resume(c, transport));
        }
        RocketChatSession session = new RocketChatSession(newClient(), transport);
        return session.start(LoginRequests.password(username, password), username, rest);
    }

    /** Opens a realtime session with credentials from an earlier login (DDP {@code login {resume}}). */
    public CompletableFuture<RocketChatSession> resume(Credentials credentials, ActionTransport transport) {
        RocketChatSession session = new RocketChatSession(newClient(), transport);
        return session.start(LoginRequests.resume(credentials.authToken()), credentials.username(), rest);
    }

    private DdpClient newClient() {
        return clients.newClient(ddpConfig);
    }

    /**
     * Checks that the realtime endpoint speaks DDP: a session opens within {@code timeout} and, given
     * {@code credentials}, a resume login is answered with a user id and token within {@code timeout}. A server that
     * accepts the connection and then says nothing (a proxy without WebSocket upgrades, a stalled server) fails here,
     * before any load. Blocks the caller at most about twice {@code timeout}; one connection, closed before returning.
     *
     * @throws RocketChatException what did not answer, and what to check
     */
    public void checkRealtime(Credentials credentials, Duration timeout) {
        DdpClient client = clients.newClient(ddpConfig.withConnectTimeout(timeout).withCallTimeout(timeout)
            .withReconnect(null));
        String where = ddpConfig.uri().getScheme() + "://" + ddpConfig.uri().getHost()
            + (ddpConfig.uri().getPort() < 0 ? "" : ":" + ddpConfig.uri().getPort());
        try {
            try {
                client.connect().get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new RocketChatException(0, "no-ddp-session", "the realtime endpoint at " + where + " did not open a"
                    + " DDP session within " + timeout.toSeconds() + " s (" + DdpFailures.translate("connect", e)
                    .getMessage() + "): check that it is a Rocket.Chat server and that any proxy forwards WebSocket"
                    + " upgrades on /websocket");
            }
            if (credentials != null) {
                try {
                    ChatMethods.loggedIn(client.call("login", LoginRequests.resume(credentials.authToken()))
                        .get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS).tree());
                } catch (ExecutionException | java.util.concurrent.TimeoutException | RocketChatException e) {
                    throw new RocketChatException(0, "no-ddp-answer", "the realtime endpoint at " + where
                        + " opened a DDP session but did not answer a login within " + timeout.toSeconds() + " s ("
                        + DdpFailures.translate("login", e).getMessage() + "): the server is stalled or not Rocket.Chat");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RocketChatException(0, null, "interrupted while checking the realtime endpoint at " + where);
        } finally {
            client.close();
        }
    }


    @Override
    public void close() {
        if (ownsClients) {
            clients.close();
        }
    }
}
