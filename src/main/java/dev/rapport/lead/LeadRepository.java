package dev.rapport.lead;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Leads inside write transactions, with their stage stays; callers read through {@link LeadQueries}. */
@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    /**
     * A lead a caller of {@code scope} may change, locked until the transaction ends so that changes of one lead (a
     * note, a move, a conversion) follow each other; null when there is none (another partner's is as absent as a
     * missing one).
     */
    public Uni<Lead> findVisible(UUID id, String scope) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE)
                .map(lead -> lead == null || !Caller.mayAccess(scope, lead.partnerId) ? null : lead);
    }

    /** Records that the lead entered a stage. */
    public Uni<Void> enter(Lead lead, OffsetDateTime at, String actor) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into lead_stage_stay (lead_id, pipeline_id, stage, entered_at, actor)
                                values (:lead, :pipeline, :stage, :at, :actor)
                                """)
                        .setParameter("lead", lead.id)
                        .setParameter("pipeline", lead.pipelineId)
                        .setParameter("stage", lead.stage)
                        .setParameter("at", at)
                        .setParameter("actor", actor)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Ends the lead's current stay, for {@code next}. */
    public Uni<Void> leave(UUID leadId, OffsetDateTime at, String next) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update lead_stage_stay set left_at = :at, next_stage = :next"
                                        + " where lead_id = :lead and left_at is null")
                        .setParameter("lead", leadId)
                        .setParameter("at", at)
                        .setParameter("next", next)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** How many of the lead's notes happened after {@code since}. */
    public Uni<Long> notesSince(UUID leadId, OffsetDateTime since) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(*) from lead_note where lead_id = :lead and occurred_at > :since",
                                Long.class)
                        .setParameter("lead", leadId)
                        .setParameter("since", since)
                        .getSingleResult());
    }
}
