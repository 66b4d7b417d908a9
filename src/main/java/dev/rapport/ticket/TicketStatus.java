package dev.rapport.ticket;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.rapport.platform.error.DomainException;

/**
 * A ticket's statuses and the one table of moves between them. Work moves a ticket among {@code open},
 * {@code pending} (waiting for the requester) and {@code on_hold} (waiting for a third party) until it is
 * {@code solved}; a new ticket may go straight to any of those. A solved ticket reopens ({@code open}) or, after the
 * configured days, is {@code closed} by a job; closed is final (a follow-up is a new ticket that links to it). No
 * ticket goes back to {@code new}.
 */
enum TicketStatus {
    NEW,
    OPEN,
    PENDING,
    ON_HOLD,
    SOLVED,
    CLOSED;

    /** The name the API uses: new, open, pending, on_hold, solved, closed. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TicketStatus of(String wire) {
        return Arrays.stream(values())
                .filter(status -> status.wire().equals(wire))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid(
                        "status", "must be one of " + names(EnumSet.allOf(TicketStatus.class))));
    }

    /** The statuses this one may move to. */
    Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED);
            case OPEN -> EnumSet.of(PENDING, ON_HOLD, SOLVED);
            case PENDING -> EnumSet.of(OPEN, ON_HOLD, SOLVED);
            case ON_HOLD -> EnumSet.of(OPEN, PENDING, SOLVED);
            case SOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    /**
     * Checks a move: staying is no move; any other the table does not allow is a conflict problem naming the moves
     * that are.
     */
    void checkMoveTo(TicketStatus to) {
        if (to == this || next().contains(to)) {
            return;
        }
        throw DomainException.conflict(
                next().isEmpty()
                        ? "A " + wire() + " ticket is final; open a follow-up ticket that links to it"
                        : "A " + wire() + " ticket can move to " + names(next()) + ", not " + to.wire());
    }

    /** Whether the resolution clock runs in this status (it pauses while waiting for someone else). */
    boolean resolutionClockRuns() {
        return this == NEW || this == OPEN;
    }

    private static String names(Set<TicketStatus> statuses) {
        return statuses.stream().map(TicketStatus::wire).collect(Collectors.joining(", "));
    }
}
