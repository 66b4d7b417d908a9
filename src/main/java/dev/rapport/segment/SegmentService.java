package dev.rapport.segment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import cz.jirutka.rsql.parser.ast.Node;
import dev.rapport.customer.CustomerService;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.event.EventLog;
import dev.rapport.platform.db.AfterWork;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.filter.FactCatalog;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import dev.rapport.segment.SegmentMembership.Change;
import dev.rapport.segment.api.CreateSegmentRequest;
import dev.rapport.segment.api.SegmentChangeView;
import dev.rapport.segment.api.SegmentMemberView;
import dev.rapport.segment.api.SegmentMembersRequest;
import dev.rapport.segment.api.SegmentMembersResult;
import dev.rapport.segment.api.SegmentPreview;
import dev.rapport.segment.api.SegmentReason;
import dev.rapport.segment.api.SegmentView;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Segments: definitions with their rules checked against the facts, previews, members and history, and the lists of
 * static segments. A partner's segments hold only its customers and are seen only by it. Creating a dynamic segment
 * or changing its rule makes a new rule version whose members {@link SegmentComputation} computes in the
 * background; from then on {@link SegmentEngine} keeps them current.
 */
@ApplicationScoped
public class SegmentService {

    static final int DEFAULT_SAMPLE = 10;

    /** Segments newest first; members and memberships newest first; history newest first. */
    static final Sort NEWEST_FIRST =
            new Sort(new Sort.SortField("createdAt", "s.created_at", Sort.Kind.TIMESTAMP), true);

    static final Sort MEMBERS = new Sort(new Sort.SortField("since", "m.since", Sort.Kind.TIMESTAMP), true);
    static final Sort CHANGES = new Sort(new Sort.SortField("occurredAt", "h.occurred_at", Sort.Kind.TIMESTAMP), true);

    private final SegmentRepository segments;
    private final SegmentQueries queries;
    private final SegmentMembership membership;
    private final SegmentMapper mapper;
    private final SegmentComputation computation;
    private final CustomerService customers;
    private final FactCatalog facts;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final AfterWork afterWork;
    private final Clock clock;

    SegmentService(
            SegmentRepository segments,
            SegmentQueries queries,
            SegmentMembership membership,
            SegmentMapper mapper,
            SegmentComputation computation,
            CustomerService customers,
            FactCatalog facts,
            EventLog events,
            MergePatches patches,
            Caller caller,
            AfterWork afterWork,
            Clock clock) {
        this.segments = segments;
        this.queries = queries;
        this.membership = membership;
        this.mapper = mapper;
        this.computation = computation;
        this.customers = customers;
        this.facts = facts;
        this.events = events;
        this.patches = patches;
        this.caller = caller;
        this.afterWork = afterWork;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<SegmentView> create(CreateSegmentRequest request) {
        patches.validate(request);
        OffsetDateTime now = Clocks.now(clock);
        Segment segment = new Segment();
        segment.id = Ids.newId();
        segment.kind = request.kind();
        segment.createdAt = now;
        segment.updatedAt = now;
        segment.partnerId = caller.partnerScope();
        apply(segment, request);
        segment.status = segment.isDynamic() ? Segment.COMPUTING : Segment.READY;
        return segments.persist(segment).chain(saved -> {
            SegmentView view = mapper.toView(saved);
            wakeComputation(saved);
            return events.append(SegmentEvent.CREATED, SegmentEvent.SUBJECT, saved.id, saved.partnerId, view)
                    .replaceWith(view);
        });
    }

    /** One page of the segments the caller may see, newest first. */
    public Uni<Page<SegmentView>> list(PageRequest page) {
        return queries.list(caller.partnerScope(), page);
    }

    public Uni<SegmentView> get(UUID id) {
        return queries.find(id, caller.partnerScope()).map(view -> found(view, id));
    }

    /**
     * A merge patch over name, description, rule and announceInitialMembers. A new rule makes a new rule version,
     * computed in the background; the kind cannot change.
     */
    @WithTransaction
    public Uni<SegmentView> update(UUID id, JsonNode patch, String ifMatch) {
        return visible(id)
                .chain(segment -> {
                    ETags.checkIfMatch(ifMatch, segment.version);
                    MergePatches.Patched<CreateSegmentRequest> patched =
                            patches.apply(mapper.toRequest(segment), patch);
                    if (!patched.changed()) {
                        return Uni.createFrom().item(mapper.toView(segment));
                    }
                    if (!Objects.equals(patched.value().kind(), segment.kind)) {
                        throw DomainException.invalid("kind", "cannot change; define a new segment instead");
                    }
                    String rule = segment.rule;
                    apply(segment, patched.value());
                    if (!Objects.equals(rule, segment.rule)) {
                        segment.ruleVersion++;
                        segment.status = Segment.COMPUTING;
                    }
                    segment.updatedAt = Clocks.now(clock);
                    return segments.flush().chain(() -> {
                        SegmentView view = mapper.toView(segment);
                        wakeComputation(segment);
                        return events.append(
                                        SegmentEvent.UPDATED,
                                        SegmentEvent.SUBJECT,
                                        id,
                                        segment.partnerId,
                                        new SegmentEvent.Updated(id, patched.changedFields(), view))
                                .replaceWith(view);
                    });
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    /** Deletes a segment with its members and history. */
    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch) {
        return visible(id)
                .chain(segment -> {
                    ETags.checkIfMatch(ifMatch, segment.version);
                    return segments.deleteMembersAndHistory(segment.id)
                            .chain(() -> segments.delete(segment))
                            .chain(() -> events.append(
                                    SegmentEvent.DELETED,
                                    SegmentEvent.SUBJECT,
                                    id,
                                    segment.partnerId,
                                    new SegmentEvent.Deleted(id, segment.name)));
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch))
                .replaceWithVoid();
    }

    /** How many of the caller's customers a rule matches now, and the newest of them; nothing is stored. */
    public Uni<SegmentPreview> preview(String rule, Integer sampleSize) {
        Node node = SegmentRules.check(facts, rule, "rule", clock.instant());
        int sample = sampleSize == null ? DEFAULT_SAMPLE : sampleSize;
        if (sample < 0 || sample > 100) {
            throw DomainException.invalid("sampleSize", "must be between 0 and 100");
        }
        return queries.matches(node, caller.partnerScope(), sample, clock.instant())
                .chain(matches -> customers
                        .find(matches.sample())
                        .map(found -> new SegmentPreview(
                                matches.count(),
                                matches.sample().stream()
                                        .map(found::get)
                                        .filter(Objects::nonNull)
                                        .toList())));
    }

    /** One page of a segment's members, newest first, optionally filtered by the same facts rules use. */
    public Uni<Page<SegmentMemberView>> members(UUID id, String filter, PageRequest page) {
        Node node = filter == null || filter.isBlank()
                ? null
                : SegmentRules.check(facts, filter, "filter", clock.instant());
        return get(id).chain(segment -> queries.members(segment.id(), node, page, clock.instant()));
    }

    /** The first page of members of each of many segments the caller has read (a GraphQL batch). */
    public Uni<Map<UUID, Page<SegmentMemberView>>> members(List<UUID> ids, String filter, PageRequest page) {
        Node node = filter == null || filter.isBlank()
                ? null
                : SegmentRules.check(facts, filter, "filter", clock.instant());
        return queries.members(ids, node, page, clock.instant());
    }

    /**
     * Up to {@code limit} ids of a segment's members, in id order, after {@code after} (null: from the first), for
     * background work that visits every member (a schedule trigger); no caller's scope applies.
     */
    public Uni<List<UUID>> memberIds(UUID segmentId, UUID after, int limit) {
        return queries.memberIds(segmentId, after, limit);
    }

    /** One page of who entered or left a segment, newest first. */
    public Uni<Page<SegmentChangeView>> changes(UUID id, PageRequest page) {
        return get(id).chain(segment -> queries.changes(segment.id(), page));
    }

    /** One page of the segments a customer belongs to, newest membership first. */
    public Uni<Page<SegmentMemberView>> segmentsOf(UUID customerId, PageRequest page) {
        return customers.find(List.of(customerId)).chain(found -> {
            if (!found.containsKey(customerId)) {
                throw DomainException.notFound("customer", customerId);
            }
            return queries.segmentsOf(customerId, caller.partnerScope(), page);
        });
    }

    /** The memberships of many customers (a GraphQL batch), newest first. */
    public Uni<Map<UUID, List<SegmentMemberView>>> segmentsOf(List<UUID> customerIds) {
        return queries.segmentsOf(customerIds, caller.partnerScope())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(SegmentMemberView::customerId)));
    }

    /** The customers of segment members (a GraphQL batch). */
    public Uni<Map<UUID, CustomerView>> customers(List<UUID> customerIds) {
        return customers.find(customerIds);
    }

    /** Adds customers to a static segment; those already in it stay as they are. */
    @WithTransaction
    public Uni<SegmentMembersResult> addMembers(UUID id, List<UUID> customerIds) {
        return changeMembers(id, customerIds, true);
    }

    /** Removes customers from a static segment; those not in it are ignored. */
    @WithTransaction
    public Uni<SegmentMembersResult> removeMembers(UUID id, List<UUID> customerIds) {
        return changeMembers(id, customerIds, false);
    }

    private Uni<SegmentMembersResult> changeMembers(UUID id, List<UUID> customerIds, boolean add) {
        patches.validate(new SegmentMembersRequest(customerIds)); // GraphQL's arguments too: 1 to 1,000 ids
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(customerIds));
        // the row lock first, so that the count read with the segment is the one this change starts from
        return segments.lock(id).chain(() -> visible(id)).chain(segment -> {
            if (segment.isDynamic()) {
                throw DomainException.conflict(
                        "The members of a dynamic segment follow its rule; only static segments' lists change");
            }
            return (add ? requireCustomers(ids) : Uni.createFrom().voidItem())
                    .chain(() -> segments.membersAmong(segment.id, ids))
                    .chain(current -> {
                        List<Change> changes = new ArrayList<>();
                        SegmentReason reason = new SegmentReason("api", null, null, List.of());
                        for (UUID customer : ids) {
                            if (current.contains(customer) != add) {
                                changes.add(new Change(
                                        segment.id,
                                        segment.name,
                                        segment.ruleVersion,
                                        segment.partnerId,
                                        customer,
                                        add ? Change.ENTERED : Change.EXITED,
                                        reason,
                                        null));
                            }
                        }
                        long count = segment.memberCount + (add ? changes.size() : -changes.size());
                        return membership
                                .apply(changes, Clocks.now(clock))
                                .replaceWith(new SegmentMembersResult(changes.size(), count));
                    });
        });
    }

    /** Every id names a live customer the caller may see, or nothing changes. */
    private Uni<Void> requireCustomers(List<UUID> ids) {
        return customers.find(ids).map(found -> {
            List<FieldError> unknown = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!found.containsKey(ids.get(i)) && unknown.size() < 20) {
                    unknown.add(new FieldError("customerIds[" + i + "]", "no such customer: " + ids.get(i)));
                }
            }
            if (!unknown.isEmpty()) {
                throw new DomainException(
                        ProblemType.VALIDATION_FAILED, "Some customers do not exist (or are deleted)", unknown);
            }
            return null;
        });
    }

    private void apply(Segment segment, CreateSegmentRequest request) {
        segment.name = request.name().strip();
        segment.description = request.description();
        segment.announceInitial = Boolean.TRUE.equals(request.announceInitialMembers());
        boolean dynamic = Segment.DYNAMIC.equals(request.kind());
        if (dynamic && (request.rule() == null || request.rule().isBlank())) {
            throw DomainException.invalid("rule", "a dynamic segment needs a rule");
        }
        if (!dynamic && request.rule() != null) {
            throw DomainException.invalid("rule", "a static segment has no rule; its members are added by API");
        }
        if (dynamic) {
            Node node = SegmentRules.check(facts, request.rule(), "rule", clock.instant());
            segment.rule = request.rule().strip();
            segment.changesWithTime = facts.changesWithTime(node, clock.instant());
        }
    }

    /** Once the transaction has committed, the computation looks for the new rule version. */
    private void wakeComputation(Segment segment) {
        if (Segment.COMPUTING.equals(segment.status)) {
            afterWork.add(computation::wake);
        }
    }

    private Uni<Segment> visible(UUID id) {
        return segments.findVisible(id, caller.partnerScope()).map(segment -> found(segment, id));
    }

    private static <T> T found(T segment, UUID id) {
        if (segment == null) {
            throw DomainException.notFound("segment", id);
        }
        return segment;
    }
}
