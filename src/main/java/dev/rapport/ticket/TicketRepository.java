package dev.rapport.ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.rapport.platform.db.NativeValues;
import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Tickets inside write transactions, with the rows that go with them: numbers, status history, SLA clocks and the
 * customer facts. Callers read through {@link TicketQueries}.
 */
@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    /** A clock as stored: what decides whether its warning and breach were announced for this target. */
    record StoredClock(
            String metric, long targetSeconds, Instant startedAt, boolean warnAnnounced, boolean breachAnnounced) {}

    /**
     * A ticket a caller of {@code scope} may change, locked until the transaction ends so that changes of one
     * ticket (a reply, a status change, the scheduler's close) follow each other; null when there is none
     * (another partner's is as absent as a missing one).
     */
    public Uni<Ticket> findVisible(UUID id, String scope) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(t -> t == null || !Caller.mayAccess(scope, t.partnerId) ? null : t);
    }

    /** The next ticket number of a partner's scope; the counter's row stays locked until the transaction ends. */
    public Uni<Long> nextNumber(String scope) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into ticket_number (partner_scope, last_number) values (:scope, 1)
                                on conflict (partner_scope) do update set last_number = ticket_number.last_number + 1
                                returning last_number
                                """, Long.class)
                        .setParameter("scope", scope)
                        .getSingleResult());
    }

    /** Records a status the ticket took (from null: the status it was created in). */
    public Uni<Void> recordStatus(UUID ticketId, String from, String to, OffsetDateTime at, String actor) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into ticket_status_change (ticket_id, from_status, to_status, changed_at, actor)
                                values (:ticket, :from, :to, :at, :actor)
                                """)
                        .setParameter("ticket", ticketId)
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .setParameter("at", at)
                        .setParameter("actor", actor)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The statuses the ticket took, oldest first (after flushing, so this transaction's are among them). */
    public Uni<List<SlaClock.Change>> history(UUID ticketId) {
        return Panache.getSession()
                .chain(session -> session.flush()
                        .chain(() -> session.createNativeQuery(
                                        "select to_status, changed_at from ticket_status_change where ticket_id = :ticket"
                                                + " order by changed_at, id",
                                        Object[].class)
                                .setParameter("ticket", ticketId)
                                .getResultList()))
                .map(rows -> rows.stream()
                        .map(row -> new SlaClock.Change(instant(row[1]), TicketStatus.of((String) row[0])))
                        .toList());
    }

    /** The ticket's stored clocks, locked until the transaction ends (the SLA scheduler skips locked clocks). */
    public Uni<List<StoredClock>> lockClocks(UUID ticketId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                select metric, target_seconds, started_at, warn_announced, breach_announced
                                from ticket_sla_clock where ticket_id = :ticket for update
                                """, Object[].class)
                        .setParameter("ticket", ticketId)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new StoredClock(
                                (String) row[0],
                                ((Number) row[1]).longValue(),
                                instant(row[2]),
                                (Boolean) row[3],
                                (Boolean) row[4]))
                        .toList());
    }

    /** Removes the ticket's clocks of metrics not in {@code kept} (its policy or targets changed). */
    public Uni<Void> deleteClocksExcept(UUID ticketId, List<String> kept) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from ticket_sla_clock where ticket_id = :ticket"
                                + " and metric <> all(string_to_array(:kept, ','))")
                        .setParameter("ticket", ticketId)
                        .setParameter("kept", String.join(",", kept))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Stores one clock of the ticket as it stands now. */
    public Uni<Void> writeClock(
            Ticket ticket, TicketSla.Clock clock, boolean warnAnnounced, boolean breachAnnounced, Instant now) {
        SlaClock.Reading reading = clock.reading();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into ticket_sla_clock (ticket_id, metric, policy_id, target_seconds, business_hours,
                                    state, elapsed_seconds, started_at, due_at, warn_at, breached_at, stopped_at, decided_at, breach_at,
                                    warn_announced, breach_announced, computed_at, partner_id)
                                values (:ticket, :metric, :policy, :target, :business, :state, :elapsed, :started,
                                    :due, :warn, :breached, :stopped, :decided, :breachAt, :warnAnnounced, :breachAnnounced,
                                    :now, :partner)
                                on conflict (ticket_id, metric) do update set
                                    policy_id = excluded.policy_id, target_seconds = excluded.target_seconds,
                                    business_hours = excluded.business_hours, state = excluded.state,
                                    elapsed_seconds = excluded.elapsed_seconds, started_at = excluded.started_at,
                                    due_at = excluded.due_at, warn_at = excluded.warn_at,
                                    breached_at = excluded.breached_at, stopped_at = excluded.stopped_at,
                                    decided_at = excluded.decided_at,
                                    breach_at = excluded.breach_at, warn_announced = excluded.warn_announced,
                                    breach_announced = excluded.breach_announced, computed_at = excluded.computed_at
                                """)
                        .setParameter("ticket", ticket.id)
                        .setParameter("metric", clock.metric().column)
                        .setParameter("policy", ticket.slaPolicyId)
                        .setParameter("target", clock.target().toSeconds())
                        .setParameter("business", clock.businessHours())
                        .setParameter("state", reading.state().name().toLowerCase(java.util.Locale.ROOT))
                        .setParameter("elapsed", reading.elapsed().toSeconds())
                        .setParameter("started", time(clock.startedAt()))
                        .setParameter("due", time(reading.dueAt()))
                        .setParameter("warn", time(clock.warnAt()))
                        .setParameter("breached", time(reading.breachedAt()))
                        .setParameter("stopped", time(reading.stoppedAt()))
                        .setParameter("decided", time(clock.decidedAt()))
                        .setParameter("breachAt", time(clock.breachAt()))
                        .setParameter("warnAnnounced", warnAnnounced)
                        .setParameter("breachAnnounced", breachAnnounced)
                        .setParameter("now", time(now))
                        .setParameter("partner", ticket.partnerId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Adjusts the requester's ticket facts: open tickets by {@code openDelta}, tickets by {@code countDelta}, and the
     * last ticket's time when one is created.
     */
    public Uni<Void> adjustFacts(UUID customerId, int openDelta, int countDelta, OffsetDateTime createdAt) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into ticket_customer_facts as f (customer_id, open_tickets, ticket_count, last_ticket_at)
                                values (:customer, greatest(:open, 0), greatest(:count, 0), :created)
                                on conflict (customer_id) do update set
                                    open_tickets = greatest(f.open_tickets + :open, 0),
                                    ticket_count = greatest(f.ticket_count + :count, 0),
                                    last_ticket_at = greatest(f.last_ticket_at, excluded.last_ticket_at)
                                """)
                        .setParameter("customer", customerId)
                        .setParameter("open", openDelta)
                        .setParameter("count", countDelta)
                        .setParameter("created", createdAt)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        return NativeValues.time(value).toInstant();
    }

    /** The customers among {@code customerIds} with an open ticket (by their ticket facts). */
    public Uni<java.util.Set<UUID>> withOpenTickets(java.util.List<UUID> customerIds) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select customer_id from ticket_customer_facts"
                                        + " where customer_id = any(cast(string_to_array(:ids, ',') as uuid[]))"
                                        + " and open_tickets > 0",
                                UUID.class)
                        .setParameter(
                                "ids",
                                String.join(
                                        ",",
                                        customerIds.stream().map(UUID::toString).toList()))
                        .getResultList())
                .map(java.util.Set::copyOf);
    }
}
