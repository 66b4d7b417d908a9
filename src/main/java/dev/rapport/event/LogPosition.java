package dev.rapport.event;

/**
 * A reader's place in the event log: the id of the transaction that wrote the last event read, and that event's
 * sequence number. The log is read in this order (see {@link EventQueries#after}).
 */
public record LogPosition(long xactId, long seq) {

    /** Before every event. */
    public static final LogPosition START = new LogPosition(0, 0);
}
