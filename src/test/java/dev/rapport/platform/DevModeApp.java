package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code ./mvnw quarkus:dev} run from the project directory as a child process, as the README's first command runs
 * it: the dev profile, its embedded PostgreSQL and demo data. Without a console, debugger or continuous testing,
 * on a free port, with its output in {@link #LOG}. Closing it ends the whole process tree (Maven, the dev-mode JVM
 * and the PostgreSQL that JVM started), also when the test failed or its JVM is shutting down.
 */
final class DevModeApp implements AutoCloseable {

    static final Path LOG = Path.of("target", "dev-mode-it.log");

    /** PostgreSQL daemonizes (pg_ctl), so it is not a descendant of the JVM that started it; its port is logged. */
    private static final Pattern DATABASE_PORT = Pattern.compile("postmaster started as .* on port (\\d+)");

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Thread killOnExit;

    private DevModeApp(Process process, int port) {
        this.process = process;
        this.port = port;
        this.killOnExit = new Thread(() -> killNow(List.of()), "dev-mode-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts dev mode, with the local repository of the build running this test ({@code devmode.maven.repo.local},
     * from pom.xml). Not offline: dev mode needs a few artifacts that the build does not (the Dev UI), and a fresh
     * machine has them only once this run has resolved them.
     */
    static DevModeApp start() throws IOException {
        int port = PackagedApp.freePort();
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> command = new ArrayList<>(
                List.of(Path.of(windows ? "mvnw.cmd" : "mvnw").toAbsolutePath().toString(), "-B", "-ntp"));
        Optional.ofNullable(System.getProperty("devmode.maven.repo.local"))
                .filter(repo -> !repo.isBlank())
                .ifPresent(repo -> command.add("-Dmaven.repo.local=" + repo));
        command.addAll(List.of(
                "quarkus:dev",
                "-Dquarkus.http.port=" + port,
                "-Ddebug=false",
                "-Dquarkus.console.enabled=false",
                "-Dquarkus.test.continuous-testing=disabled",
                "-Dquarkus.analytics.disabled=true",
                // Dev mode compiles into target/ as an execution of its own, whose incremental state a fresh
                // build does not have: it would recompile every class under the running integration tests. By
                // timestamps alone, the classes this build compiled are up to date.
                "-Dmaven.compiler.useIncrementalCompilation=false"));
        Files.createDirectories(LOG.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        // Only the defaults of the dev profile: none of this JVM's settings of the service.
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("QUARKUS_")
                        || k.startsWith("RAPPORT_")
                        || k.startsWith("DB_")
                        || k.startsWith("OIDC_"));
        Process process = builder.start();
        process.getOutputStream().close();
        return new DevModeApp(process, port);
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    /**
     * Waits until {@code /q/health/ready} answers 200. Dev mode keeps running when the application fails to start
     * (it shows an error page and tries again on the next request), so a failed start in the log fails at once.
     */
    DevModeApp awaitReady(Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("quarkus:dev exited with " + process.exitValue() + logTail());
                }
                if (log().contains("Failed to start application")) {
                    throw new AssertionError("The application failed to start in dev mode" + logTail());
                }
                return isReady();
            });
            return this;
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Dev mode was not ready within " + timeout + logTail(), e);
        }
    }

    private boolean isReady() {
        try {
            return given().baseUri(baseUri()).when().get("/q/health/ready").statusCode() == 200;
        } catch (Exception notYet) {
            return false; // not listening yet
        }
    }

    String log() throws IOException {
        return Files.exists(LOG) ? Files.readString(LOG) : "";
    }

    /** The last lines of the log, to append to a failure message. */
    String logTail() {
        try {
            List<String> lines = log().lines().toList();
            return "\n--- last lines of " + LOG + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "\n(" + LOG + " is unreadable: " + e + ")";
        }
    }

    /**
     * Asks Maven to stop (SIGTERM: dev mode shuts the application down, which stops its PostgreSQL), waits for the
     * tree to end, then kills whatever is left, including a PostgreSQL whose JVM could not stop it.
     */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = tree();
        try {
            process.destroy();
            Instant deadline = Instant.now().plus(GRACE);
            for (ProcessHandle handle : tree) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left > 0) {
                    try {
                        handle.onExit().get(left, TimeUnit.MILLISECONDS);
                    } catch (Exception stillRunning) {
                        // killed below
                    }
                }
            }
        } finally {
            killNow(tree);
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
    }

    private List<ProcessHandle> tree() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .toList();
    }

    /** Kills the tree now and these processes of it seen before (a child outlives its parent's death). */
    private void killNow(List<ProcessHandle> seen) {
        Stream.concat(seen.stream(), tree().stream()).forEach(ProcessHandle::destroyForcibly);
        databasePort()
                .ifPresent(databasePort -> ProcessHandle.allProcesses()
                        .filter(p -> p.info()
                                .commandLine()
                                .filter(line ->
                                        line.contains("/bin/postgres ") && line.contains(" -p " + databasePort + " "))
                                .isPresent())
                        .forEach(ProcessHandle::destroyForcibly));
    }

    private Optional<String> databasePort() {
        try {
            Matcher matcher = DATABASE_PORT.matcher(log());
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
