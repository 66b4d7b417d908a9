package dev.rapport.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;

/** The table of moves between ticket statuses, and what a refused move says. */
class TicketStatusTest {

    @Test
    void aTicketIsWorkedUntilSolvedThenReopensOrIsClosedForGood() {
        assertThat(TicketStatus.NEW.next())
                .containsExactlyInAnyOrder(
                        TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ON_HOLD, TicketStatus.SOLVED);
        assertThat(TicketStatus.PENDING.next())
                .containsExactlyInAnyOrder(TicketStatus.OPEN, TicketStatus.ON_HOLD, TicketStatus.SOLVED);
        assertThat(TicketStatus.SOLVED.next()).containsExactlyInAnyOrder(TicketStatus.OPEN, TicketStatus.CLOSED);
        assertThat(TicketStatus.CLOSED.next()).isEmpty();
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(status.next()).as("no way back to new").doesNotContain(TicketStatus.NEW);
            assertThat(status.next()).as(status + " moves elsewhere").doesNotContain(status);
        }
        assertThat(TicketStatus.values())
                .filteredOn(status -> status.next().contains(TicketStatus.CLOSED))
                .containsExactly(TicketStatus.SOLVED);
    }

    @Test
    void aRefusedMoveIsAConflictNamingTheAllowedOnes() {
        assertThatCode(() -> TicketStatus.OPEN.checkMoveTo(TicketStatus.OPEN)).doesNotThrowAnyException();
        assertThatCode(() -> TicketStatus.SOLVED.checkMoveTo(TicketStatus.OPEN)).doesNotThrowAnyException();
        assertThatThrownBy(() -> TicketStatus.SOLVED.checkMoveTo(TicketStatus.PENDING))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("A solved ticket can move to open, closed, not pending");
                });
        assertThatThrownBy(() -> TicketStatus.CLOSED.checkMoveTo(TicketStatus.OPEN))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.getMessage())
                                .isEqualTo("A closed ticket is final; open a follow-up ticket that links to it"));
    }

    @Test
    void statusesAreNamedAsTheApiWritesThem() {
        assertThat(TicketStatus.ON_HOLD.wire()).isEqualTo("on_hold");
        assertThat(TicketStatus.of("on_hold")).isEqualTo(TicketStatus.ON_HOLD);
        assertThatThrownBy(() -> TicketStatus.of("waiting"))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.errors().get(0).message())
                                .isEqualTo("must be one of new, open, pending, on_hold, solved, closed"));
        assertThat(TicketStatus.PENDING.resolutionClockRuns()).isFalse();
        assertThat(TicketStatus.OPEN.resolutionClockRuns()).isTrue();
    }
}
