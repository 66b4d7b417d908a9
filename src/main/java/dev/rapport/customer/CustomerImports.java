package dev.rapport.customer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.rapport.customer.api.CreateCustomerRequest;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.ImportView;
import dev.rapport.event.EventLog;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.Background;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Failures;
import dev.rapport.platform.error.Problem;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Applies the rows of started imports in the background, in batches of {@code rapport.imports.batch-size}, each
 * batch one transaction. A batch reads its rows, finds with two queries the customers they name (by external id
 * and by email), writes the new customers, their email claims, match keys and {@code customer.created} events with
 * one statement each, patches the customers found (as {@code PATCH} would, with {@code customer.updated}), records
 * the rows it could not apply with why, and moves the counts on. A row that repeats one of the same batch applies
 * on top of it. Should a batch fail as a whole (a write that raced one of the API), its rows are applied one by one,
 * so that each is whole or reported. A job whose replica stopped is taken over after {@code rapport.imports.lease}.
 */
@ApplicationScoped
public class CustomerImports {

    private static final Logger LOG = Logger.getLogger(CustomerImports.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> COLUMNS = new TypeReference<>() {};
    private static final String CLAIM = """
            update customer_import j set status = 'running', started_at = coalesce(j.started_at, :now),
                heartbeat_at = :now
            where j.id = (
                select id from customer_import
                where status = 'queued' or (status = 'running' and heartbeat_at < :stale)
                order by created_at, id limit 1
                for update skip locked)
            returning cast(j.id as text)
            """;

    /**
     * A claimed import, as its batches need it, and the last row its batches took: the next batch reads after it
     * (the rows before are deleted, and an index scan from the start would walk their dead entries every time).
     */
    private static final class Job {
        final UUID id;
        final String partnerId;
        final String format;
        final String match;
        final List<String> fields;
        final Map<Integer, Long> offsets;
        int lastPart;
        int lastLine;

        Job(UUID id, String partnerId, String format, String match, List<String> fields, Map<Integer, Long> offsets) {
            this.id = id;
            this.partnerId = partnerId;
            this.format = format;
            this.match = match;
            this.fields = fields;
            this.offsets = offsets;
        }

        UUID id() {
            return id;
        }

        String partnerId() {
            return partnerId;
        }

        String format() {
            return format;
        }

        String match() {
            return match;
        }

        List<String> fields() {
            return fields;
        }

        Map<Integer, Long> offsets() {
            return offsets;
        }
    }

    /** A stored row. */
    private record Staged(int part, int line, long number, String data) {}

    /** A row that may be applied: its customer document, and what it names the customer by. */
    private record Candidate(
            Staged row, ObjectNode document, CreateCustomerRequest request, String externalId, String email) {}

    /** A batch's outcome, to count. */
    private static final class Outcome {
        long created;
        long updated;
        final List<Object[]> errors = new ArrayList<>();

        void error(long row, String field, String message) {
            errors.add(new Object[] {row, field, message});
        }
    }

    private final CustomerService service;
    private final CustomerRepository customers;
    private final CustomerMapper mapper;
    private final ContactStandards standards;
    private final ConsentHistory consentHistory;
    private final EventLog events;
    private final MergePatches patches;
    private final ObjectMapper json;
    private final RapportConfig.Imports config;
    private final Clock clock;
    private final Background background;

    CustomerImports(
            CustomerService service,
            CustomerRepository customers,
            CustomerMapper mapper,
            ContactStandards standards,
            ConsentHistory consentHistory,
            EventLog events,
            MergePatches patches,
            ObjectMapper json,
            RapportConfig config,
            Clock clock,
            Vertx vertx) {
        this.service = service;
        this.customers = customers;
        this.mapper = mapper;
        this.standards = standards;
        this.consentHistory = consentHistory;
        this.events = events;
        this.patches = patches;
        this.json = json;
        this.config = config.imports();
        this.clock = clock;
        this.background = new Background("customer-imports", vertx, this::run);
    }

    @Scheduled(every = "${rapport.imports.poll-interval:PT1S}", delayed = "1s")
    void poll() {
        if (config.enabled()) {
            background.wake();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        background.stop();
    }

    /** Claims an import and applies one batch of it; true when there may be more to do at once. */
    Uni<Boolean> run() {
        return Panache.withTransaction(this::claim).chain(id -> {
            if (id == null) {
                return Uni.createFrom().item(false);
            }
            return Panache.withSession(() -> job(id)).chain(this::batches).replaceWith(true);
        });
    }

    private Uni<UUID> claim() {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, String.class)
                        .setParameter("now", now)
                        .setParameter("stale", now.minus(config.lease()))
                        .getResultList())
                .map(ids -> ids.isEmpty() ? null : UUID.fromString(ids.get(0)));
    }

    private Uni<Job> job(UUID id) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select partner_id, format, match, cast(header as text), cast(columns as text)"
                                        + " from customer_import where id = :id",
                                Object[].class)
                        .setParameter("id", id)
                        .getSingleResult()
                        .chain(row -> session.createNativeQuery(
                                        "select part, rows from customer_import_part where import_id = :id order by part",
                                        Object[].class)
                                .setParameter("id", id)
                                .getResultList()
                                .map(parts -> {
                                    Map<Integer, Long> offsets = new TreeMap<>();
                                    long before = 0;
                                    for (Object[] part : parts) {
                                        offsets.put(((Number) part[0]).intValue(), before);
                                        before += ((Number) part[1]).longValue();
                                    }
                                    List<String> fields = row[3] == null
                                            ? List.of()
                                            : CustomerImportRows.fields(
                                                    read((String) row[3], STRINGS), columns(row[4]));
                                    return new Job(
                                            id, (String) row[0], (String) row[1], (String) row[2], fields, offsets);
                                })));
    }

    private Map<String, String> columns(Object stored) {
        return stored == null ? Map.of() : read((String) stored, COLUMNS);
    }

    /** The job's batches, one after the other, until none is left or it was cancelled. */
    private Uni<Void> batches(Job job) {
        return Panache.withTransaction(() -> batch(job))
                .onFailure(BatchFailed.class)
                .recoverWithUni(
                        failure -> oneByOne(job, ((BatchFailed) failure).rows).replaceWith(true))
                .chain(more -> more ? batches(job) : Panache.withTransaction(() -> finish(job)));
    }

    /** One batch; false when there was nothing left (or the import was cancelled). */
    private Uni<Boolean> batch(Job job) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select status from customer_import where id = :id for update", String.class)
                        .setParameter("id", job.id())
                        .getSingleResult()
                        .chain(status -> {
                            if (!"running".equals(status)) {
                                return Uni.createFrom().item(false);
                            }
                            return staged(session, job).chain(rows -> {
                                if (rows.isEmpty()) {
                                    return Uni.createFrom().item(false);
                                }
                                return apply(job, rows)
                                        .onFailure()
                                        .recoverWithUni(failure -> {
                                            LOG.debugf(
                                                    failure,
                                                    "Import %s: a batch failed; its rows go one by one",
                                                    job.id());
                                            return Uni.createFrom().failure(new BatchFailed(rows, failure));
                                        })
                                        .chain(outcome -> done(session, job, rows, outcome))
                                        .replaceWith(true);
                            });
                        }));
    }

    /** A batch that failed as a whole, rolled back; its rows are applied again one by one. */
    private static final class BatchFailed extends RuntimeException {
        final transient List<Staged> rows;

        BatchFailed(List<Staged> rows, Throwable cause) {
            super(cause);
            this.rows = rows;
        }
    }

    private Uni<Void> oneByOne(Job job, List<Staged> rows) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Staged row : rows) {
            all = all.chain(() -> Panache.withTransaction(() -> Panache.getSession()
                            .chain(session -> apply(job, List.of(row))
                                    .chain(outcome -> done(session, job, List.of(row), outcome))))
                    .onFailure()
                    .recoverWithUni(failure ->
                            Panache.withTransaction(() -> Panache.getSession().chain(session -> {
                                Outcome outcome = new Outcome();
                                errors(outcome, row.number(), failure);
                                return done(session, job, List.of(row), outcome);
                            }))));
        }
        return all;
    }

    private Uni<List<Staged>> staged(Mutiny.Session session, Job job) {
        return session.createNativeQuery(
                        "select part, line, data from customer_import_row where import_id = :id"
                                + " and (part, line) > (:part, :line) order by part, line limit :limit",
                        Object[].class)
                .setParameter("id", job.id())
                .setParameter("part", job.lastPart)
                .setParameter("line", job.lastLine)
                .setParameter("limit", config.batchSize())
                .getResultList()
                .map(rows -> rows.stream()
                        .map(row -> {
                            int part = ((Number) row[0]).intValue();
                            int line = ((Number) row[1]).intValue();
                            return new Staged(part, line, job.offsets().getOrDefault(part, 0L) + line, (String) row[2]);
                        })
                        .toList());
    }

    // --- applying rows ------------------------------------------------------------------------------------------

    private Uni<Outcome> apply(Job job, List<Staged> rows) {
        Outcome outcome = new Outcome();
        List<Candidate> candidates = new ArrayList<>();
        for (Staged row : rows) {
            try {
                ObjectNode document = CustomerImportRows.customer(job.format(), row.data(), job.fields(), json);
                CreateCustomerRequest request = request(document);
                String externalId = request.externalId() == null
                        ? null
                        : request.externalId().strip();
                String email = request.emails() == null || request.emails().isEmpty()
                        ? null
                        : CustomerNormalizer.email(request.emails().get(0).address());
                if (needsKey(job, externalId, email)) {
                    outcome.error(row.number(), keyField(job), "is needed to find or create the customer");
                    continue;
                }
                candidates.add(new Candidate(row, document, request, externalId, email));
            } catch (RuntimeException e) {
                errors(outcome, row.number(), e);
            }
        }
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(outcome);
        }
        String scope = job.partnerId() == null ? "" : job.partnerId();
        return Panache.getSession()
                .chain(session -> owners(session, scope, candidates)
                        .chain(owners -> write(session, job, candidates, owners, outcome))
                        .replaceWith(outcome));
    }

    private static boolean needsKey(Job job, String externalId, String email) {
        return switch (job.match()) {
            case "externalId" -> externalId == null;
            case "email" -> email == null;
            default -> externalId == null && email == null;
        };
    }

    private static String keyField(Job job) {
        return switch (job.match()) {
            case "externalId" -> "externalId";
            case "email" -> "emails[0].address";
            default -> "externalId";
        };
    }

    /** The row as a request, validated as the API validates one (no merge with an empty profile needed). */
    private CreateCustomerRequest request(ObjectNode document) {
        try {
            return patches.validate(json.treeToValue(document, CreateCustomerRequest.class));
        } catch (JsonProcessingException e) {
            throw DomainException.malformed(e);
        }
    }

    /**
     * Who holds the batch's external ids and emails now: {@code ext:<id>} and {@code email:<address>} to ids. Each
     * value is looked up on its own through the unique index (a join from the list): a list matched as {@code = any}
     * was read as a filter over every customer of the partner whenever the statistics lagged behind an import.
     */
    /** Who holds a batch's keys ({@code ext:<id>}, {@code email:<address>}), and the external ids of those found by email. */
    private record Owners(Map<String, UUID> keys, Map<UUID, String> externalIds) {}

    private Uni<Owners> owners(Mutiny.Session session, String scope, List<Candidate> candidates) {
        List<String> externalIds = candidates.stream()
                .map(Candidate::externalId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        List<String> emails = new ArrayList<>();
        for (Candidate candidate : candidates) {
            JsonNode list = candidate.document().path("emails");
            for (JsonNode email : list) {
                String address = email.path("address").asText(null);
                if (address != null) {
                    emails.add(CustomerNormalizer.email(address));
                }
            }
        }
        Map<String, UUID> owners = new HashMap<>();
        Map<UUID, String> externalIdOf = new HashMap<>();
        Uni<Void> byExternalId = externalIds.isEmpty()
                ? Uni.createFrom().voidItem()
                : session.createNativeQuery("""
                                select x.ext, cast(c.id as text)
                                from unnest(string_to_array(cast(:ids as text), E'\\n')) as x (ext)
                                cross join lateral (
                                    select id from customer
                                    where coalesce(partner_id, '') = :scope and external_id = x.ext
                                        and external_id is not null and deleted_at is null
                                    limit 1) c
                                """, Object[].class)
                        .setParameter("scope", scope)
                        .setParameter("ids", String.join("\n", externalIds))
                        .getResultList()
                        .invoke(rows ->
                                rows.forEach(row -> owners.put("ext:" + row[0], UUID.fromString((String) row[1]))))
                        .replaceWithVoid();
        Uni<Void> byEmail = emails.isEmpty()
                ? Uni.createFrom().voidItem()
                : session.createNativeQuery("""
                                select x.email, cast(e.customer_id as text), c.external_id
                                from unnest(string_to_array(cast(:emails as text), E'\\n')) as x (email)
                                cross join lateral (
                                    select customer_id from customer_email
                                    where partner_scope = :scope and email = x.email) e
                                cross join lateral (select external_id from customer where id = e.customer_id) c
                                """, Object[].class)
                        .setParameter("scope", scope)
                        .setParameter(
                                "emails",
                                String.join("\n", emails.stream().distinct().toList()))
                        .getResultList()
                        .invoke(rows -> rows.forEach(row -> {
                            UUID holder = UUID.fromString((String) row[1]);
                            owners.put("email:" + row[0], holder);
                            if (row[2] != null) {
                                externalIdOf.put(holder, (String) row[2]);
                            }
                        }))
                        .replaceWithVoid();
        return byExternalId.chain(() -> byEmail).replaceWith(new Owners(owners, externalIdOf));
    }

    /**
     * Decides each candidate (create, update, or an error), then writes: new customers in bulk, then the updates one
     * by one (as PATCH does).
     */
    private Uni<Void> write(
            Mutiny.Session session, Job job, List<Candidate> candidates, Owners found, Outcome outcome) {
        Map<String, UUID> owners = found.keys();
        OffsetDateTime now = Clocks.now(clock);
        Map<UUID, Customer> created = new LinkedHashMap<>();
        Map<UUID, List<ConsentHistory.Change>> consents = new HashMap<>();
        Map<String, UUID> batchKeys = new HashMap<>();
        List<Object[]> updates = new ArrayList<>();
        for (Candidate candidate : candidates) {
            long row = candidate.row().number();
            try {
                UUID target = target(job, candidate, owners, batchKeys);
                String clash = clash(candidate, target, found, batchKeys);
                if (clash != null) {
                    outcome.error(row, clash.startsWith("ext") ? "externalId" : "emails", clash.substring(4));
                    continue;
                }
                Customer pending = target == null ? null : created.get(target);
                if (target != null && pending == null) {
                    updates.add(new Object[] {target, candidate});
                    remember(batchKeys, candidate, target);
                    continue;
                }
                Customer customer = pending;
                CreateCustomerRequest request;
                if (customer == null) {
                    customer = new Customer();
                    customer.id = Ids.newId();
                    customer.createdAt = now;
                    customer.updatedAt = now;
                    customer.partnerId = job.partnerId();
                    request = candidate.request();
                } else {
                    // repeats a row of this batch: applied on top of it
                    request = patches.apply(mapper.toRequest(customer), candidate.document())
                            .value();
                }
                List<ConsentHistory.Change> changes = service.prepare(customer, request, now);
                consents.merge(customer.id, changes, (a, b) -> {
                    List<ConsentHistory.Change> all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                });
                if (pending == null) {
                    created.put(customer.id, customer);
                    outcome.created++;
                } else {
                    outcome.updated++;
                }
                remember(batchKeys, candidate, customer.id);
                for (String email : CustomerService.emailsOf(customer)) {
                    batchKeys.put("email:" + email, customer.id);
                }
            } catch (RuntimeException e) {
                errors(outcome, row, e);
            }
        }
        return insert(session, created.values(), consents, now).chain(() -> update(updates, outcome));
    }

    /** The customer the row updates (found, or created earlier in the batch), or null for a new one. */
    private static UUID target(Job job, Candidate candidate, Map<String, UUID> owners, Map<String, UUID> batch) {
        UUID byExternalId = candidate.externalId() == null
                ? null
                : batch.getOrDefault("ext:" + candidate.externalId(), owners.get("ext:" + candidate.externalId()));
        UUID byEmail = candidate.email() == null
                ? null
                : batch.getOrDefault("email:" + candidate.email(), owners.get("email:" + candidate.email()));
        return switch (job.match()) {
            case "externalId" -> byExternalId;
            case "email" -> byEmail;
            default -> byExternalId != null ? byExternalId : byEmail;
        };
    }

    /**
     * Why the row cannot go to {@code target}: one of its emails, or its external id, belongs to another customer
     * ({@code "ext:"} or {@code "eml:"} and the message); null when it can.
     */
    private static String clash(Candidate candidate, UUID target, Owners found, Map<String, UUID> batch) {
        Map<String, UUID> owners = found.keys();
        if (candidate.externalId() != null) {
            String key = "ext:" + candidate.externalId();
            UUID holder = batch.getOrDefault(key, owners.get(key));
            if (holder != null && !holder.equals(target)) {
                return "ext:already belongs to customer " + holder;
            }
            String targets = target == null ? null : found.externalIds().get(target);
            if (holder == null && targets != null && !targets.equals(candidate.externalId())) {
                // found by its email, but that customer is another one of the partner's systems
                return "eml:an address belongs to customer " + target + ", whose external id differs";
            }
        }
        for (JsonNode email : candidate.document().path("emails")) {
            String address = email.path("address").asText(null);
            if (address == null) {
                continue;
            }
            String key = "email:" + CustomerNormalizer.email(address);
            UUID holder = batch.getOrDefault(key, owners.get(key));
            if (holder != null && !holder.equals(target)) {
                return "eml:an address already belongs to customer " + holder;
            }
        }
        return null;
    }

    private static void remember(Map<String, UUID> batch, Candidate candidate, UUID customer) {
        if (candidate.externalId() != null) {
            batch.put("ext:" + candidate.externalId(), customer);
        }
        if (candidate.email() != null) {
            batch.put("email:" + candidate.email(), customer);
        }
    }

    /** The new customers, their email claims, match keys, consent history and events: a statement each. */
    private Uni<Void> insert(
            Mutiny.Session session,
            java.util.Collection<Customer> created,
            Map<UUID, List<ConsentHistory.Change>> consents,
            OffsetDateTime now) {
        if (created.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode rows = json.createArrayNode();
        ArrayNode emails = json.createArrayNode();
        ArrayNode keys = json.createArrayNode();
        ArrayNode appended = json.createArrayNode();
        int claims = 0;
        for (Customer customer : created) {
            String scope = customer.partnerId == null ? "" : customer.partnerId;
            ObjectNode row = rows.addObject();
            row.put("id", customer.id.toString());
            row.put("external_id", customer.externalId);
            row.put("given_name", customer.givenName);
            row.put("family_name", customer.familyName);
            row.set("contacts", json.valueToTree(customer.contacts));
            row.put("primary_email", customer.primaryEmail);
            row.put("primary_phone", customer.primaryPhone);
            row.put("birthday", customer.birthday == null ? null : customer.birthday.toString());
            row.put("locale", customer.locale);
            row.put("time_zone", customer.timeZone);
            row.set("tags", json.valueToTree(customer.tags));
            row.put("owner_id", customer.ownerId);
            row.set("consents", json.valueToTree(customer.consents));
            row.set("attributes", json.valueToTree(customer.attributes));
            row.put("search_text", customer.searchText);
            row.put("name_key", customer.nameKey);
            row.put("partner_id", customer.partnerId);
            for (String email : CustomerService.emailsOf(customer)) {
                emails.addObject().put("scope", scope).put("email", email).put("id", customer.id.toString());
                claims++;
            }
            for (CustomerMatching.MatchKey key : CustomerMatching.keys(customer, standards)) {
                keys.addObject()
                        .put("id", customer.id.toString())
                        .put("kind", key.kind())
                        .put("key", key.key())
                        .put("scope", scope);
            }
            CustomerView view = mapper.toView(customer);
            appended.addObject()
                    .put("id", customer.id.toString())
                    .put("partner_id", customer.partnerId)
                    .set("payload", json.valueToTree(view));
        }
        int expectedClaims = claims;
        return session.createNativeQuery("""
                        insert into customer (id, external_id, given_name, family_name, contacts, primary_email,
                            primary_phone, birthday, locale, time_zone, tags, owner_id, consents, attributes,
                            search_text, name_key, partner_id, created_at, updated_at, version)
                        select r.id, r.external_id, r.given_name, r.family_name, r.contacts, r.primary_email,
                            r.primary_phone, r.birthday, r.locale, r.time_zone,
                            array(select jsonb_array_elements_text(r.tags)), r.owner_id, r.consents, r.attributes,
                            r.search_text, r.name_key, r.partner_id, :now, :now, 0
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r (id uuid, external_id text,
                            given_name text, family_name text, contacts jsonb, primary_email text,
                            primary_phone text, birthday date, locale text, time_zone text, tags jsonb,
                            owner_id text, consents jsonb, attributes jsonb, search_text text, name_key text,
                            partner_id text)
                        """)
                .setParameter("rows", rows.toString())
                .setParameter("now", now)
                .executeUpdate()
                .chain(() -> expectedClaims == 0
                        ? Uni.createFrom().item(0)
                        : session.createNativeQuery("""
                                        insert into customer_email (partner_scope, email, customer_id)
                                        select r.scope, r.email, r.id
                                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                                            as r (scope text, email text, id uuid)
                                        on conflict (partner_scope, email) do nothing
                                        """)
                                .setParameter("rows", emails.toString())
                                .executeUpdate())
                .invoke(claimed -> {
                    if (claimed != expectedClaims) {
                        throw new IllegalStateException("An address of the batch was claimed meanwhile");
                    }
                })
                .chain(() -> keys.isEmpty()
                        ? Uni.createFrom().item(0)
                        : session.createNativeQuery("""
                                        insert into customer_match_key (customer_id, kind, key, partner_scope)
                                        select r.id, r.kind, r.key, r.scope
                                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                                            as r (id uuid, kind text, key text, scope text)
                                        on conflict do nothing
                                        """)
                                .setParameter("rows", keys.toString())
                                .executeUpdate())
                .chain(() -> events.appendSelected("""
                        select cast('customer.created' as text) as type, cast('customer' as text) as subject_type,
                            r.id as subject_id, r.partner_id, r.payload, cast(null as uuid) as caused_by
                        from jsonb_to_recordset(cast(cast(:importedEvents as text) as jsonb))
                            as r (id uuid, partner_id text, payload jsonb)
                        """, Map.of("importedEvents", appended.toString())))
                .chain(() -> {
                    Uni<Void> history = Uni.createFrom().voidItem();
                    for (Customer customer : created) {
                        List<ConsentHistory.Change> changes = consents.getOrDefault(customer.id, List.of());
                        if (!changes.isEmpty()) {
                            history = history.chain(() -> consentHistory.record(customer, changes, now));
                        }
                    }
                    return history;
                });
    }

    /** The rows that update customers found, one by one, as a PATCH with the row's fields would. */
    private Uni<Void> update(List<Object[]> updates, Outcome outcome) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Object[] update : updates) {
            UUID target = (UUID) update[0];
            Candidate candidate = (Candidate) update[1];
            all = all.chain(() -> customers
                    .findById(target, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .chain(customer -> service.patch(customer, candidate.document()))
                    .invoke(view -> outcome.updated++)
                    .replaceWithVoid());
        }
        return all;
    }

    /** Records the batch: its errors, its rows gone from the staging table, the counts moved on. */
    private Uni<Void> done(Mutiny.Session session, Job job, List<Staged> rows, Outcome outcome) {
        ArrayNode errors = json.createArrayNode();
        for (Object[] error : outcome.errors) {
            errors.addObject()
                    .put("row", (Long) error[0])
                    .put("field", (String) error[1])
                    .put("message", (String) error[2]);
        }
        Staged last = rows.get(rows.size() - 1);
        Uni<Integer> recorded = errors.isEmpty()
                ? Uni.createFrom().item(0)
                : session.createNativeQuery("""
                                insert into customer_import_error (import_id, row_number, field, message)
                                select :id, r.row, r.field, r.message
                                from jsonb_to_recordset(cast(cast(:errors as text) as jsonb))
                                    as r (row bigint, field text, message text)
                                """)
                        .setParameter("id", job.id())
                        .setParameter("errors", errors.toString())
                        .executeUpdate();
        long failedRows = outcome.errors.stream().map(e -> e[0]).distinct().count();
        Staged first = rows.get(0);
        return recorded.chain(() -> session.createNativeQuery("""
                                delete from customer_import_row
                                where import_id = :id and (part, line) >= (:firstPart, :firstLine)
                                    and (part, line) <= (:part, :line)
                                """)
                        .setParameter("id", job.id())
                        .setParameter("firstPart", first.part())
                        .setParameter("firstLine", first.line())
                        .setParameter("part", last.part())
                        .setParameter("line", last.line())
                        .executeUpdate())
                .invoke(() -> {
                    job.lastPart = last.part();
                    job.lastLine = last.line();
                })
                .chain(() -> session.createNativeQuery("""
                                update customer_import set rows_read = rows_read + :read, created = created + :created,
                                    updated = updated + :updated, failed = failed + :failed, heartbeat_at = :now,
                                    version = version + 1
                                where id = :id
                                """)
                        .setParameter("read", rows.size())
                        .setParameter("created", outcome.created)
                        .setParameter("updated", outcome.updated)
                        .setParameter("failed", failedRows)
                        .setParameter("now", Clocks.now(clock))
                        .setParameter("id", job.id())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Ends a job whose rows are all applied (a cancelled one stays cancelled), with {@code customer_import.finished}. */
    private Uni<Void> finish(Job job) {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                update customer_import set status = 'succeeded', finished_at = :now, version = version + 1
                                where id = :id and status = 'running'
                                """)
                        .setParameter("now", now)
                        .setParameter("id", job.id())
                        .executeUpdate())
                .chain(finished -> finished == 0
                        ? Uni.createFrom().voidItem()
                        : Panache.getSession()
                                .chain(session -> session.createNativeQuery("""
                                                select status, rows_total, rows_read, created, updated, failed,
                                                    requested_by, format, match, cast(columns as text)
                                                from customer_import where id = :id
                                                """, Object[].class)
                                        .setParameter("id", job.id())
                                        .getSingleResult())
                                .chain(row -> events.append(
                                        CustomerImportEvent.FINISHED,
                                        CustomerImportEvent.SUBJECT,
                                        job.id(),
                                        job.partnerId(),
                                        new ImportView(
                                                job.id(),
                                                (String) row[0],
                                                (String) row[7],
                                                (String) row[8],
                                                row[9] == null ? null : read((String) row[9], COLUMNS),
                                                new ImportView.Progress(
                                                        ((Number) row[1]).longValue(),
                                                        ((Number) row[2]).longValue(),
                                                        ((Number) row[3]).longValue(),
                                                        ((Number) row[4]).longValue(),
                                                        ((Number) row[5]).longValue()),
                                                (String) row[6],
                                                null,
                                                null,
                                                now,
                                                null)))
                                .replaceWithVoid());
    }

    /** A row's failure as its errors: each field error of the problem it makes, else the problem's detail. */
    private static void errors(Outcome outcome, long row, Throwable failure) {
        Problem problem = Failures.problem(failure, null, null, null);
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            for (Problem.FieldError error : problem.errors()) {
                outcome.error(row, error.field(), error.message());
            }
        } else if (problem.status() >= 500) {
            LOG.errorf(failure, "Import row %d could not be applied", row);
            outcome.error(row, null, "could not be applied");
        } else {
            outcome.error(row, null, problem.detail());
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable import settings", e);
        }
    }
}
