package dev.rapport.customer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.customer.api.ConsentChangeView;
import dev.rapport.customer.api.ContactMatch;
import dev.rapport.customer.api.CreateCustomerRequest;
import dev.rapport.customer.api.CustomerReach;
import dev.rapport.customer.api.CustomerStats;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.EmailAddress;
import dev.rapport.customer.api.InteractionView;
import dev.rapport.customer.api.PurchaseView;
import dev.rapport.event.EventLog;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.paging.ListParameters;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Customer profiles: validation, normalization, email ownership, optimistic concurrency and events. Deleted
 * customers are visible to admins only, in REST and GraphQL alike.
 */
@ApplicationScoped
public class CustomerService {

    /** The order of a customer's consent history: newest first. */
    static final Sort CONSENT_HISTORY_ORDER = ConsentHistory.NEWEST_FIRST;

    private final CustomerRepository customers;
    private final CustomerQueries queries;
    private final ActivityQueries activity;
    private final CustomerParts parts;
    private final CustomerMapper mapper;
    private final ContactStandards standards;
    private final ConsentHistory consentHistory;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    CustomerService(
            CustomerRepository customers,
            CustomerQueries queries,
            ActivityQueries activity,
            CustomerParts parts,
            CustomerMapper mapper,
            ContactStandards standards,
            ConsentHistory consentHistory,
            EventLog events,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.customers = customers;
        this.queries = queries;
        this.activity = activity;
        this.parts = parts;
        this.mapper = mapper;
        this.standards = standards;
        this.consentHistory = consentHistory;
        this.events = events;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
    }

    /** An email address in the form customers' are stored and matched in: trimmed and lower-cased. */
    public static String normalizedEmail(String address) {
        return CustomerNormalizer.email(address);
    }

    /**
     * A phone number in the form customers' are stored and matched in (E.164, read in the caller's region when it
     * has no country code), or null when it is not a phone number.
     */
    public String standardPhone(String number) {
        ContactStandards.StandardPhone phone = standards.phone(number, caller.partnerScope());
        return phone == null ? null : phone.e164();
    }

    /** What a phone number {@link #standardPhone} refuses breaks, for the caller's problem. */
    public String phoneRule() {
        return standards.phoneRule(caller.partnerScope());
    }

    @WithTransaction
    public Uni<CustomerView> create(CreateCustomerRequest request) {
        return create(request, false);
    }

    /**
     * Creates a customer; with {@code rejectDuplicates}, a conflict naming the customers it may be the same person
     * as (by the rules of {@link CustomerMatching}) instead.
     */
    @WithTransaction
    public Uni<CustomerView> create(CreateCustomerRequest request, boolean rejectDuplicates) {
        patches.validate(request);
        OffsetDateTime now = Clocks.now(clock);
        Customer customer = new Customer();
        customer.id = Ids.newId();
        customer.createdAt = now;
        customer.updatedAt = now;
        customer.partnerId = caller.partnerScope();
        List<ConsentHistory.Change> consents = apply(customer, request, now);
        return claimExternalId(customer)
                .chain(() -> customers.persist(customer))
                .chain(() -> claimEmails(customer))
                .chain(() -> matchKeys(customer))
                .chain(() -> rejectDuplicates
                        ? rejectDuplicates(customer.id)
                        : Uni.createFrom().voidItem())
                .chain(() -> {
                    CustomerView view = mapper.toView(customer);
                    return events.append(
                                    CustomerEvent.CREATED, CustomerEvent.SUBJECT, customer.id, customer.partnerId, view)
                            .chain(() -> consentHistory.record(customer, consents, now))
                            .replaceWith(view);
                });
    }

    /**
     * One customer, with the parts of the 360 view asked for; a deleted one only for admins. The id of a customer
     * merged into another answers with the survivor.
     */
    public Uni<CustomerView> get(UUID id, CustomerExpand expand) {
        return queries.find(id, scope(null, null, mayReadDeleted()))
                .chain(view -> view != null && view.deletedAt() == null
                        ? Uni.createFrom().item(view)
                        : survivor(id, view))
                .map(view -> found(view, id))
                .chain(view -> expand(List.of(view), expand))
                .map(views -> views.get(0));
    }

    /**
     * A page of customers matching the list's filter and search (a partner's own only), in its order, with the
     * parts of the 360 view asked for.
     *
     * @param includeDeleted list deleted customers too: admins only
     */
    public Uni<Page<CustomerView>> list(ListParameters list, boolean includeDeleted, CustomerExpand expand) {
        if (includeDeleted && !mayReadDeleted()) {
            throw new DomainException(ProblemType.FORBIDDEN, "Only admins may list deleted customers");
        }
        PageRequest page = list.page(CustomerQueries.SORTS, CustomerQueries.DEFAULT_SORT);
        return queries.list(scope(list.filter(), list.query(), includeDeleted), page)
                .chain(result -> expand(result.data(), expand)
                        .map(views -> new Page<>(views, result.nextCursor(), result.hasMore())));
    }

    /**
     * The live customers among {@code ids} that the caller may see, by id (for other domains: a segment's members,
     * a preview's sample); ids of others are absent.
     */
    public Uni<Map<UUID, CustomerView>> find(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return queries.findAll(ids, caller.partnerScope())
                .map(views -> views.stream().collect(Collectors.toMap(CustomerView::id, view -> view)));
    }

    /**
     * The requester of a record another domain creates (a ticket), in the current transaction: the live customer
     * {@code id} the caller may see, or else the customer with {@code email} in the caller's scope, created with
     * that address when there is none.
     */
    @WithTransaction
    public Uni<UUID> requester(UUID id, String email) {
        if (id != null) {
            return visible(id).map(customer -> customer.id);
        }
        String address = CustomerNormalizer.email(email);
        return customers
                .findByEmail(caller.partnerScope(), address)
                .chain(found -> found != null
                        ? Uni.createFrom().item(found)
                        : create(new CreateCustomerRequest(
                                        null,
                                        null,
                                        null,
                                        List.of(new EmailAddress(address, true, null)),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null))
                                .map(CustomerView::id));
    }

    /**
     * The live customer in the caller's scope whose normalized email is {@code email}, else whose phone is
     * {@code phone} (both normalized as customers' are; either may be null), in the current transaction; null when
     * none matches.
     */
    @WithTransaction
    public Uni<ContactMatch> findByContact(String email, String phone) {
        String scope = caller.partnerScope();
        String address = CustomerNormalizer.email(email);
        String number = phone == null ? null : standardPhone(phone);
        Uni<ContactMatch> byEmail = address == null
                ? Uni.createFrom().nullItem()
                : customers.findByEmail(scope, address).map(id -> id == null ? null : new ContactMatch(id, "email"));
        return byEmail.chain(match -> match != null || number == null
                ? Uni.createFrom().item(match)
                : customers.findByPhone(scope, number).map(id -> id == null ? null : new ContactMatch(id, "phone")));
    }

    /** The most recent purchases of each customer (a GraphQL batch), newest first. */
    public Uni<Map<UUID, List<PurchaseView>>> recentPurchases(List<UUID> customerIds, int perCustomer) {
        return activity.recentPurchases(customerIds, perCustomer);
    }

    /** The most recent interactions of each customer (a GraphQL batch), newest first. */
    public Uni<Map<UUID, List<InteractionView>>> recentInteractions(List<UUID> customerIds, int perCustomer) {
        return activity.recentInteractions(customerIds, perCustomer);
    }

    /** The purchase figures of each customer (a GraphQL batch). */
    public Uni<Map<UUID, CustomerStats>> stats(List<UUID> customerIds) {
        return activity.stats(customerIds);
    }

    /** What a customer spent in {@code currency} since {@code since}, refunds deducted (loyalty tiers count it). */
    public Uni<java.math.BigDecimal> spendSince(UUID customerId, String currency, java.time.OffsetDateTime since) {
        return activity.spendSince(customerId, currency, since);
    }

    /**
     * Applies a JSON merge patch. The current profile is rendered as a {@link CreateCustomerRequest}, the patch
     * merged in, and the result validated and normalized like a create.
     *
     * @param ifMatch the caller's If-Match header, or null
     */
    @WithTransaction
    public Uni<CustomerView> update(UUID id, JsonNode patch, String ifMatch) {
        return visible(id)
                .chain(customer -> {
                    ETags.checkIfMatch(ifMatch, customer.version);
                    return patch(customer, patch);
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    /**
     * Applies the merge patch {@code change} computes from the customer as it is now (null: no change), in the
     * current transaction: a change that depends on the current value, such as adding a tag (an automation's
     * action). A concurrent change of the customer fails the transaction rather than being overwritten.
     */
    @WithTransaction
    public Uni<CustomerView> change(UUID id, Function<CustomerView, JsonNode> change) {
        return visible(id).chain(customer -> {
            JsonNode patch = change.apply(mapper.toView(customer));
            return patch == null ? Uni.createFrom().item(mapper.toView(customer)) : patch(customer, patch);
        });
    }

    /** Applies a merge patch to a customer of the current transaction (an update, a merge's combined profile). */
    Uni<CustomerView> patch(Customer customer, JsonNode patch) {
        MergePatches.Patched<CreateCustomerRequest> patched = patches.apply(mapper.toRequest(customer), patch);
        if (!patched.changed()) {
            return Uni.createFrom().item(mapper.toView(customer));
        }
        OffsetDateTime now = Clocks.now(clock);
        List<ConsentHistory.Change> consents = apply(customer, patched.value(), now);
        customer.updatedAt = now;
        UUID id = customer.id;
        return claimExternalId(customer)
                .chain(() -> customers.releaseEmailsExcept(id, emails(customer)))
                .chain(() -> claimEmails(customer))
                .chain(() -> matchKeys(customer))
                .chain(() -> {
                    CustomerView view = mapper.toView(customer);
                    return events.append(
                                    CustomerEvent.UPDATED,
                                    CustomerEvent.SUBJECT,
                                    id,
                                    customer.partnerId,
                                    new CustomerEvent.Updated(id, patched.changedFields(), view))
                            .chain(() -> consentHistory.record(customer, consents, now))
                            .replaceWith(view);
                });
    }

    /** Soft-deletes a customer: hidden from everyone but admins, and its email addresses free for reuse. */
    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch) {
        return visible(id)
                .chain(customer -> {
                    ETags.checkIfMatch(ifMatch, customer.version);
                    customer.deletedAt = Clocks.now(clock);
                    customer.updatedAt = customer.deletedAt;
                    return customers
                            .releaseEmails(id)
                            .chain(() -> customers.deleteMatchKeys(id))
                            .chain(() -> customers.flush())
                            .chain(() -> events.append(
                                    CustomerEvent.DELETED,
                                    CustomerEvent.SUBJECT,
                                    id,
                                    customer.partnerId,
                                    new CustomerEvent.Deleted(id, null)))
                            .replaceWithVoid();
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    /**
     * How to reach each live customer among {@code ids} that the caller may see, read in the current write
     * transaction (a survey's distribution decides on them); ids of others are absent.
     */
    @WithTransaction
    public Uni<Map<UUID, CustomerReach>> reach(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String scope = caller.partnerScope();
        return customers
                .list("id in ?1 and deletedAt is null", ids)
                .map(found -> found.stream()
                        .filter(customer -> Caller.mayAccess(scope, customer.partnerId))
                        .collect(Collectors.toMap(customer -> customer.id, CustomerService::reachOf)));
    }

    private static CustomerReach reachOf(Customer customer) {
        CustomerRecords.Consents consents =
                customer.consents == null ? CustomerRecords.Consents.NONE : customer.consents;
        return new CustomerReach(
                customer.id,
                customer.partnerId,
                customer.primaryEmail,
                customer.primaryPhone,
                customer.locale,
                consents.email() == null ? null : consents.email().granted(),
                consents.sms() == null ? null : consents.sms().granted(),
                consents.push() == null ? null : consents.push().granted());
    }

    /** The customer {@code id} was merged into, else {@code view} (the deleted customer, for admins, or null). */
    private Uni<CustomerView> survivor(UUID id, CustomerView view) {
        return queries.survivorOf(id, caller.partnerScope())
                .chain(survivor -> survivor == null
                        ? Uni.createFrom().item(view)
                        : queries.find(survivor, scope(null, null, false)));
    }

    /** A live customer the caller may change, inside a write transaction, or not-found. */
    Uni<Customer> visible(UUID id) {
        return customers.findVisible(id, caller.partnerScope(), false).map(customer -> found(customer, id));
    }

    /** A live customer the caller may see, or not-found (the check before reading a customer's activity). */
    Uni<CustomerView> requireLive(UUID id) {
        return queries.find(id, scope(null, null, false)).map(view -> found(view, id));
    }

    private boolean mayReadDeleted() {
        return caller.has(Roles.ADMIN);
    }

    /** Criteria limited to what the caller may see: a partner its own customers only. */
    private CustomerCriteria scope(String filter, String query, boolean includeDeleted) {
        return new CustomerCriteria(filter, query, includeDeleted, caller.partnerScope());
    }

    private static <T> T found(T customer, UUID id) {
        if (customer == null) {
            throw DomainException.notFound("customer", id);
        }
        return customer;
    }

    /** A page of the consent changes of a live customer the caller may see, newest first. */
    public Uni<Page<ConsentChangeView>> consentHistory(UUID id, String channel, PageRequest page) {
        if (channel != null && !List.of("email", "sms", "push").contains(channel)) {
            throw DomainException.invalid("channel", "must be email, sms or push");
        }
        return requireLive(id).chain(customer -> consentHistory.history(id, channel, page));
    }

    /** The latest consent changes of each customer (a GraphQL batch), newest first. */
    public Uni<Map<UUID, List<ConsentChangeView>>> consentHistory(List<UUID> customerIds, int perCustomer) {
        return consentHistory.latest(customerIds, perCustomer);
    }

    /** What {@code ?expand=} asks for: the customer domain's parts and those other domains add. */
    CustomerExpand expansion(String expand) {
        return CustomerExpand.parse(expand, parts.names());
    }

    /** Adds the requested parts of the 360 view to many customers with one query per part. */
    private Uni<List<CustomerView>> expand(List<CustomerView> views, CustomerExpand requested) {
        if (requested.isEmpty() || views.isEmpty()) {
            return Uni.createFrom().item(views);
        }
        Set<CustomerExpansion> expand = requested.own();
        List<UUID> ids = views.stream().map(CustomerView::id).toList();
        boolean purchases = expand.contains(CustomerExpansion.PURCHASES);
        boolean interactions = expand.contains(CustomerExpansion.INTERACTIONS);
        boolean stats = expand.contains(CustomerExpansion.STATS);
        return (purchases
                        ? activity.recentPurchases(ids, CustomerExpansion.RECENT)
                        : none(Map.<UUID, List<PurchaseView>>of()))
                .chain(p -> (interactions
                                ? activity.recentInteractions(ids, CustomerExpansion.RECENT)
                                : none(Map.<UUID, List<InteractionView>>of()))
                        .chain(i -> (stats ? activity.stats(ids) : none(Map.<UUID, CustomerStats>of()))
                                .map(s -> views.stream()
                                        .map(v -> v.withExpansions(
                                                purchases ? p.getOrDefault(v.id(), List.of()) : null,
                                                interactions ? i.getOrDefault(v.id(), List.of()) : null,
                                                stats ? s.getOrDefault(v.id(), CustomerStats.EMPTY) : null))
                                        .toList())))
                .chain(expanded -> parts.add(expanded, requested.parts()));
    }

    private static <T> Uni<T> none(T empty) {
        return Uni.createFrom().item(empty);
    }

    private static Set<String> emails(Customer customer) {
        return customer.contacts.emails().stream()
                .map(CustomerRecords.Email::address)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Uni<Void> matchKeys(Customer customer) {
        return customers.replaceMatchKeys(customer.id, customer.partnerId, CustomerMatching.keys(customer, standards));
    }

    private Uni<Void> rejectDuplicates(UUID id) {
        return customers.candidates(id).map(rows -> {
            List<FieldError> matches = new java.util.ArrayList<>();
            for (Object[] row : rows) {
                List<String> reasons = CustomerMatching.reasons(
                        List.of(((String) row[2]).split(",")), ((Number) row[3]).doubleValue());
                if (!reasons.isEmpty()) {
                    matches.add(new FieldError(
                            "onDuplicate", "matches customer " + row[1] + " by " + String.join(", ", reasons)));
                }
            }
            if (!matches.isEmpty()) {
                throw new DomainException(
                        ProblemType.CONFLICT,
                        "The customer may be one that exists: "
                                + matches.stream().map(FieldError::message).collect(Collectors.joining("; ")),
                        matches);
            }
            return null;
        });
    }

    /** Refuses an external id another live customer of the partner holds (the unique index would, less clearly). */
    private Uni<Void> claimExternalId(Customer customer) {
        if (customer.externalId == null) {
            return Uni.createFrom().voidItem();
        }
        return customers
                .findByExternalId(customer.partnerId, customer.externalId, customer.id)
                .map(holder -> {
                    if (holder != null) {
                        throw new DomainException(
                                ProblemType.CONFLICT,
                                "External id " + customer.externalId + " already belongs to customer " + holder,
                                List.of(new FieldError("externalId", "already belongs to customer " + holder)));
                    }
                    return null;
                });
    }

    private Uni<Void> claimEmails(Customer customer) {
        return customers
                .claimEmails(customer.id, customer.partnerId, emails(customer))
                .map(taken -> {
                    if (!taken.isEmpty()) {
                        throw new DomainException(
                                ProblemType.CONFLICT,
                                "Email address " + String.join(", ", taken) + " already belongs to another customer",
                                taken.stream()
                                        .map(e -> new FieldError("emails", e + " already belongs to another customer"))
                                        .toList());
                    }
                    return null;
                });
    }

    /**
     * A customer made from a request that was validated already, in memory (for an import, which writes many at
     * once): normalized and with its derived fields, as {@link #create} would store it.
     *
     * @return the consents it records, for their history
     */
    List<ConsentHistory.Change> prepare(Customer customer, CreateCustomerRequest request, OffsetDateTime now) {
        return apply(customer, request, now);
    }

    /** The email addresses of a customer, normalized (what {@code customer_email} holds for it). */
    static Set<String> emailsOf(Customer customer) {
        return emails(customer);
    }

    /**
     * Validates and normalizes {@code given} (the fields as the caller gave them) and applies it.
     *
     * @return the consents it changes, for their history
     */
    private List<ConsentHistory.Change> apply(Customer customer, CreateCustomerRequest given, OffsetDateTime now) {
        CreateCustomerRequest request = CustomerNormalizer.normalize(given, standards, customer.partnerId);
        CustomerRecords.Consents before = customer.consents;
        List<CustomerRecords.Phone> phonesBefore = customer.contacts.phones();
        mapper.apply(request, customer);
        customer.contacts = withPhoneDetails(customer.contacts, given.phones(), phonesBefore, customer.partnerId);
        customer.consents = stamp(before, customer.consents, now);
        customer.primaryEmail = customer.contacts.emails().stream()
                .filter(e -> Boolean.TRUE.equals(e.primary()))
                .map(CustomerRecords.Email::address)
                .findFirst()
                .orElse(null);
        customer.primaryPhone = customer.contacts.phones().stream()
                .filter(p -> Boolean.TRUE.equals(p.primary()))
                .map(CustomerRecords.Phone::number)
                .findFirst()
                .orElse(null);
        customer.searchText = CustomerNormalizer.searchText(customer);
        customer.nameKey = CustomerMatching.nameKey(customer.givenName, customer.familyName);
        return ConsentHistory.changes(before, customer.consents);
    }

    /**
     * The stored phones with their type and validity, and the number as it was given where that differs; a number
     * given again in E.164 (a merge patch sends the stored form back) keeps the original it had.
     */
    private CustomerRecords.Contacts withPhoneDetails(
            CustomerRecords.Contacts contacts,
            List<dev.rapport.customer.api.PhoneNumber> given,
            List<CustomerRecords.Phone> before,
            String partnerScope) {
        List<CustomerRecords.Phone> phones =
                new java.util.ArrayList<>(contacts.phones().size());
        for (int i = 0; i < contacts.phones().size(); i++) {
            CustomerRecords.Phone phone = contacts.phones().get(i);
            ContactStandards.StandardPhone standard = standards.phone(phone.number(), partnerScope);
            String raw = given.get(i).number().strip();
            String original = raw.equals(phone.number())
                    ? before.stream()
                            .filter(old -> old.number().equals(phone.number()))
                            .map(CustomerRecords.Phone::original)
                            .filter(Objects::nonNull)
                            .findFirst()
                            .orElse(null)
                    : raw;
            phones.add(new CustomerRecords.Phone(
                    phone.number(), phone.primary(), phone.label(), standard.type(), standard.valid(), original));
        }
        return new CustomerRecords.Contacts(contacts.emails(), phones, contacts.addresses());
    }

    /** A consent that changed without saying when gets the time of this request. */
    private static CustomerRecords.Consents stamp(
            CustomerRecords.Consents before, CustomerRecords.Consents after, OffsetDateTime now) {
        if (after == null) {
            return CustomerRecords.Consents.NONE;
        }
        CustomerRecords.Consents old = before == null ? CustomerRecords.Consents.NONE : before;
        return new CustomerRecords.Consents(
                stamp(old.email(), after.email(), now),
                stamp(old.sms(), after.sms(), now),
                stamp(old.push(), after.push(), now));
    }

    private static CustomerRecords.Consent stamp(
            CustomerRecords.Consent before, CustomerRecords.Consent after, OffsetDateTime now) {
        if (after == null) {
            return null;
        }
        boolean changed = before == null
                || !after.granted().equals(before.granted())
                || !Objects.equals(after.source(), before.source())
                || !Objects.equals(after.version(), before.version());
        boolean undated = after.recordedAt() == null
                || (before != null && after.recordedAt().equals(before.recordedAt()));
        return changed && undated
                ? new CustomerRecords.Consent(after.granted(), after.source(), now, after.version())
                : after;
    }
}
