package dev.rapport.platform.error;

import io.vertx.pgclient.PgException;

/** Recognizes PostgreSQL errors that mean a race was lost, however deeply they are wrapped. */
final class UniqueViolations {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {}

    static boolean isUniqueViolation(Throwable failure) {
        return hasSqlState(failure, UNIQUE_VIOLATION);
    }

    /** A deadlock or serialization failure: the request lost a race and may simply be retried. */
    static boolean isTransientConflict(Throwable failure) {
        return hasSqlState(failure, "40P01") || hasSqlState(failure, "40001");
    }

    private static boolean hasSqlState(Throwable failure, String state) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && state.equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.JDBCException jdbc && state.equals(jdbc.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }
}
