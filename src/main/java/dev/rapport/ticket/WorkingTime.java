package dev.rapport.ticket;

import java.time.Duration;
import java.time.Instant;

/** The time an SLA target counts: business hours of a calendar, or every hour ({@link #CALENDAR}). */
interface WorkingTime {

    /** Calendar time: every minute counts. */
    WorkingTime CALENDAR = new WorkingTime() {
        @Override
        public Duration between(Instant from, Instant to) {
            return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }

        @Override
        public Instant add(Instant start, Duration amount) {
            return start.plus(amount);
        }
    };

    /** The counted time in [from, to); zero when to is not after from. */
    Duration between(Instant from, Instant to);

    /** The earliest instant by which {@code amount} of counted time has passed since {@code start}. */
    Instant add(Instant start, Duration amount);
}
