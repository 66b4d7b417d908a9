package dev.rapport.platform.error;

import io.vertx.pgclient.PgException;

/**
 * Recognizes PostgreSQL errors that are the caller's to act on, however deeply they are wrapped: a race lost, or
 * text PostgreSQL cannot store.
 */
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

    /**
     * Text PostgreSQL cannot keep: NUL in a text column (22021) or a JSONB {@code \\u0000} (22P05). Bodies are
     * refused before (PlainText); this is the net for what reaches the database another way.
     */
    static boolean isUnstorableText(Throwable failure) {
        return hasSqlState(failure, "22021") || hasSqlState(failure, "22P05");
    }

    /** The problem for {@link #isUnstorableText}. */
    static DomainException unstorableText() {
        return new DomainException(
                ProblemType.MALFORMED_REQUEST, "Text must not contain NUL or other control characters");
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
