package dev.rapport.lead;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.CustomerService;
import dev.rapport.customer.api.CreateCustomerRequest;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.EmailAddress;
import dev.rapport.customer.api.PhoneNumber;
import dev.rapport.lead.api.ConvertLeadRequest;
import dev.rapport.lead.api.LeadConversionView;
import dev.rapport.lead.api.LeadView;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.time.Clocks;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Converts a lead to a customer in one transaction: the customer named, else the one whose normalized email or phone
 * matches the lead's in the caller's scope, else a new one from the lead's person; the lead moves to a won stage
 * and keeps the link, its notes join the customer's timeline, and {@code lead.converted} carries both ids.
 */
@ApplicationScoped
public class LeadConversionService {

    static final String CREATED = "created";
    static final String LINKED = "linked";

    private final LeadService leads;
    private final LeadNoteRepository notes;
    private final LeadWriter writer;
    private final LeadMapper mapper;
    private final CustomerService customers;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    LeadConversionService(
            LeadService leads,
            LeadNoteRepository notes,
            LeadWriter writer,
            LeadMapper mapper,
            CustomerService customers,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.leads = leads;
        this.notes = notes;
        this.writer = writer;
        this.mapper = mapper;
        this.customers = customers;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
    }

    /** The customer a conversion reaches, and why. */
    private record Target(UUID customerId, CustomerView created, String matchedBy) {}

    @WithTransaction
    public Uni<LeadConversionView> convert(UUID leadId, ConvertLeadRequest request) {
        if (!caller.has(Roles.CUSTOMERS_WRITE)) {
            throw new DomainException(
                    ProblemType.FORBIDDEN, "Converting a lead needs the permission " + Roles.CUSTOMERS_WRITE);
        }
        ConvertLeadRequest asked = request == null ? new ConvertLeadRequest(null, null) : request;
        patches.validate(asked);
        OffsetDateTime now = Clocks.now(clock);
        LeadWriter.Changes changes = writer.changes();
        return leads.visible(leadId).chain(lead -> {
            if (lead.customerId != null) {
                throw DomainException.conflict(
                        "The lead was converted to customer " + lead.customerId + " at " + lead.convertedAt);
            }
            if (LeadRecords.LOST.equals(lead.stageCategory)) {
                throw DomainException.conflict(
                        "The lead is in the lost stage '" + lead.stage + "'; move it to an open stage to convert it");
            }
            return writer.pipeline(lead.pipelineId).chain(pipeline -> {
                LeadRecords.Stage won =
                        asked.stage() == null ? pipeline.first(LeadRecords.WON) : pipeline.stage(asked.stage());
                if (won == null || !won.isWon()) {
                    throw DomainException.invalid(
                            "stage",
                            asked.stage() == null
                                    ? "pipeline '" + pipeline.name + "' has no won stage"
                                    : "'" + asked.stage() + "' is not a won stage of pipeline '" + pipeline.name + "'");
                }
                return target(lead, asked).chain(target -> link(lead, pipeline, won, target, now, changes));
            });
        });
    }

    private Uni<LeadConversionView> link(
            Lead lead,
            Pipeline pipeline,
            LeadRecords.Stage won,
            Target target,
            OffsetDateTime now,
            LeadWriter.Changes changes) {
        lead.customerId = target.customerId();
        lead.convertedAt = now;
        lead.updatedAt = now;
        String outcome = target.created() != null ? CREATED : LINKED;
        return writer.move(lead, pipeline, won, now, changes)
                .chain(() -> notes.of(lead.id))
                .chain(logged -> leads.logOnCustomer(target.customerId(), logged))
                .chain(() -> writer.rules(lead.partnerId))
                .chain(rules -> writer.rescore(lead, rules, now, changes))
                .chain(() -> notes.flush())
                .chain(() -> writer.append(
                        LeadEvent.CONVERTED,
                        lead,
                        new LeadEvent.Converted(
                                lead.id,
                                target.customerId(),
                                outcome,
                                target.matchedBy(),
                                won.key(),
                                lead.source,
                                lead.ownerId)))
                .chain(changes::appendAll)
                .chain(() -> target.created() != null
                        ? Uni.createFrom().item(target.created())
                        : customers.find(List.of(target.customerId())).map(found -> found.get(target.customerId())))
                .map(customer -> {
                    LeadView view = mapper.toView(lead);
                    return new LeadConversionView(view, customer, outcome, target.matchedBy());
                });
    }

    /** The customer the lead converts to: the one asked for, one matching its email or phone, or a new one. */
    private Uni<Target> target(Lead lead, ConvertLeadRequest request) {
        if (request.customerId() != null) {
            return customers.requester(request.customerId(), null).map(id -> new Target(id, null, "requested"));
        }
        return customers.findByContact(lead.email, lead.phone).chain(match -> {
            if (match != null) {
                return Uni.createFrom().item(new Target(match.customerId(), null, match.matchedBy()));
            }
            return customers.create(customerOf(lead)).map(created -> new Target(created.id(), created, "new"));
        });
    }

    private static CreateCustomerRequest customerOf(Lead lead) {
        return new CreateCustomerRequest(
                null,
                lead.givenName,
                lead.familyName,
                lead.email == null ? null : List.of(new EmailAddress(lead.email, true, null)),
                lead.phone == null ? null : List.of(new PhoneNumber(lead.phone, true, null)),
                null,
                null,
                null,
                null,
                List.of(lead.tags),
                lead.ownerId,
                null,
                null);
    }
}
