package io.rcbench.rocketchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS is verified by default: a server with a self-signed certificate is refused with advice, and accepted once
 * the caller's HttpClient trusts that certificate. The embedded workspace speaks no TLS, so a JDK HttpsServer
 * answering {@code /api/info} stands in (a fake for a fault the workspace cannot produce).
 */
class RestClientTlsTest {
    private static final char[] PASS = "changeit".toCharArray();
    @TempDir
    static Path dir;
    static HttpsServer server;
    static KeyStore keys;

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
            "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
            "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASS))
            .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("keytool made a certificate").isTrue();
        keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, PASS);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASS);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/api/info", ex -> {
            byte[] body = "{\"version\":\"8.8.0\",\"success\":true}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static URI base() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefaultWithAdvice() {
        RestActions rest = new RestActions(RestClient.create(base()));
        assertThatThrownBy(() -> RestClient.await(rest.info())).isInstanceOf(RocketChatException.class)
            .hasMessageContaining("TLS with 127.0.0.1 failed").hasMessageContaining("SSLContext trusts it");
    }

    @Test
    void trustingTheCertificateLetsTheCallThrough() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        HttpClient http = HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1).build();
        RestActions rest = new RestActions(RestClient.create(base(), http, Duration.ofSeconds(10)));
        assertThat(RestClient.await(rest.info()).version()).isEqualTo("8.8.0");
    }
}
