package dev.rapport.customer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.customer.api.CustomerMergeStep;
import dev.rapport.customer.api.MergeCustomerRequest;
import dev.rapport.customer.api.MergeResult;
import dev.rapport.customer.api.MovedRecords;
import dev.rapport.event.EventLog;
import dev.rapport.platform.db.NativeValues;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Merging a duplicate into a customer, in one transaction: the profiles combined ({@link CustomerMergeRules}), the
 * duplicate deleted with a pointer to the survivor (its id answers GET with the survivor), every domain's records
 * moved by its {@link CustomerMergeStep}, the merge recorded with what moved, and {@code customer.merged} appended.
 * Repeating a merge answers what it did.
 */
@ApplicationScoped
public class CustomerMergeService {

    private static final TypeReference<List<MovedRecords>> MOVED = new TypeReference<>() {};

    private final CustomerRepository customers;
    private final CustomerService service;
    private final CustomerMapper mapper;
    private final Instance<CustomerMergeStep> steps;
    private final EventLog events;
    private final MergePatches patches;
    private final ObjectMapper json;
    private final Caller caller;
    private final Clock clock;

    CustomerMergeService(
            CustomerRepository customers,
            CustomerService service,
            CustomerMapper mapper,
            Instance<CustomerMergeStep> steps,
            EventLog events,
            MergePatches patches,
            ObjectMapper json,
            Caller caller,
            Clock clock) {
        this.customers = customers;
        this.service = service;
        this.mapper = mapper;
        this.steps = steps;
        this.events = events;
        this.patches = patches;
        this.json = json;
        this.caller = caller;
        this.clock = clock;
    }

    /** The columns every merge step handles, by step (for the test that every table holding a customer's id is). */
    public List<String> handledColumns() {
        return steps.stream()
                .flatMap(step -> step.customerColumns().stream())
                .sorted()
                .toList();
    }

    /**
     * The customers merged into this one, and into those, and so on (their rows keep what they held when they were
     * merged, for the record): what a privacy request about the customer covers besides it.
     */
    public Uni<List<UUID>> mergedInto(UUID customerId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                with recursive merged (id) as (
                                    select id from customer where merged_into = :customer
                                    union
                                    select c.id from customer c join merged m on c.merged_into = m.id)
                                select cast(id as text) from merged order by 1
                                """, String.class)
                        .setParameter("customer", customerId)
                        .getResultList())
                .map(ids -> ids.stream().map(UUID::fromString).toList());
    }

    @WithTransaction
    public Uni<MergeResult> merge(UUID survivorId, MergeCustomerRequest request) {
        patches.validate(request);
        CustomerMergeRules.check(request, survivorId);
        UUID duplicateId = request.duplicateId();
        return earlier(duplicateId).chain(earlier -> {
            if (earlier != null) {
                return replay(earlier, survivorId, duplicateId);
            }
            return lockBoth(survivorId, duplicateId)
                    .chain(locked -> merge(survivorId, locked.get(0), locked.get(1), request));
        });
    }

    private Uni<MergeResult> merge(
            UUID survivorId, Customer survivor, Customer duplicate, MergeCustomerRequest request) {
        String scope = caller.partnerScope();
        if (survivor == null || !Caller.mayAccess(scope, survivor.partnerId)) {
            throw DomainException.notFound("customer", survivorId);
        }
        if (survivor.isDeleted()) {
            throw DomainException.conflict("Customer " + survivor.id + " is deleted: merge into a live customer");
        }
        if (duplicate == null || duplicate.isDeleted() || !Caller.mayAccess(scope, duplicate.partnerId)) {
            throw DomainException.invalid("duplicateId", "is not a live customer");
        }
        if (!java.util.Objects.equals(survivor.partnerId, duplicate.partnerId)) {
            throw DomainException.conflict("The customers belong to different partners and cannot be merged");
        }
        OffsetDateTime now = Clocks.now(clock);
        var profile = CustomerMergeRules.profile(mapper.toRequest(survivor), mapper.toRequest(duplicate), request);
        duplicate.deletedAt = now;
        duplicate.updatedAt = now;
        duplicate.mergedInto = survivor.id;
        List<MovedRecords> moved = new ArrayList<>();
        return customers
                .releaseEmails(duplicate.id)
                .chain(() -> customers.deleteMatchKeys(duplicate.id))
                .chain(() -> customers.flush())
                .chain(() -> service.patch(survivor, json.valueToTree(profile)))
                .call(() -> moveAll(duplicate.id, survivor.id, moved))
                .call(() -> record(survivor, duplicate, request, moved, now))
                .call(() -> events.append(
                        CustomerEvent.DELETED,
                        CustomerEvent.SUBJECT,
                        duplicate.id,
                        duplicate.partnerId,
                        new CustomerEvent.Deleted(duplicate.id, survivor.id)))
                .call(() -> events.append(
                        CustomerEvent.MERGED,
                        CustomerEvent.SUBJECT,
                        survivor.id,
                        survivor.partnerId,
                        new CustomerEvent.Merged(survivor.id, duplicate.id, moved)))
                .map(view -> new MergeResult(survivor.id, duplicate.id, List.copyOf(moved), now, view));
    }

    /** The customers locked in id order (so two merges of the same pair cannot deadlock): survivor, duplicate. */
    private Uni<List<Customer>> lockBoth(UUID survivorId, UUID duplicateId) {
        boolean survivorFirst = survivorId.compareTo(duplicateId) < 0;
        UUID first = survivorFirst ? survivorId : duplicateId;
        UUID second = survivorFirst ? duplicateId : survivorId;
        return customers
                .findById(first, LockModeType.PESSIMISTIC_WRITE)
                .chain(a -> customers
                        .findById(second, LockModeType.PESSIMISTIC_WRITE)
                        .map(b -> survivorFirst ? Arrays.asList(a, b) : Arrays.asList(b, a)));
    }

    private Uni<Void> moveAll(UUID mergedId, UUID survivorId, List<MovedRecords> moved) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (CustomerMergeStep step : steps) {
            all = all.chain(() -> step.move(mergedId, survivorId).invoke(moved::addAll))
                    .replaceWithVoid();
        }
        return all.invoke(() -> moved.removeIf(m -> m.count() == 0))
                .invoke(() -> moved.sort(Comparator.comparing(MovedRecords::table)));
    }

    private record Earlier(UUID survivorId, List<MovedRecords> moved, OffsetDateTime mergedAt) {}

    private Uni<Earlier> earlier(UUID duplicateId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select cast(survivor_id as text), cast(moved as text), merged_at from customer_merge"
                                        + " where merged_id = :id",
                                Object[].class)
                        .setParameter("id", duplicateId)
                        .getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] row = rows.get(0);
                    try {
                        return new Earlier(
                                UUID.fromString((String) row[0]),
                                json.readValue((String) row[1], MOVED),
                                NativeValues.time(row[2]));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("Unreadable merge record of " + duplicateId, e);
                    }
                });
    }

    /** A merge done before: its record again when it was into this survivor, else a conflict. */
    private Uni<MergeResult> replay(Earlier earlier, UUID survivorId, UUID duplicateId) {
        if (!earlier.survivorId().equals(survivorId)) {
            throw DomainException.conflict(
                    "Customer " + duplicateId + " was merged into customer " + earlier.survivorId() + " already");
        }
        return service.get(survivorId, CustomerExpand.NONE)
                .map(view -> new MergeResult(survivorId, duplicateId, earlier.moved(), earlier.mergedAt(), view));
    }

    private Uni<Integer> record(
            Customer survivor,
            Customer duplicate,
            MergeCustomerRequest request,
            List<MovedRecords> moved,
            OffsetDateTime now) {
        String choices;
        String movedJson;
        try {
            choices = json.writeValueAsString(request);
            movedJson = json.writeValueAsString(moved);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into customer_merge
                                    (merged_id, survivor_id, partner_id, choices, moved, merged_by, merged_at)
                                values (:merged, :survivor, :partner, cast(cast(:choices as text) as jsonb),
                                        cast(cast(:moved as text) as jsonb), :actor, :at)
                                """)
                        .setParameter("merged", duplicate.id)
                        .setParameter("survivor", survivor.id)
                        .setParameter("partner", survivor.partnerId)
                        .setParameter("choices", choices)
                        .setParameter("moved", movedJson)
                        .setParameter("actor", caller.name())
                        .setParameter("at", now)
                        .executeUpdate());
    }
}
