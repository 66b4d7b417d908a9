package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Keycloak for integration tests: the distribution Maven unpacked into {@code target/keycloak}, started once
 * per test JVM in dev mode on a free loopback port with the committed realm ({@code src/keycloak/rapport-realm.json})
 * imported into a fresh database, and stopped when the JVM exits.
 */
public final class KeycloakServer {

    public static final String REALM = "rapport";
    private static KeycloakServer running;

    private final Process process;
    private final int port;
    private final Path log;

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static synchronized KeycloakServer get() throws Exception {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        }
        return running;
    }

    /** The realm URL; tokens must be fetched through the same host name, since it becomes their issuer. */
    public String realmUrl() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** A client-credentials token of a confidential (partner) client. */
    public String clientToken(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .when()
                .post(realmUrl() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A token of a demo user, through the password grant of the rapport-cli client. */
    public String userToken(String username) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "rapport-cli")
                .formParam("username", username)
                .formParam("password", "rapport")
                .when()
                .post(realmUrl() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /**
     * Adds a new RSA signing key with a higher priority than the current one, as an operator rotating keys would,
     * and returns its key id. The old key stays valid for tokens already issued.
     */
    public String rotateSigningKey() {
        String base = "http://localhost:" + port;
        String admin = given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .when()
                .post(base + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        String realmId = given().auth()
                .oauth2(admin)
                .when()
                .get(base + "/admin/realms/" + REALM)
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(java.util.Map.of(
                        "name",
                        "rotated-" + System.nanoTime(),
                        "providerId",
                        "rsa-generated",
                        "providerType",
                        "org.keycloak.keys.KeyProvider",
                        "parentId",
                        realmId,
                        "config",
                        java.util.Map.of(
                                "priority",
                                java.util.List.of("1000"),
                                "enabled",
                                java.util.List.of("true"),
                                "active",
                                java.util.List.of("true"),
                                "algorithm",
                                java.util.List.of("RS256"),
                                "keySize",
                                java.util.List.of("2048"))))
                .when()
                .post(base + "/admin/realms/" + REALM + "/components")
                .then()
                .statusCode(201);
        return given().auth()
                .oauth2(admin)
                .when()
                .get(base + "/admin/realms/" + REALM + "/keys")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("active.RS256");
    }

    private static KeycloakServer start() throws Exception {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3"));
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home + "; integration tests run through ./mvnw verify");
        }
        deleteRecursively(home.resolve("data"));
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(
                Path.of("src/keycloak/rapport-realm.json"),
                imports.resolve("rapport-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        home.resolve("bin/kc.sh").toFile().setExecutable(true);

        int port = PackagedApp.freePort();
        Path log = Files.createTempFile("keycloak", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + port,
                        "--http-management-port=" + PackagedApp.freePort(),
                        "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        KeycloakServer server = new KeycloakServer(builder.start(), port, log);
        server.awaitReady(Duration.ofSeconds(180));
        return server;
    }

    private void awaitReady(Duration timeout) throws IOException {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited:\n" + Files.readString(log));
                }
                return answers(realmUrl() + "/.well-known/openid-configuration");
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Keycloak did not become ready:\n" + Files.readString(log), e);
        }
    }

    private static boolean answers(String url) {
        try {
            return given().when().get(url).statusCode() == 200;
        } catch (Exception notYet) {
            return false; // not listening yet
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
