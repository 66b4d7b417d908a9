package dev.rapport.platform.db;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions of values read by native queries, whose Java types depend on the driver's mapping. */
public final class SqlValues {

    private SqlValues() {}

    /** A {@code timestamptz} column as an {@link OffsetDateTime} in UTC, or null. */
    public static OffsetDateTime timestamp(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime local) {
            return local.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException(
                "Not a timestamp: " + value.getClass().getName());
    }
}
