package dev.rapport.lead;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.customer.CustomerService;
import dev.rapport.customer.api.CustomerView;
import dev.rapport.lead.api.ConvertLeadRequest;
import dev.rapport.lead.api.CreateLeadNoteRequest;
import dev.rapport.lead.api.CreateLeadRequest;
import dev.rapport.lead.api.CustomerLead;
import dev.rapport.lead.api.LeadConversionView;
import dev.rapport.lead.api.LeadInput;
import dev.rapport.lead.api.LeadMetrics;
import dev.rapport.lead.api.LeadNoteView;
import dev.rapport.lead.api.LeadPage;
import dev.rapport.lead.api.LeadScoreView;
import dev.rapport.lead.api.LeadStageStayView;
import dev.rapport.lead.api.LeadView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.json.JsonObjectText;
import dev.rapport.platform.paging.ListParameters;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.time.Plausible;
import dev.rapport.platform.web.GraphQLArguments;
import io.smallrye.mutiny.Uni;

/**
 * Leads in GraphQL: the same services, rules and error codes as REST. Nested lists are batched: a page of leads with
 * their notes, stage history and converted customers costs one statement per nested field.
 */
@GraphQLApi
public class LeadGraphQLApi {

    private static final int MAX_NOTES = 100;
    private static final JsonObjectText ATTRIBUTES = new JsonObjectText();

    private final LeadService leads;
    private final LeadConversionService conversion;
    private final LeadMetricsService metrics;
    private final CustomerService customers;
    private final ObjectMapper json;

    LeadGraphQLApi(
            LeadService leads,
            LeadConversionService conversion,
            LeadMetricsService metrics,
            CustomerService customers,
            ObjectMapper json) {
        this.leads = leads;
        this.conversion = conversion;
        this.metrics = metrics;
        this.customers = customers;
        this.json = json;
    }

    @Query("lead")
    @Description("One lead by id")
    @RolesAllowed(Roles.LEADS_READ)
    public Uni<LeadView> lead(@NonNull @Id String id) {
        return leads.get(GraphQLArguments.id(id));
    }

    @Query("leads")
    @Description("Leads, filtered, searched and sorted like GET /v1/leads; cursor-paged")
    @RolesAllowed(Roles.LEADS_READ)
    public Uni<LeadPage> leads(
            @Description("RSQL filter, for example stage==qualified;score=ge=50") String filter,
            @Description("Free-text search in names, email, phone and company") String q,
            @Description("Sort field, - prefix for descending: createdAt, updatedAt, stageEnteredAt, score, stage, "
                            + "ownerId")
                    String sort,
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return leads.list(ListParameters.of(limit, after, filter, sort, q))
                .map(page -> new LeadPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Query("leadMetrics")
    @Description("Pipeline figures over the leads captured in a range, as GET /v1/leads/metrics")
    @RolesAllowed(Roles.LEADS_READ)
    public Uni<LeadMetrics> leadMetrics(
            @Description("Range start; 30 days before to when null") @Plausible(ahead = "P366D") OffsetDateTime from,
            @Description("Range end, exclusive; now when null") @Plausible(ahead = "P366D") OffsetDateTime to,
            @Description("Pipeline id; the default pipeline when null") @Id String pipeline,
            @Description("week or month; month when null") String interval,
            @Description("source, owner or stage") String groupBy) {
        return metrics.metrics(from, to, pipeline == null ? null : GraphQLArguments.id(pipeline), interval, groupBy);
    }

    @Name("attributes")
    @RolesAllowed(Roles.LEADS_READ)
    @Description("Custom attributes as a JSON object")
    public String attributes(@Source LeadView lead) throws Exception {
        return ATTRIBUTES.to(lead.attributes());
    }

    @Name("notes")
    @Description("The lead's newest notes, newest first (the paged list is GET /v1/leads/{id}/notes)")
    @RolesAllowed(Roles.LEADS_READ)
    public Uni<List<List<LeadNoteView>>> notes(
            @Source List<LeadView> sources, @Description("How many, at most 100") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > MAX_NOTES) {
            throw DomainException.invalid("limit", "must be between 1 and " + MAX_NOTES);
        }
        List<UUID> ids = sources.stream().map(LeadView::id).toList();
        return leads.notesOf(ids, limit).map(byLead -> inOrder(ids, byLead));
    }

    @Name("history")
    @Description("Every stage the lead was in, oldest first, with the time spent in each")
    @RolesAllowed(Roles.LEADS_READ)
    public Uni<List<List<LeadStageStayView>>> history(@Source List<LeadView> sources) {
        List<UUID> ids = sources.stream().map(LeadView::id).toList();
        return leads.historyOf(ids).map(byLead -> inOrder(ids, byLead));
    }

    @Name("customer")
    @Description("The customer the lead was converted to; needs customers:read")
    @RolesAllowed(Roles.CUSTOMERS_READ)
    public Uni<List<CustomerView>> customer(@Source List<LeadView> sources) {
        List<UUID> ids = sources.stream()
                .map(LeadView::customerId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        return customers
                .find(ids)
                .map(found -> sources.stream()
                        .map(lead -> lead.customerId() == null ? null : found.get(lead.customerId()))
                        .toList());
    }

    @Name("scoreExplanation")
    @Description("The lead's score explained rule by rule, computed now (one lead at a time)")
    @RolesAllowed(Roles.LEADS_READ)
    public Uni<LeadScoreView> scoreExplanation(@Source LeadView lead) {
        return leads.score(lead.id());
    }

    @Name("lead")
    @Description("The lead domain's part of the 360 view: the lead the customer was converted from")
    @RolesAllowed(Roles.LEADS_READ)
    public Uni<List<CustomerLead>> customerLead(@Source List<CustomerView> sources) {
        List<UUID> ids = sources.stream().map(CustomerView::id).toList();
        return leads.forCustomers(ids).map(parts -> ids.stream().map(parts::get).toList());
    }

    @Mutation("createLead")
    @Description("Capture a lead")
    @RolesAllowed(Roles.LEADS_WRITE)
    public Uni<LeadView> createLead(@NonNull LeadInput input) {
        CreateLeadRequest request;
        try {
            request = input.toRequest();
        } catch (Exception e) {
            throw DomainException.invalid("attributes", "must be a JSON object");
        }
        return leads.create(request);
    }

    @Mutation("updateLead")
    @Description("Change a lead with a JSON merge patch, the same document PATCH /v1/leads/{id} takes")
    @RolesAllowed(Roles.LEADS_WRITE)
    public Uni<LeadView> updateLead(
            @NonNull @Id String id,
            @NonNull @Description("JSON merge patch, for example {\"stage\": \"qualified\"}") String patch,
            @Description("The version the change is based on; a stale one fails with precondition-failed")
                    Long ifMatchVersion) {
        return leads.update(
                GraphQLArguments.id(id),
                GraphQLArguments.json(json, patch),
                ifMatchVersion == null ? null : ETags.of(ifMatchVersion));
    }

    @Mutation("addLeadNote")
    @Description("Add a note or an activity to a lead's timeline")
    @RolesAllowed(Roles.LEADS_WRITE)
    public Uni<LeadNoteView> addLeadNote(@NonNull @Id String leadId, @NonNull CreateLeadNoteRequest input) {
        return leads.addNote(GraphQLArguments.id(leadId), input);
    }

    @Mutation("convertLead")
    @Description("Convert a lead to a customer, as POST /v1/leads/{id}/convert; needs customers:write too")
    @RolesAllowed(Roles.LEADS_WRITE)
    public Uni<LeadConversionView> convertLead(@NonNull @Id String id, ConvertLeadRequest input) {
        return conversion.convert(GraphQLArguments.id(id), input);
    }

    private static <T> List<List<T>> inOrder(List<UUID> ids, Map<UUID, List<T>> byId) {
        return ids.stream().map(id -> byId.getOrDefault(id, List.of())).toList();
    }
}
