package dev.rapport.automation;

import java.util.List;
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

import dev.rapport.automation.api.CreateTriggerRequest;
import dev.rapport.automation.api.TriggerAction;
import dev.rapport.automation.api.TriggerInput;
import dev.rapport.automation.api.TriggerPage;
import dev.rapport.automation.api.TriggerRunPage;
import dev.rapport.automation.api.TriggerTestRequest;
import dev.rapport.automation.api.TriggerTestResult;
import dev.rapport.automation.api.TriggerView;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.security.Roles;
import dev.rapport.platform.web.GraphQLArguments;
import io.smallrye.mutiny.Uni;

/** Triggers in GraphQL: the same operations as /v1/triggers, through {@link TriggerService}. */
@GraphQLApi
public class TriggerGraphQLApi {

    private final TriggerService triggers;
    private final ObjectMapper json;

    TriggerGraphQLApi(TriggerService triggers, ObjectMapper json) {
        this.triggers = triggers;
        this.json = json;
    }

    @Query("trigger")
    @Description("One trigger by id")
    @RolesAllowed(Roles.AUTOMATIONS_READ)
    public Uni<TriggerView> trigger(@NonNull @Id String id) {
        return triggers.get(GraphQLArguments.id(id));
    }

    @Query("triggers")
    @Description("Triggers, newest first, cursor-paged")
    @RolesAllowed(Roles.AUTOMATIONS_READ)
    public Uni<TriggerPage> triggers(
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return triggers.list(PageRequest.of(Integer.toString(limit), after, TriggerService.NEWEST_FIRST))
                .map(page -> new TriggerPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Query("triggerRuns")
    @Description(
            "A trigger's firings, newest first: causing event or date, customer, conditions, each action's outcome")
    @RolesAllowed(Roles.AUTOMATIONS_READ)
    public Uni<TriggerRunPage> triggerRuns(
            @NonNull @Id String id,
            @Description("Only runs of this status: running, succeeded, failed or skipped") String status,
            @Description("Page size, 1 to 100") @DefaultValue("20") int limit,
            @Description("nextCursor of the previous page") String after) {
        return triggers.runs(
                        GraphQLArguments.id(id),
                        status,
                        PageRequest.of(Integer.toString(limit), after, TriggerService.RUNS))
                .map(page -> new TriggerRunPage(page.data(), page.nextCursor(), page.hasMore()));
    }

    @Query("triggerTest")
    @Description("What a trigger would do for a stored event, an event described here, or a customer; nothing changes")
    @RolesAllowed(Roles.AUTOMATIONS_READ)
    public Uni<TriggerTestResult> triggerTest(
            @NonNull @Id String id,
            @Description("A stored event's id") UUID eventId,
            @Description("The type of an event described here") String eventType,
            @Description("The customer: of the described event, or alone for a date trigger") UUID customerId,
            @Description("The described event's data, a JSON object's text") String data) {
        TriggerTestRequest.Event event = eventType == null
                ? null
                : new TriggerTestRequest.Event(
                        eventType, customerId, data == null ? null : GraphQLArguments.json(json, data));
        return triggers.test(
                GraphQLArguments.id(id), new TriggerTestRequest(eventId, event, event == null ? customerId : null));
    }

    @Name("settings")
    @Description("The action's settings, a JSON object's text")
    @RolesAllowed(Roles.AUTOMATIONS_READ)
    public List<String> settings(@Source List<TriggerAction> actions) {
        return actions.stream()
                .map(action ->
                        action.settings() == null ? "{}" : action.settings().toString())
                .toList();
    }

    @Mutation("createTrigger")
    @Description("Define a trigger")
    @RolesAllowed(Roles.AUTOMATIONS_MANAGE)
    public Uni<TriggerView> createTrigger(@NonNull TriggerInput input) {
        List<TriggerAction> actions = input.actions().stream()
                .map(action -> new TriggerAction(
                        action.type(),
                        action.settings() == null ? null : GraphQLArguments.json(json, action.settings())))
                .toList();
        return triggers.create(new CreateTriggerRequest(
                input.name(),
                input.description(),
                input.kind(),
                input.eventTypes(),
                input.date(),
                input.schedule(),
                input.condition(),
                actions,
                input.frequencyCap(),
                input.enabled()));
    }

    @Mutation("updateTrigger")
    @Description("Change a trigger with a JSON merge patch, the same document PATCH /v1/triggers/{id} takes")
    @RolesAllowed(Roles.AUTOMATIONS_MANAGE)
    public Uni<TriggerView> updateTrigger(
            @NonNull @Id String id,
            @NonNull @Description("JSON merge patch, for example {\"enabled\": false}") String patch,
            @Description("The version the change is based on; a stale one fails with precondition-failed")
                    Long ifMatchVersion) {
        return triggers.update(
                GraphQLArguments.id(id),
                GraphQLArguments.json(json, patch),
                ifMatchVersion == null ? null : ETags.of(ifMatchVersion));
    }

    @Mutation("deleteTrigger")
    @Description("Delete a trigger with its runs; returns its id")
    @RolesAllowed(Roles.AUTOMATIONS_MANAGE)
    @Id
    public Uni<String> deleteTrigger(@NonNull @Id String id, Long ifMatchVersion) {
        return triggers.delete(GraphQLArguments.id(id), ifMatchVersion == null ? null : ETags.of(ifMatchVersion))
                .replaceWith(id);
    }
}
