package dev.rapport.lead;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.customer.CustomerActivityService;
import dev.rapport.customer.CustomerService;
import dev.rapport.customer.api.CreateInteractionRequest;
import dev.rapport.customer.api.InteractionType;
import dev.rapport.lead.api.CreateLeadNoteRequest;
import dev.rapport.lead.api.CreateLeadRequest;
import dev.rapport.lead.api.CustomerLead;
import dev.rapport.lead.api.LeadNoteView;
import dev.rapport.lead.api.LeadScoreView;
import dev.rapport.lead.api.LeadStageStayView;
import dev.rapport.lead.api.LeadView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.paging.ListParameters;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Leads: capture with an owner chosen by the assignment rules, changes along the pipeline, notes, a score recomputed
 * in the transaction of every change ({@link LeadWriter}), and an event for each change in its transaction. Reads go
 * through {@link LeadQueries}; conversion is {@link LeadConversionService}'s.
 */
@ApplicationScoped
public class LeadService {

    /** A lead's timeline, newest first. */
    static final Sort TIMELINE = LeadQueries.TIMELINE;

    /** The touchpoint of the interactions a converted lead's notes become. */
    static final String TOUCHPOINT = "lead";

    private final LeadRepository leads;
    private final LeadNoteRepository notes;
    private final LeadWriter writer;
    private final LeadQueries queries;
    private final LeadRuleQueries ruleQueries;
    private final LeadMapper mapper;
    private final CustomerActivityService activity;
    private final CustomerService customers;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    LeadService(
            LeadRepository leads,
            LeadNoteRepository notes,
            LeadWriter writer,
            LeadQueries queries,
            LeadRuleQueries ruleQueries,
            LeadMapper mapper,
            CustomerActivityService activity,
            CustomerService customers,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.leads = leads;
        this.notes = notes;
        this.writer = writer;
        this.queries = queries;
        this.ruleQueries = ruleQueries;
        this.mapper = mapper;
        this.activity = activity;
        this.customers = customers;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<LeadView> create(CreateLeadRequest request) {
        patches.validate(request);
        CreateLeadRequest normalized = LeadRules.normalize(request, customers);
        OffsetDateTime now = Clocks.now(clock);
        String scope = caller.partnerScope();
        Lead lead = new Lead();
        lead.id = Ids.newId();
        lead.partnerId = scope;
        lead.createdAt = now;
        lead.updatedAt = now;
        lead.stageEnteredAt = now;
        LeadRules.apply(normalized, lead);
        lead.ownerId = normalized.ownerId();
        LeadWriter.Changes changes = writer.changes();
        return writer.pipeline(normalized.pipelineId())
                .chain(pipeline -> {
                    LeadRecords.Stage stage = LeadWriter.stage(pipeline, normalized.stage());
                    LeadWriter.checkEntry(lead, stage, lead.lostReason);
                    lead.pipelineId = pipeline.id;
                    lead.stage = stage.key();
                    lead.stageCategory = stage.category();
                    if (!stage.isLost()) {
                        lead.lostReason = null;
                    }
                    return writer.rules(scope);
                })
                .chain(rules -> writer.assign(lead, rules, now)
                        .invoke(() -> writer.assigned(lead, null, changes))
                        .invoke(() -> writer.scoreNew(lead, rules, now)))
                .chain(() -> leads.persistAndFlush(lead))
                .chain(() -> leads.enter(lead, now, caller.name()))
                .chain(() -> {
                    LeadView view = mapper.toView(lead);
                    return writer.append(LeadEvent.CREATED, lead, view)
                            .chain(changes::appendAll)
                            .replaceWith(view);
                });
    }

    /** One lead the caller may see. */
    public Uni<LeadView> get(UUID id) {
        return queries.find(id, caller.partnerScope()).map(view -> found(view, id));
    }

    /** A page of leads matching the list's filter and search (a partner's own only), in its order. */
    public Uni<Page<LeadView>> list(ListParameters list) {
        PageRequest page = list.page(LeadQueries.SORTS, LeadQueries.DEFAULT_SORT);
        return queries.list(list.filter(), list.query(), caller.partnerScope(), page);
    }

    /**
     * Applies a JSON merge patch: the current lead is rendered as a {@link CreateLeadRequest}, the patch merged in,
     * and the result validated like a create. A new pipeline without a stage puts the lead in its first open stage.
     */
    @WithTransaction
    public Uni<LeadView> update(UUID id, JsonNode patch, String ifMatch) {
        return visible(id)
                .chain(lead -> {
                    ETags.checkIfMatch(ifMatch, lead.version);
                    return patch(lead, patch);
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    private Uni<LeadView> patch(Lead lead, JsonNode patch) {
        MergePatches.Patched<CreateLeadRequest> patched = patches.apply(mapper.toRequest(lead), patch);
        if (!patched.changed()) {
            return Uni.createFrom().item(mapper.toView(lead));
        }
        CreateLeadRequest request = LeadRules.normalize(patched.value(), customers);
        List<String> changed = patched.changedFields();
        boolean moves = changed.contains("pipelineId") || changed.contains("stage");
        if (lead.customerId != null && moves) {
            throw DomainException.conflict("The lead was converted to customer " + lead.customerId
                    + "; a converted lead stays in its won stage");
        }
        OffsetDateTime now = Clocks.now(clock);
        String ownerBefore = lead.ownerId;
        LeadWriter.Changes changes = writer.changes();
        return writer.pipeline(request.pipelineId())
                .chain(pipeline -> {
                    boolean samePipeline = pipeline.id.equals(lead.pipelineId);
                    String key = changed.contains("stage") ? request.stage() : samePipeline ? lead.stage : null;
                    LeadRecords.Stage stage = LeadWriter.stage(pipeline, key);
                    boolean stays = samePipeline && stage.key().equals(lead.stage);
                    if (!stays) {
                        LeadWriter.checkEntry(lead, stage, request.lostReason());
                    } else if (stage.isLost() && request.lostReason() == null) {
                        throw DomainException.invalid(
                                "lostReason", "is required in the lost stage '" + stage.key() + "'");
                    }
                    LeadRules.apply(request, lead);
                    lead.ownerId = request.ownerId();
                    if (!stage.isLost()) {
                        lead.lostReason = null;
                    }
                    lead.updatedAt = now;
                    return writer.move(lead, pipeline, stage, now, changes);
                })
                .chain(() -> writer.rules(lead.partnerId))
                .chain(rules -> writer.rescore(lead, rules, now, changes))
                .chain(() -> leads.flush())
                .chain(() -> {
                    writer.assigned(lead, ownerBefore, changes);
                    LeadView view = mapper.toView(lead);
                    return writer.append(
                                    LeadEvent.UPDATED,
                                    lead,
                                    new LeadEvent.Updated(lead.id, lead.customerId, changed, view))
                            .chain(changes::appendAll)
                            .replaceWith(view);
                });
    }

    /**
     * Adds a note to a lead's timeline; a converted lead's note is also logged on its customer's timeline. The score
     * is recomputed (rules may count recent notes).
     */
    @WithTransaction
    public Uni<LeadNoteView> addNote(UUID leadId, CreateLeadNoteRequest request) {
        patches.validate(request);
        OffsetDateTime now = Clocks.now(clock);
        LeadWriter.Changes changes = writer.changes();
        return visible(leadId).chain(lead -> {
            LeadNote note = new LeadNote();
            note.id = Ids.newId();
            note.leadId = lead.id;
            note.type = request.type() == null ? "note" : request.type();
            note.body = request.body().trim();
            note.author = caller.name();
            note.occurredAt = request.occurredAt() == null ? now : Clocks.micros(request.occurredAt());
            note.createdAt = now;
            lead.noteCount++;
            if (lead.lastNoteAt == null || note.occurredAt.isAfter(lead.lastNoteAt)) {
                lead.lastNoteAt = note.occurredAt;
            }
            lead.updatedAt = now;
            LeadNoteView view = mapper.toView(note);
            return notes.persist(note)
                    .chain(() -> lead.customerId == null
                            ? Uni.createFrom().voidItem()
                            : logOnCustomer(lead.customerId, List.of(note)))
                    .chain(() -> writer.rules(lead.partnerId))
                    .chain(rules -> writer.rescore(lead, rules, now, changes))
                    .chain(() -> leads.flush())
                    .chain(() -> writer.append(
                            LeadEvent.NOTE_ADDED, lead, new LeadEvent.NoteAdded(lead.id, lead.customerId, view)))
                    .chain(changes::appendAll)
                    .replaceWith(view);
        });
    }

    /** Logs notes on the customer's timeline as interactions, oldest first. */
    Uni<Void> logOnCustomer(UUID customerId, List<LeadNote> logged) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (LeadNote note : logged) {
            CreateInteractionRequest interaction = new CreateInteractionRequest(
                    InteractionType.valueOf(note.type), null, TOUCHPOINT, note.body, note.occurredAt);
            all = all.chain(() -> activity.logInteraction(customerId, interaction))
                    .replaceWithVoid();
        }
        return all;
    }

    /** A page of a lead's timeline, newest first. */
    public Uni<Page<LeadNoteView>> notes(UUID leadId, PageRequest page) {
        return get(leadId).chain(lead -> queries.notes(leadId, page));
    }

    /** The newest notes of each lead (a GraphQL batch; the leads were read by the caller). */
    public Uni<Map<UUID, List<LeadNoteView>>> notesOf(List<UUID> leadIds, int perLead) {
        return leadIds.isEmpty() ? Uni.createFrom().item(Map.of()) : queries.notesOf(leadIds, perLead);
    }

    /** Every stay of the lead in a stage, oldest first, with the time spent there. */
    public Uni<List<LeadStageStayView>> history(UUID leadId) {
        return get(leadId)
                .chain(lead -> queries.history(List.of(leadId)))
                .map(byLead -> byLead.getOrDefault(leadId, List.of()));
    }

    /** Every stay of each lead (a GraphQL batch; the leads were read by the caller). */
    public Uni<Map<UUID, List<LeadStageStayView>>> historyOf(List<UUID> leadIds) {
        return leadIds.isEmpty() ? Uni.createFrom().item(Map.of()) : queries.history(leadIds);
    }

    /** The lead each customer was converted from, for the 360 view; customers without one are absent. */
    public Uni<Map<UUID, CustomerLead>> forCustomers(List<UUID> customerIds) {
        return customerIds.isEmpty()
                ? Uni.createFrom().item(new HashMap<>())
                : queries.convertedInto(customerIds, caller.partnerScope());
    }

    /**
     * The lead's score explained: every enabled rule it is held to, whether it holds now and the points it gives,
     * beside the score stored at its last change.
     */
    public Uni<LeadScoreView> score(UUID leadId) {
        OffsetDateTime now = Clocks.now(clock);
        return get(leadId)
                .chain(lead -> ruleQueries
                        .forLeadsOf(lead.partnerId())
                        .chain(rules -> queries.recentNotes(leadId, now.minus(LeadWriter.RECENT))
                                .map(recent -> {
                                    LeadScoring.Score score =
                                            LeadScoring.score(rules, LeadFields.facts(lead, recent), now.toInstant());
                                    return new LeadScoreView(leadId, lead.score(), score.total(), now, score.rules());
                                })));
    }

    /** A lead the caller may change, locked until the transaction ends, or not-found. */
    Uni<Lead> visible(UUID id) {
        return leads.findVisible(id, caller.partnerScope()).map(lead -> found(lead, id));
    }

    private static <T> T found(T lead, UUID id) {
        if (lead == null) {
            throw DomainException.notFound("lead", id);
        }
        return lead;
    }
}
