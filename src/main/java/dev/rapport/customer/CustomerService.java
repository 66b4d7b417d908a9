package dev.rapport.customer;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.customer.api.Consent;
import dev.rapport.customer.api.Consents;
import dev.rapport.customer.api.CreateCustomerRequest;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.EmailAddress;
import dev.rapport.event.EventLog;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.json.MergePatch;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Customer profiles: validation, normalization, email ownership, optimistic concurrency and events. */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final PurchaseRepository purchases;
    private final InteractionRepository interactions;
    private final CustomerMapper mapper;
    private final EventLog events;
    private final ObjectMapper json;
    private final Validator validator;
    private final Caller caller;

    CustomerService(CustomerRepository customers, PurchaseRepository purchases, InteractionRepository interactions,
            CustomerMapper mapper, EventLog events, ObjectMapper json, Validator validator, Caller caller) {
        this.customers = customers;
        this.purchases = purchases;
        this.interactions = interactions;
        this.mapper = mapper;
        this.events = events;
        this.json = json;
        this.validator = validator;
        this.caller = caller;
    }

    @WithTransaction
    public Uni<CustomerView> create(CreateCustomerRequest request) {
        validate(request);
        OffsetDateTime now = now();
        Customer customer = new Customer();
        customer.id = Ids.newId();
        customer.createdAt = now;
        customer.updatedAt = now;
        customer.partnerId = caller.partnerId().orElse(null);
        apply(customer, CustomerNormalizer.normalize(request), now);
        return customers.persist(customer)
                .chain(() -> claimEmails(customer))
                .chain(() -> {
                    CustomerView view = mapper.toView(customer);
                    return events.append(CustomerEvent.CREATED, CustomerEvent.SUBJECT, customer.id, customer.partnerId, view)
                            .replaceWith(view);
                });
    }

    /**
     * One customer, with the parts of the 360 view asked for.
     *
     * @param includeDeleted whether a soft-deleted customer is returned (admins) or is not found
     */
    public Uni<CustomerView> get(UUID id, Set<CustomerExpansion> expand, boolean includeDeleted) {
        return customers.readVisible(id, caller.partnerId().orElse(null), includeDeleted)
                .map(customer -> mapper.toView(found(customer, id)))
                .chain(view -> expand(List.of(view), expand)).map(views -> views.get(0));
    }

    public Uni<Page<CustomerView>> list(CustomerCriteria criteria, PageRequest page, Set<CustomerExpansion> expand) {
        Sort sort = page.sort();
        CustomerCriteria scoped = caller.partnerId()
                .map(partner -> new CustomerCriteria(criteria.filter(), criteria.query(), criteria.includeDeleted(), partner))
                .orElse(criteria);
        return customers.list(scoped, page)
                .map(rows -> Page.of(rows, page.limit(), last -> cursor(sort, last)))
                .chain(result -> expand(result.map(mapper::toView).data(), expand)
                        .map(views -> new Page<>(views, result.nextCursor(), result.hasMore())));
    }

    /**
     * Applies a JSON merge patch. The current profile is rendered as a {@link CreateCustomerRequest}, the patch
     * merged in, and the result validated and normalized like a create.
     *
     * @param ifMatch the caller's If-Match header, or null
     */
    @WithTransaction
    public Uni<CustomerView> update(UUID id, JsonNode patch, String ifMatch) {
        return visible(id, false).chain(customer -> {
            ETags.checkIfMatch(ifMatch, customer.version);
            JsonNode before = json.valueToTree(mapper.toRequest(customer));
            JsonNode after = MergePatch.apply(before, patch);
            List<String> changed = MergePatch.changedFields(before, after);
            if (changed.isEmpty()) {
                return Uni.createFrom().item(mapper.toView(customer));
            }
            CreateCustomerRequest merged = validate(read(after));
            OffsetDateTime now = now();
            apply(customer, CustomerNormalizer.normalize(merged), now);
            customer.updatedAt = now;
            return customers.releaseEmailsExcept(id, emails(customer))
                    .chain(() -> claimEmails(customer))
                    .chain(() -> customers.flush())
                    .chain(() -> {
                        CustomerView view = mapper.toView(customer);
                        return events.append(CustomerEvent.UPDATED, CustomerEvent.SUBJECT, id, customer.partnerId,
                                new CustomerEvent.Updated(id, changed, view)).replaceWith(view);
                    });
        }).onFailure().transform(e -> ETags.whenStale(e, ifMatch));
    }

    /** Soft-deletes a customer: hidden from everyone but admins, and its email addresses free for reuse. */
    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch) {
        return visible(id, false).chain(customer -> {
            ETags.checkIfMatch(ifMatch, customer.version);
            customer.deletedAt = now();
            customer.updatedAt = customer.deletedAt;
            return customers.releaseEmails(id)
                    .chain(() -> customers.flush())
                    .chain(() -> events.append(CustomerEvent.DELETED, CustomerEvent.SUBJECT, id, customer.partnerId,
                            new CustomerEvent.Deleted(id)))
                    .replaceWithVoid();
        }).onFailure().transform(e -> ETags.whenStale(e, ifMatch));
    }

    /** A customer the caller may see, or not-found: partners see only their own customers. */
    Uni<Customer> visible(UUID id, boolean includeDeleted) {
        return customers.findVisible(id, caller.partnerId().orElse(null), includeDeleted)
                .map(customer -> found(customer, id));
    }

    private static Customer found(Customer customer, UUID id) {
        if (customer == null) {
            throw DomainException.notFound("customer", id);
        }
        return customer;
    }

    /** Adds the requested parts of the 360 view to many customers with one query per part. */
    Uni<List<CustomerView>> expand(List<CustomerView> views, Set<CustomerExpansion> expand) {
        if (expand.isEmpty() || views.isEmpty()) {
            return Uni.createFrom().item(views);
        }
        List<UUID> ids = views.stream().map(CustomerView::id).toList();
        var recentPurchases = expand.contains(CustomerExpansion.PURCHASES)
                ? purchases.recent(ids, CustomerExpansion.RECENT)
                : Uni.createFrom().item(Map.<UUID, List<dev.rapport.customer.api.PurchaseView>>of());
        return recentPurchases.chain(p -> (expand.contains(CustomerExpansion.INTERACTIONS)
                ? interactions.recent(ids, CustomerExpansion.RECENT)
                : Uni.createFrom().item(Map.<UUID, List<dev.rapport.customer.api.InteractionView>>of()))
                .chain(i -> (expand.contains(CustomerExpansion.STATS)
                        ? purchases.stats(ids)
                        : Uni.createFrom().item(Map.<UUID, dev.rapport.customer.api.CustomerStats>of()))
                        .map(s -> views.stream().map(v -> v.withExpansions(
                                expand.contains(CustomerExpansion.PURCHASES) ? p.getOrDefault(v.id(), List.of()) : null,
                                expand.contains(CustomerExpansion.INTERACTIONS) ? i.getOrDefault(v.id(), List.of()) : null,
                                expand.contains(CustomerExpansion.STATS)
                                        ? s.getOrDefault(v.id(), dev.rapport.customer.api.CustomerStats.EMPTY)
                                        : null))
                                .toList())));
    }

    private static Set<String> emails(Customer customer) {
        return customer.contacts.emails().stream().map(EmailAddress::address)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Uni<Void> claimEmails(Customer customer) {
        return customers.claimEmails(customer.id, customer.partnerId, emails(customer)).map(taken -> {
            if (!taken.isEmpty()) {
                throw new DomainException(ProblemType.CONFLICT,
                        "Email address " + String.join(", ", taken) + " already belongs to another customer",
                        taken.stream().map(e -> new FieldError("emails", e + " already belongs to another customer"))
                                .toList());
            }
            return null;
        });
    }

    private void apply(Customer customer, CreateCustomerRequest request, OffsetDateTime now) {
        Consents before = customer.consents;
        mapper.apply(request, customer);
        customer.consents = stamp(before, request.consents(), now);
        customer.primaryEmail = customer.contacts.emails().stream().filter(e -> Boolean.TRUE.equals(e.primary()))
                .map(EmailAddress::address).findFirst().orElse(null);
        customer.primaryPhone = customer.contacts.phones().stream().filter(p -> Boolean.TRUE.equals(p.primary()))
                .map(dev.rapport.customer.api.PhoneNumber::number).findFirst().orElse(null);
        customer.searchText = CustomerNormalizer.searchText(customer);
    }

    /** A consent that changed without saying when gets the time of this request. */
    private static Consents stamp(Consents before, Consents after, OffsetDateTime now) {
        if (after == null) {
            return Consents.NONE;
        }
        Consents old = before == null ? Consents.NONE : before;
        return new Consents(stamp(old.email(), after.email(), now), stamp(old.sms(), after.sms(), now),
                stamp(old.push(), after.push(), now));
    }

    private static Consent stamp(Consent before, Consent after, OffsetDateTime now) {
        if (after == null) {
            return null;
        }
        boolean changed = before == null || !after.granted().equals(before.granted())
                || !java.util.Objects.equals(after.source(), before.source());
        boolean undated = after.recordedAt() == null || (before != null && after.recordedAt().equals(before.recordedAt()));
        return changed && undated ? new Consent(after.granted(), after.source(), now) : after;
    }

    private CreateCustomerRequest read(JsonNode document) {
        try {
            return json.treeToValue(document, CreateCustomerRequest.class);
        } catch (JsonProcessingException e) {
            throw DomainException.malformed(e);
        }
    }

    private CreateCustomerRequest validate(CreateCustomerRequest request) {
        Set<ConstraintViolation<CreateCustomerRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    private static String cursor(Sort sort, Customer last) {
        Function<Customer, String> key = switch (sort.field().name()) {
            case "createdAt" -> c -> c.createdAt.toString();
            case "updatedAt" -> c -> c.updatedAt.toString();
            case "familyName" -> c -> c.familyName == null ? "" : c.familyName.toLowerCase(java.util.Locale.ROOT);
            default -> c -> c.givenName == null ? "" : c.givenName.toLowerCase(java.util.Locale.ROOT);
        };
        return new Cursor(sort.toString(), key.apply(last), last.id).encode();
    }

    /** Database timestamps have microsecond precision; so do ours, so that cursors round-trip exactly. */
    static OffsetDateTime now() {
        return micros(OffsetDateTime.now());
    }

    static OffsetDateTime micros(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
