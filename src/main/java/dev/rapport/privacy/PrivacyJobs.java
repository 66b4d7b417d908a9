package dev.rapport.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.rapport.customer.CustomerMergeService;
import dev.rapport.customer.api.CustomerPrivacyStep;
import dev.rapport.event.EventLog;
import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.Background;
import dev.rapport.platform.time.Clocks;
import dev.rapport.privacy.api.ErasedRecords;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Runs privacy jobs in the background, one at a time per replica, each claimed by one replica ({@code for update
 * skip locked}); a job whose replica stopped is taken over after {@code rapport.privacy.lease}.
 *
 * <p>An export reads every domain's {@link CustomerPrivacyStep#exports() parts} for the customer and the duplicates
 * merged into it, one domain per transaction (the progress counts domains), into one JSON document kept until
 * {@code rapport.privacy.export-retention}. An erasure is one transaction: it locks the customer, refuses while a
 * legal hold stands, runs every domain's {@link CustomerPrivacyStep#erasures() erasures}, redacts the copies of
 * personal data the platform keeps ({@link RecordedCopies}), stores the cascade report and appends
 * {@code customer.erased}. A job that fails is tried again, three times in all.
 */
@ApplicationScoped
public class PrivacyJobs {

    static final String EXPORT = "export";
    static final String ERASURE = "erasure";

    private static final Logger LOG = Logger.getLogger(PrivacyJobs.class);
    private static final int ATTEMPTS = 3;
    /** Columns of the service's own bookkeeping, left out of an export. */
    private static final String INTERNAL =
            "cast('{search_text,name_key,partner_scope,token_hash,request_hash,idempotency_key}' as text[])";

    private static final String CLAIM = """
            update privacy_job j set status = 'running', started_at = :now, attempts = j.attempts + 1,
                steps_done = 0, error = null
            where j.id = (
                select id from privacy_job
                where status = 'queued' or (status = 'running' and started_at < :stale)
                order by requested_at, id limit 1
                for update skip locked)
            returning cast(j.id as text), j.kind, cast(j.customer_id as text), j.partner_id, j.attempts
            """;

    private record Job(UUID id, String kind, UUID customerId, String partnerId, int attempts) {}

    private final Instance<CustomerPrivacyStep> registered;
    private final CustomerMergeService merges;
    private final RecordedCopies copies;
    private final EventLog events;
    private final ObjectMapper json;
    private final RapportConfig.Privacy config;
    private final Clock clock;
    private final Background background;
    private List<CustomerPrivacyStep> steps;

    PrivacyJobs(
            Instance<CustomerPrivacyStep> registered,
            CustomerMergeService merges,
            RecordedCopies copies,
            EventLog events,
            ObjectMapper json,
            RapportConfig config,
            Clock clock,
            Vertx vertx) {
        this.registered = registered;
        this.merges = merges;
        this.copies = copies;
        this.events = events;
        this.json = json;
        this.config = config.privacy();
        this.clock = clock;
        this.background = new Background("privacy-jobs", vertx, this::run);
    }

    /** Every domain's step, in a stable order. */
    List<CustomerPrivacyStep> steps() {
        if (steps == null) {
            steps = registered.stream()
                    .sorted(Comparator.comparing(step -> step.exports().isEmpty()
                            ? ""
                            : step.exports().get(0).name()))
                    .toList();
        }
        return steps;
    }

    /** The columns every step covers (for the test that every table holding a customer's id is). */
    public List<String> handledColumns() {
        return steps().stream()
                .flatMap(step -> step.customerColumns().stream())
                .sorted()
                .toList();
    }

    /** The parts of the work of a job of this kind, for its progress. */
    int stepsOf(String kind) {
        return EXPORT.equals(kind) ? steps().size() : 1;
    }

    @Scheduled(every = "${rapport.privacy.poll-interval:PT1S}", delayed = "1s")
    void poll() {
        if (config.enabled()) {
            background.wake();
        }
    }

    /** Deletes the documents of exports whose retention ended. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("""
                                        update privacy_job set result = null, status = 'expired'
                                        where expires_at <= :now and status = 'succeeded' and kind = 'export'
                                        """)
                                .setParameter("now", Clocks.now(clock))
                                .executeUpdate()))
                .replaceWithVoid();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        background.stop();
    }

    /** Claims one job and runs it; true when there was one (another may be queued). */
    Uni<Boolean> run() {
        return Panache.withTransaction(this::claim).chain(job -> {
            if (job == null) {
                return Uni.createFrom().item(false);
            }
            Uni<Void> work = EXPORT.equals(job.kind()) ? export(job) : erase(job);
            return work.onFailure()
                    .recoverWithUni(failure -> failed(job, failure))
                    .replaceWith(true);
        });
    }

    private Uni<Job> claim() {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, Object[].class)
                        .setParameter("now", now)
                        .setParameter("stale", now.minus(config.lease()))
                        .getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] row = rows.get(0);
                    return new Job(
                            UUID.fromString((String) row[0]),
                            (String) row[1],
                            UUID.fromString((String) row[2]),
                            (String) row[3],
                            ((Number) row[4]).intValue());
                });
    }

    // --- export -------------------------------------------------------------------------------------------------

    private Uni<Void> export(Job job) {
        ObjectNode document = json.createObjectNode();
        document.put("customerId", job.customerId().toString());
        document.put("generatedAt", Clocks.now(clock).toString());
        return Panache.withSession(() -> merges.mergedInto(job.customerId())).chain(merged -> {
            document.set("mergedIds", json.valueToTree(merged));
            List<UUID> customers = new ArrayList<>();
            customers.add(job.customerId());
            customers.addAll(merged);
            Uni<Void> all = Uni.createFrom().voidItem();
            for (CustomerPrivacyStep step : steps()) {
                all = all.chain(() -> Panache.withTransaction(() -> exportStep(step, customers, document)))
                        .chain(() -> Panache.withTransaction(() -> progress(job)));
            }
            return all.chain(() -> Panache.withTransaction(() -> exported(job, document)));
        });
    }

    private Uni<Void> exportStep(CustomerPrivacyStep step, List<UUID> customers, ObjectNode document) {
        return Panache.getSession().chain(session -> {
            Uni<Void> parts = Uni.createFrom().voidItem();
            for (CustomerPrivacyStep.Part part : step.exports()) {
                var rows = document.putArray(part.name());
                for (UUID customer : customers) {
                    parts = parts.chain(() -> session.createNativeQuery(
                                            "select cast(coalesce(jsonb_agg(to_jsonb(r) - " + INTERNAL
                                                    + "), '[]') as text) from (" + part.query() + ") r",
                                            String.class)
                                    .setParameter("customer", customer)
                                    .getSingleResult())
                            .invoke(found -> rows.addAll((com.fasterxml.jackson.databind.node.ArrayNode) read(found)))
                            .replaceWithVoid();
                }
            }
            return parts;
        });
    }

    private Uni<Void> progress(Job job) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update privacy_job set steps_done = steps_done + 1 where id = :id")
                        .setParameter("id", job.id())
                        .executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Void> exported(Job job, ObjectNode document) {
        OffsetDateTime now = Clocks.now(clock);
        return finish(job, now, write(document), now.plus(config.exportRetention()));
    }

    // --- erasure ------------------------------------------------------------------------------------------------

    private Uni<Void> erase(Job job) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select cast(id as text) from customer where id = :customer for update", String.class)
                        .setParameter("customer", job.customerId())
                        .getResultList()
                        .chain(() -> session.createNativeQuery(
                                        "select count(*) from legal_hold where customer_id = :customer", Long.class)
                                .setParameter("customer", job.customerId())
                                .getSingleResult())
                        .chain(holds -> holds > 0
                                ? refuse(job, session)
                                : merges.mergedInto(job.customerId()).chain(merged -> erase(job, merged, session)))));
    }

    private Uni<Void> refuse(Job job, Mutiny.Session session) {
        return session.createNativeQuery("""
                        update privacy_job set status = 'failed', finished_at = :now, error = :error where id = :id
                        """)
                .setParameter("now", Clocks.now(clock))
                .setParameter("error", "A legal hold was placed on the customer: its personal data was not erased")
                .setParameter("id", job.id())
                .executeUpdate()
                .replaceWithVoid();
    }

    private Uni<Void> erase(Job job, List<UUID> merged, Mutiny.Session session) {
        OffsetDateTime now = Clocks.now(clock);
        List<UUID> customers = new ArrayList<>();
        customers.add(job.customerId());
        customers.addAll(merged);
        Set<String> subjects = new LinkedHashSet<>();
        Set<String> naming = new LinkedHashSet<>();
        Map<String, ErasedRecords> report = new LinkedHashMap<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (UUID customer : customers) {
            subjects.add("customer:" + customer);
            for (CustomerPrivacyStep step : steps()) {
                naming.addAll(step.eventTypesNamingCustomer());
                if (step.eventSubjects() != null) {
                    all = all.chain(() -> session.createNativeQuery(step.eventSubjects(), Object[].class)
                                    .setParameter("customer", customer)
                                    .getResultList())
                            .invoke(rows -> rows.forEach(row -> subjects.add(row[0] + ":" + row[1])))
                            .replaceWithVoid();
                }
            }
        }
        for (CustomerPrivacyStep step : steps()) {
            for (CustomerPrivacyStep.Erasure erasure : step.erasures()) {
                for (UUID customer : customers) {
                    all = all.chain(() -> apply(erasure, customer, now, session))
                            .invoke(count -> add(
                                    report, erasure.table(), erasure.action().name(), count))
                            .replaceWithVoid();
                }
            }
        }
        return all.chain(() -> copies.redact(session, List.copyOf(subjects), List.copyOf(naming), customers))
                .invoke(redacted -> redacted.forEach(r -> add(report, r.table(), r.action(), r.count())))
                .chain(() -> {
                    List<ErasedRecords> touched = report.values().stream()
                            .filter(r -> r.count() > 0)
                            .sorted(Comparator.comparing(ErasedRecords::table).thenComparing(ErasedRecords::action))
                            .toList();
                    return finish(job, now, write(touched), null);
                })
                .chain(() -> events.append(
                        PrivacyEvent.ERASED,
                        PrivacyEvent.SUBJECT,
                        job.customerId(),
                        job.partnerId(),
                        new PrivacyEvent.Erased(job.customerId(), merged, job.id(), now)))
                .replaceWithVoid();
    }

    private static Uni<Long> apply(
            CustomerPrivacyStep.Erasure erasure, UUID customer, OffsetDateTime now, Mutiny.Session session) {
        if (erasure.action() == CustomerPrivacyStep.Action.KEPT) {
            return session.createNativeQuery(erasure.statement(), Long.class)
                    .setParameter("customer", customer)
                    .getSingleResult();
        }
        var statement = session.createNativeQuery(erasure.statement()).setParameter("customer", customer);
        if (erasure.statement().contains(":now")) {
            statement.setParameter("now", now);
        }
        return statement.executeUpdate().map(Integer::longValue);
    }

    private static void add(Map<String, ErasedRecords> report, String table, String action, long count) {
        String name = action.toLowerCase(java.util.Locale.ROOT);
        report.merge(
                table + " " + name,
                new ErasedRecords(table, name, count),
                (a, b) -> new ErasedRecords(table, name, a.count() + b.count()));
    }

    // --- bookkeeping --------------------------------------------------------------------------------------------

    private Uni<Void> finish(Job job, OffsetDateTime now, String result, OffsetDateTime expiresAt) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                update privacy_job set status = 'succeeded', finished_at = :now, steps_done = steps_total,
                                    result = cast(cast(:result as text) as jsonb), expires_at = :expires
                                where id = :id
                                """)
                        .setParameter("now", now)
                        .setParameter("result", result)
                        .setParameter("expires", expiresAt)
                        .setParameter("id", job.id())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** A job that failed: queued again, or failed for good after its last attempt. */
    private Uni<Void> failed(Job job, Throwable failure) {
        LOG.errorf(failure, "Privacy job %s (%s) failed, attempt %d", job.id(), job.kind(), job.attempts());
        boolean last = job.attempts() >= ATTEMPTS;
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("""
                                        update privacy_job set status = :status, error = :error,
                                            finished_at = case when :last then cast(:now as timestamptz) end
                                        where id = :id
                                        """)
                                .setParameter("status", last ? "failed" : "queued")
                                .setParameter("error", "The job failed" + (last ? "" : " and will be tried again"))
                                .setParameter("last", last)
                                .setParameter("now", Clocks.now(clock))
                                .setParameter("id", job.id())
                                .executeUpdate()))
                .replaceWithVoid();
    }

    private com.fasterxml.jackson.databind.JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable export part", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unwritable privacy job result", e);
        }
    }
}
