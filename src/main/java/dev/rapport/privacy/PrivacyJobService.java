package dev.rapport.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.CustomerService;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.event.EventLog;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import dev.rapport.privacy.api.PrivacyJobView;
import dev.rapport.privacy.api.PrivacyRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Privacy requests: an export of a customer's data or its erasure, queued as a job that {@link PrivacyJobs} runs in
 * the background. Asking appends {@code customer.export_requested} or {@code customer.erasure_requested} (and so
 * an audit entry). An erasure is refused while a legal hold stands; asking again while one is queued or running
 * answers that one.
 */
@ApplicationScoped
public class PrivacyJobService {

    /** A job and whether this request queued it (rather than finding it queued already). */
    public record Requested(PrivacyJobView job, boolean queued) {}

    private final PrivacyJobQueries queries;
    private final PrivacyJobs jobs;
    private final CustomerService customers;
    private final LegalHoldService holds;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    PrivacyJobService(
            PrivacyJobQueries queries,
            PrivacyJobs jobs,
            CustomerService customers,
            LegalHoldService holds,
            EventLog events,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.queries = queries;
        this.jobs = jobs;
        this.customers = customers;
        this.holds = holds;
        this.events = events;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
    }

    /** The job of this kind, if the caller may see its customer; not found otherwise. */
    public Uni<PrivacyJobView> get(String kind, UUID id) {
        return queries.find(id).map(found -> {
            if (found == null
                    || !found.job().kind().equals(kind)
                    || !Caller.mayAccess(caller.partnerScope(), found.partnerId())) {
                throw DomainException.notFound(kind, id);
            }
            return found.job();
        });
    }

    @WithTransaction
    public Uni<Requested> request(String kind, PrivacyRequest request) {
        patches.validate(request);
        UUID customerId = request.customerId();
        return customer(customerId).chain(customer -> {
            if (!PrivacyJobs.ERASURE.equals(kind)) {
                return queue(kind, request, customer);
            }
            return holds.isHeld(customerId).chain(held -> {
                if (held) {
                    throw DomainException.conflict("Customer " + customerId
                            + " is under a legal hold: its personal data cannot be erased until the hold is lifted");
                }
                return queue(kind, request, customer);
            });
        });
    }

    private Uni<Requested> queue(String kind, PrivacyRequest request, CustomerView customer) {
        OffsetDateTime now = Clocks.now(clock);
        PrivacyJobView job = new PrivacyJobView(
                Ids.newId(),
                kind,
                customer.id(),
                "queued",
                new PrivacyJobView.Progress(0, jobs.stepsOf(kind)),
                strip(request.reason()),
                strip(request.reference()),
                caller.name(),
                now,
                null,
                null,
                null,
                null,
                null,
                null);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into privacy_job (id, kind, customer_id, partner_id, status, reason, reference,
                                    requested_by, requested_at, steps_total)
                                values (:id, :kind, :customer, :partner, 'queued', :reason, :reference, :by, :at, :total)
                                on conflict (customer_id) where kind = 'erasure' and status in ('queued', 'running')
                                do nothing
                                """)
                        .setParameter("id", job.id())
                        .setParameter("kind", kind)
                        .setParameter("customer", customer.id())
                        .setParameter("partner", customer.partnerId())
                        .setParameter("reason", job.reason())
                        .setParameter("reference", job.reference())
                        .setParameter("by", job.requestedBy())
                        .setParameter("at", now)
                        .setParameter("total", job.progress().total())
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        return pending(customer.id()).map(pending -> new Requested(pending, false));
                    }
                    String type = PrivacyJobs.ERASURE.equals(kind)
                            ? PrivacyEvent.ERASURE_REQUESTED
                            : PrivacyEvent.EXPORT_REQUESTED;
                    return events.append(type, PrivacyEvent.SUBJECT, customer.id(), customer.partnerId(), job)
                            .replaceWith(new Requested(job, true));
                });
    }

    /** The erasure of the customer that is queued or running. */
    private Uni<PrivacyJobView> pending(UUID customerId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select cast(id as text) from privacy_job where customer_id = :customer"
                                        + " and kind = 'erasure' and status in ('queued', 'running')",
                                String.class)
                        .setParameter("customer", customerId)
                        .getSingleResult())
                .chain(id -> queries.find(UUID.fromString(id)))
                .map(PrivacyJobQueries.Found::job);
    }

    /** The live customer the caller may see, or a problem with the request's customerId. */
    private Uni<CustomerView> customer(UUID customerId) {
        return customers.find(List.of(customerId)).map(found -> {
            CustomerView customer = found.get(customerId);
            if (customer == null) {
                throw DomainException.invalid("customerId", "is not a live customer");
            }
            return customer;
        });
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
