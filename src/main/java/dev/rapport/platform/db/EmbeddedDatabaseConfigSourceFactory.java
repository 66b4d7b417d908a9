package dev.rapport.platform.db;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Supplies {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME} and {@code DB_USER} of an {@link EmbeddedDatabase} to
 * the datasource URLs in application.properties when {@code rapport.embedded-database.enabled=true} (the dev and
 * test profiles). Environment variables still win, and production never enables it.
 *
 * <p>This class refers to the embedded server only through {@link EmbeddedDatabase}, which is loaded only when the
 * embedded database is enabled: the packaged application runs without the embedded PostgreSQL libraries, which are
 * dev and test dependencies only (optional in pom.xml, left out of the package).
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "rapport.embedded-database.enabled";
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue enabled = context.getValue(ENABLED);
        if (enabled == null || !Boolean.parseBoolean(enabled.getValue())) {
            return List.of();
        }
        int port = EmbeddedDatabase.port();
        return List.of(new PropertiesConfigSource(
                Map.of(
                        "DB_HOST", "localhost",
                        "DB_PORT", Integer.toString(port),
                        "DB_NAME", "postgres",
                        "DB_USER", "postgres"),
                "embedded-postgresql",
                ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
