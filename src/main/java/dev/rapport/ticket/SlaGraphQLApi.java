package dev.rapport.ticket;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.db.ETags;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.GraphQLArguments;
import dev.rapport.ticket.api.BusinessCalendarPage;
import dev.rapport.ticket.api.BusinessCalendarView;
import dev.rapport.ticket.api.CreateBusinessCalendarRequest;
import dev.rapport.ticket.api.CreateSlaPolicyRequest;
import dev.rapport.ticket.api.SlaPolicyPage;
import dev.rapport.ticket.api.SlaPolicyView;
import io.smallrye.mutiny.Uni;

/** Business calendars and SLA policies in GraphQL: the same service, rules and error codes as REST. */
@GraphQLApi
public class SlaGraphQLApi {

    private final BusinessCalendarService calendars;
    private final SlaPolicyService policies;
    private final ObjectMapper json;

    SlaGraphQLApi(BusinessCalendarService calendars, SlaPolicyService policies, ObjectMapper json) {
        this.calendars = calendars;
        this.policies = policies;
        this.json = json;
    }

    @Query("businessCalendar")
    @Description("One business calendar by id")
    @RolesAllowed(Roles.TICKETS_READ)
    public Uni<BusinessCalendarView> businessCalendar(@NonNull @Id String id) {
        return calendars.calendar(GraphQLArguments.id(id));
    }

    @Query("businessCalendars")
    @Description("Business calendars, oldest first, cursor-paged")
    @RolesAllowed(Roles.TICKETS_READ)
    public Uni<BusinessCalendarPage> businessCalendars(
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return calendars
                .calendars(PageRequest.of(Integer.toString(limit), after, BusinessCalendarService.CALENDARS))
                .map(page -> new BusinessCalendarPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Query("slaPolicy")
    @Description("One SLA policy by id")
    @RolesAllowed(Roles.TICKETS_READ)
    public Uni<SlaPolicyView> slaPolicy(@NonNull @Id String id) {
        return policies.policy(GraphQLArguments.id(id));
    }

    @Query("slaPolicies")
    @Description("SLA policies in the order they are tried, cursor-paged")
    @RolesAllowed(Roles.TICKETS_READ)
    public Uni<SlaPolicyPage> slaPolicies(
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return policies.policies(PageRequest.of(Integer.toString(limit), after, SlaPolicyService.POLICIES))
                .map(page -> new SlaPolicyPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Mutation("createBusinessCalendar")
    @Description("Define a business calendar")
    @RolesAllowed(Roles.TICKETS_MANAGE)
    public Uni<BusinessCalendarView> createBusinessCalendar(@NonNull @Valid CreateBusinessCalendarRequest input) {
        return calendars.createCalendar(input);
    }

    @Mutation("updateBusinessCalendar")
    @Description("Change a business calendar with a JSON merge patch, as PATCH /v1/business-calendars/{id}")
    @RolesAllowed(Roles.TICKETS_MANAGE)
    public Uni<BusinessCalendarView> updateBusinessCalendar(
            @NonNull @Id String id, @NonNull @Description("JSON merge patch") String patch, Long ifMatchVersion) {
        return calendars.updateCalendar(
                GraphQLArguments.id(id),
                GraphQLArguments.json(json, patch),
                ifMatchVersion == null ? null : ETags.of(ifMatchVersion));
    }

    @Mutation("deleteBusinessCalendar")
    @Description("Delete a business calendar no policy counts by; returns its id")
    @RolesAllowed(Roles.TICKETS_MANAGE)
    @Id
    public Uni<String> deleteBusinessCalendar(@NonNull @Id String id, Long ifMatchVersion) {
        return calendars
                .deleteCalendar(GraphQLArguments.id(id), ifMatchVersion == null ? null : ETags.of(ifMatchVersion))
                .replaceWith(id);
    }

    @Mutation("createSlaPolicy")
    @Description("Define an SLA policy")
    @RolesAllowed(Roles.TICKETS_MANAGE)
    public Uni<SlaPolicyView> createSlaPolicy(@NonNull @Valid CreateSlaPolicyRequest input) {
        return policies.createPolicy(input);
    }

    @Mutation("updateSlaPolicy")
    @Description("Change an SLA policy with a JSON merge patch, as PATCH /v1/sla-policies/{id}")
    @RolesAllowed(Roles.TICKETS_MANAGE)
    public Uni<SlaPolicyView> updateSlaPolicy(
            @NonNull @Id String id, @NonNull @Description("JSON merge patch") String patch, Long ifMatchVersion) {
        return policies.updatePolicy(
                GraphQLArguments.id(id),
                GraphQLArguments.json(json, patch),
                ifMatchVersion == null ? null : ETags.of(ifMatchVersion));
    }

    @Mutation("deleteSlaPolicy")
    @Description("Delete an SLA policy no ticket is held to; returns its id")
    @RolesAllowed(Roles.TICKETS_MANAGE)
    @Id
    public Uni<String> deleteSlaPolicy(@NonNull @Id String id, Long ifMatchVersion) {
        return policies.deletePolicy(GraphQLArguments.id(id), ifMatchVersion == null ? null : ETags.of(ifMatchVersion))
                .replaceWith(id);
    }
}
