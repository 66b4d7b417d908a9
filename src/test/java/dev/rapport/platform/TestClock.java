package dev.rapport.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The clock of the service under test: the system's, until a test moves it forward to see what happens later
 * (expiry, retention) without waiting. A test that moves it puts it back in a {@code finally}.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    /** Moves the clock {@code by} further into the future. */
    public void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    /** The system's time again. */
    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), ahead);
    }
}
