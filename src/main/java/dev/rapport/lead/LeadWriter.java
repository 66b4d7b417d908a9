package dev.rapport.lead;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.event.EventLog;
import dev.rapport.event.PendingEvents;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What every write of a lead does in its transaction: finds the pipeline and stage it names, moves it between stages
 * (its stays and the events), assigns an owner by the rules, recomputes its score, and appends the events of the
 * change in order.
 */
@ApplicationScoped
class LeadWriter {

    /** The window of {@link LeadFields#RECENT_NOTES}. */
    static final Duration RECENT = Duration.ofDays(30);

    private final LeadRepository leads;
    private final PipelineRepository pipelines;
    private final LeadRuleRepository rules;
    private final LeadMapper mapper;
    private final EventLog events;
    private final Caller caller;

    LeadWriter(
            LeadRepository leads,
            PipelineRepository pipelines,
            LeadRuleRepository rules,
            LeadMapper mapper,
            EventLog events,
            Caller caller) {
        this.leads = leads;
        this.pipelines = pipelines;
        this.rules = rules;
        this.mapper = mapper;
        this.events = events;
        this.caller = caller;
    }

    /** The pipeline a lead of the caller may be in (the default one for null), or an invalid-input problem. */
    Uni<Pipeline> pipeline(UUID id) {
        if (id == null) {
            return pipelines.findDefault();
        }
        return pipelines.findUsable(id, caller.partnerScope()).map(pipeline -> {
            if (pipeline == null) {
                throw DomainException.invalid("pipelineId", "no pipeline with id " + id);
            }
            return pipeline;
        });
    }

    /** The stage of {@code key} in the pipeline (its first open stage for null), or an invalid-input problem. */
    static LeadRecords.Stage stage(Pipeline pipeline, String key) {
        LeadRecords.Stage stage = key == null ? pipeline.first(LeadRecords.OPEN) : pipeline.stage(key);
        if (stage == null) {
            throw DomainException.invalid(
                    "stage",
                    "pipeline '" + pipeline.name + "' has no stage '" + key + "'; its stages are "
                            + String.join(
                                    ", ",
                                    pipeline.stages.items().stream()
                                            .map(LeadRecords.Stage::key)
                                            .toList()));
        }
        return stage;
    }

    /**
     * The checks of a lead entering {@code stage} other than by conversion: a won stage is entered by converting the
     * lead, a lost one needs a reason, and a converted lead stays where it is.
     */
    static void checkEntry(Lead lead, LeadRecords.Stage stage, String lostReason) {
        if (lead.customerId != null) {
            throw DomainException.conflict("The lead was converted to customer " + lead.customerId
                    + "; a converted lead stays in its won stage");
        }
        if (stage.isWon()) {
            throw DomainException.conflict("A lead enters a won stage ('" + stage.key()
                    + "') when it is converted: POST /v1/leads/{id}/convert");
        }
        if (stage.isLost() && lostReason == null) {
            throw DomainException.invalid("lostReason", "is required in the lost stage '" + stage.key() + "'");
        }
    }

    /** The enabled scoring and assignment rules a lead of {@code partnerId} is held to. */
    Uni<List<LeadScoring.Rule>> rules(String partnerId) {
        return rules.forLeadsOf(partnerId)
                .map(list -> list.stream().map(LeadScoring.Rule::of).toList());
    }

    /** Moves the lead to a stage of a pipeline (staying is no move), with its stays and events. */
    Uni<Void> move(Lead lead, Pipeline pipeline, LeadRecords.Stage to, OffsetDateTime now, Changes changes) {
        if (pipeline.id.equals(lead.pipelineId) && to.key().equals(lead.stage)) {
            return Uni.createFrom().voidItem();
        }
        String from = lead.stage;
        long seconds = Math.max(0, Duration.between(lead.stageEnteredAt, now).toSeconds());
        lead.pipelineId = pipeline.id;
        lead.stage = to.key();
        lead.stageCategory = to.category();
        lead.stageEnteredAt = now;
        changes.add(
                LeadEvent.STAGE_CHANGED,
                lead,
                () -> new LeadEvent.StageChanged(
                        lead.id,
                        lead.customerId,
                        lead.pipelineId,
                        from,
                        to.key(),
                        to.category(),
                        seconds,
                        lead.source,
                        lead.ownerId));
        if (to.isLost()) {
            changes.add(
                    LeadEvent.LOST,
                    lead,
                    () -> new LeadEvent.Lost(
                            lead.id, lead.customerId, to.key(), lead.lostReason, lead.source, lead.ownerId));
        }
        return leads.leave(lead.id, now, to.key()).chain(() -> leads.enter(lead, now, caller.name()));
    }

    /**
     * Gives a lead without an owner the owner of the first assignment rule that holds: its fixed owner, or the pool
     * member whose turn it is.
     */
    Uni<Void> assign(Lead lead, List<LeadScoring.Rule> rules, OffsetDateTime now) {
        if (lead.ownerId != null) {
            return Uni.createFrom().voidItem();
        }
        LeadScoring.Rule rule =
                LeadScoring.assignment(rules, LeadFields.facts(mapper.toView(lead), 0), now.toInstant());
        if (rule == null) {
            return Uni.createFrom().voidItem();
        }
        lead.assignedBy = rule.id();
        if (rule.ownerId() != null) {
            lead.ownerId = rule.ownerId();
            return Uni.createFrom().voidItem();
        }
        return this.rules
                .takeTurn(rule.id())
                .invoke(turn -> lead.ownerId = rule.pool()
                        .get((int) Math.floorMod(turn, (long) rule.pool().size())))
                .replaceWithVoid();
    }

    /** Scores a new lead, which has no notes yet; lead.created carries the score, so no score change is appended. */
    void scoreNew(Lead lead, List<LeadScoring.Rule> rules, OffsetDateTime now) {
        lead.score = LeadScoring.score(rules, LeadFields.facts(mapper.toView(lead), 0), now.toInstant())
                .total();
    }

    /** Recomputes the lead's score from the rules, and appends lead.score_changed when it changed. */
    Uni<Void> rescore(Lead lead, List<LeadScoring.Rule> rules, OffsetDateTime now, Changes changes) {
        Uni<Long> recent = lead.noteCount == 0
                ? Uni.createFrom().item(0L)
                : Panache.getSession()
                        .chain(session -> session.flush())
                        .chain(() -> leads.notesSince(lead.id, now.minus(RECENT)));
        return recent.invoke(notes -> {
                    LeadScoring.Score score =
                            LeadScoring.score(rules, LeadFields.facts(mapper.toView(lead), notes), now.toInstant());
                    int previous = lead.score;
                    lead.score = score.total();
                    if (previous != score.total()) {
                        changes.add(
                                LeadEvent.SCORE_CHANGED,
                                lead,
                                () -> new LeadEvent.ScoreChanged(
                                        lead.id,
                                        lead.customerId,
                                        previous,
                                        score.total(),
                                        score.contributing(),
                                        lead.source,
                                        lead.ownerId));
                    }
                })
                .replaceWithVoid();
    }

    /** Appends lead.assigned when the owner changed. */
    void assigned(Lead lead, String previousOwner, Changes changes) {
        if (!Objects.equals(previousOwner, lead.ownerId)) {
            UUID rule = lead.assignedBy;
            changes.add(
                    LeadEvent.ASSIGNED,
                    lead,
                    () -> new LeadEvent.Assigned(
                            lead.id, lead.customerId, previousOwner, lead.ownerId, rule, lead.source));
        }
    }

    Uni<UUID> append(String type, Lead lead, Object data) {
        return events.append(type, LeadEvent.SUBJECT, lead.id, lead.partnerId, data);
    }

    /** The events of one change of a lead beyond its main one ({@link PendingEvents}). */
    final class Changes {

        private final PendingEvents pending = events.pending();

        void add(String type, Lead lead, Supplier<Object> data) {
            pending.add(type, LeadEvent.SUBJECT, lead.id, lead.partnerId, data);
        }

        Uni<Void> appendAll() {
            return pending.appendAll();
        }
    }

    Changes changes() {
        return new Changes();
    }
}
