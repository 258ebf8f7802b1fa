package io.rcbench.workspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rcbench.ddp.Json;
import io.rcbench.workspace.Rest;
import io.rcbench.workspace.model.User;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code users.create} (admin) and {@code users.register} (public form). */
class UserRoutesTest extends SharedWorkspaceTest {
    private static ObjectNode newUser(String username) {
        return Json.object().put("username", username).put("email", username + "@example.invalid").put("name", "N " + username)
            .put("password", "secret-" + username);
    }

    @Test
    void adminCreatesAUserWhoCanLogIn() throws Exception {
        JsonNode user = ok(admin.post("/api/v1/users.create", newUser("dora"))).path("user");
        assertThat(user.path("username").asText()).isEqualTo("dora");
        assertThat(user.path("name").asText()).isEqualTo("N dora");
        assertThat(user.path("_id").asText()).isNotEmpty();
        assertThat(user.path("roles")).containsExactly(Json.MAPPER.getNodeFactory().textNode("user"));
        assertThat(user.toString()).doesNotContain("secret-dora").doesNotContain("$2a$");
        Rest dora = Rest.login(ws, "dora", "secret-dora");
        assertThat(dora.userId()).isEqualTo(user.path("_id").asText());
    }

    @Test
    void rolesAreTakenFromTheBody() throws Exception {
        ObjectNode b = newUser("robo");
        b.putArray("roles").add("bot");
        JsonNode user = ok(admin.post("/api/v1/users.create", b)).path("user");
        assertThat(user.path("roles")).containsExactly(Json.MAPPER.getNodeFactory().textNode("bot"));
        assertThat(ws.stores().users.byUsername("robo").map(User::roles).orElseThrow()).containsExactly("bot");
    }

    @Test
    void nonAdminIs403AndAnonymousIs401() throws Exception {
        forbidden(alice.post("/api/v1/users.create", newUser("eve")));
        unauthenticated(anonymous().post("/api/v1/users.create", newUser("eve")));
        assertThat(ws.stores().users.byUsername("eve")).isEmpty();
    }

    @Test
    void missingFieldsNameTheField() throws Exception {
        for (String field : new String[] {"username", "email", "password"}) {
            ObjectNode b = newUser("frank");
            b.remove(field);
            JsonNode err = failure(admin.post("/api/v1/users.create", b), 400, "error-invalid-params");
            assertThat(err.path("error").asText()).contains(field);
        }
        assertThat(ws.stores().users.byUsername("frank")).isEmpty();
    }

    @Test
    void invalidOrTakenUsernameAndTakenEmailAreRefused() throws Exception {
        failure(admin.post("/api/v1/users.create", newUser("bad name!")), 400, "error-invalid-username");
        failure(admin.post("/api/v1/users.create", newUser("user.0")), 400, "error-field-unavailable");
        ObjectNode sameEmail = newUser("gina");
        sameEmail.put("email", "user.0@loadtest.invalid");
        failure(admin.post("/api/v1/users.create", sameEmail), 400, "error-field-unavailable");
        assertThat(ws.stores().users.byUsername("gina")).isEmpty();
        assertThat(Rest.login(ws, "user.0", PW).userId()).isEqualTo(alice.userId());
    }

    @Test
    void concurrentCreatesOfOneUsernameOrEmailMakeOneUser() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                java.util.List<java.util.concurrent.Future<HttpResponse<String>>> results = new java.util.ArrayList<>();
                String email = "same" + round + "@example.invalid";
                for (int n = 0; n < 8; n++) {
                    int i = n;
                    // Half clash on the username, half on the email only.
                    ObjectNode b = newUser(i % 2 == 0 ? "twin" + round : "twin" + round + "-" + i).put("email", email);
                    results.add(pool.submit(() -> {
                        go.await();
                        return i % 3 == 0 ? anonymous().post("/api/v1/users.register", b.put("pass", "pw"))
                            : admin.post("/api/v1/users.create", b);
                    }));
                }
                go.countDown();
                int created = 0;
                for (var f : results) {
                    HttpResponse<String> r = f.get();
                    assertThat(r.statusCode()).as(shown(r)).isIn(200, 400);
                    if (r.statusCode() == 400) {
                        assertThat(body(r).path("errorType").asText()).isEqualTo("error-field-unavailable");
                    }
                    created += r.statusCode() == 200 ? 1 : 0;
                }
                assertThat(created).as("round " + round).isEqualTo(1);
                assertThat(ws.stores().users.emailTaken(email)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void registrationCreatesAUserWithoutAToken() throws Exception {
        ObjectNode b = Json.object().put("username", "hugo").put("email", "hugo@example.invalid").put("pass", "hugo-pw")
            .put("name", "Hugo");
        HttpResponse<String> r = anonymous().post("/api/v1/users.register", b);
        JsonNode user = ok(r).path("user");
        assertThat(user.path("username").asText()).isEqualTo("hugo");
        assertThat(r.body()).doesNotContain("authToken").doesNotContain("hugo-pw");
        assertThat(Rest.login(ws, "hugo", "hugo-pw").userId()).isEqualTo(user.path("_id").asText());
    }

    @Test
    void registrationNeedsPassAndAFreeUsername() throws Exception {
        failure(anonymous().post("/api/v1/users.register", Json.object().put("username", "ivan").put("email", "i@x.invalid")),
            400, "error-invalid-params");
        failure(anonymous().post("/api/v1/users.register",
            Json.object().put("username", "user.1").put("email", "other@x.invalid").put("pass", "x")), 400, "error-field-unavailable");
        assertThat(ws.stores().users.byUsername("ivan")).isEmpty();
    }

    @Test
    void registrationCanBeSwitchedOff() throws Exception {
        ok(admin.post("/api/v1/settings/Accounts_RegistrationForm", Json.object().put("value", "Disabled")));
        try {
            failure(anonymous().post("/api/v1/users.register",
                Json.object().put("username", "jack").put("email", "j@x.invalid").put("pass", "x")), 400,
                "error-user-registration-disabled");
            assertThat(ws.stores().users.byUsername("jack")).isEmpty();
        } finally {
            ok(admin.post("/api/v1/settings/Accounts_RegistrationForm", Json.object().put("value", "Public")));
        }
    }
}
