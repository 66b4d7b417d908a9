package dev.rapport.platform.time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;

/**
 * The clock every service and job reads the time from (inject {@link Clock}), so that tests can move time instead
 * of waiting for it, and the times it gives at the database's precision.
 */
public final class Clocks {

    Clocks() {}

    /** Times are UTC; a test replaces this bean with one it can move. */
    @Produces
    @Singleton
    static Clock system() {
        return Clock.systemUTC();
    }

    /** Bean validation reads the same clock ({@code @Past}, {@link Plausible}), so that tests move it alike. */
    @Produces
    @Singleton
    static ClockProvider validationClock(Clock clock) {
        return () -> clock;
    }

    /** Now, in UTC, to the microsecond: what a {@code timestamptz} column keeps, so cursors round-trip exactly. */
    public static OffsetDateTime now(Clock clock) {
        return micros(OffsetDateTime.now(clock));
    }

    /** A time in UTC to the microsecond. */
    public static OffsetDateTime micros(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
