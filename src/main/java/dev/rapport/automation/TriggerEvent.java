package dev.rapport.automation;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.automation.api.TriggerView;
import dev.rapport.event.ChangeSummary;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event types of the automation domain and their payloads. Their subject is the trigger. */
public final class TriggerEvent {

    public static final String SUBJECT = "trigger";

    public static final String CREATED = "trigger.created";
    public static final String UPDATED = "trigger.updated";
    public static final String DELETED = "trigger.deleted";
    public static final String FIRED = "trigger.fired";

    public static final String FIRED_EXAMPLE = """
            {
              "id": "01a2b001-5e6a-7a01-a3fe-1cfe770fd601",
              "type": "trigger.fired",
              "createdAt": "2026-12-24T08:00:00.120004Z",
              "subjectType": "trigger",
              "subjectId": "01a2b000-1111-7000-8000-0000000000bb",
              "data": {
                "triggerId": "01a2b000-1111-7000-8000-0000000000bb",
                "triggerName": "Birthday greeting",
                "runId": "01a2b001-5e69-7a01-a3fe-1cfe770fd600",
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "occurrence": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8/2026-12-24",
                "depth": 0,
                "conditions": [
                  "consents.email==true"
                ],
                "payload": {
                  "template": "birthday-2026"
                }
              }
            }""";

    public static final String CREATED_EXAMPLE = """
            {
              "id": "01a2b000-5e6a-7a01-a3fe-1cfe770fd5f0",
              "type": "trigger.created",
              "createdAt": "2026-12-01T09:00:00Z",
              "subjectType": "trigger",
              "subjectId": "01a2b000-1111-7000-8000-0000000000bb",
              "data": {
                "id": "01a2b000-1111-7000-8000-0000000000bb",
                "name": "Birthday greeting",
                "kind": "date",
                "date": {
                  "field": "birthday",
                  "offsetDays": 0,
                  "localTime": "09:00"
                },
                "condition": "consents.email==true",
                "actions": [
                  {
                    "type": "webhook",
                    "settings": {
                      "payload": {
                        "template": "birthday-2026"
                      }
                    }
                  },
                  {
                    "type": "addTags",
                    "settings": {
                      "tags": [
                        "birthday-greeted"
                      ]
                    }
                  }
                ],
                "enabled": true,
                "firedCount": 0,
                "createdAt": "2026-12-01T09:00:00Z",
                "updatedAt": "2026-12-01T09:00:00Z",
                "version": 0
              }
            }""";

    public static final String UPDATED_EXAMPLE = """
            {
              "id": "01a2b002-5e6a-7a01-a3fe-1cfe770fd5f2",
              "type": "trigger.updated",
              "createdAt": "2026-12-01T09:05:00Z",
              "subjectType": "trigger",
              "subjectId": "01a2b000-1111-7000-8000-0000000000bb",
              "data": {
                "id": "01a2b000-1111-7000-8000-0000000000bb",
                "changedFields": [
                  "enabled"
                ],
                "trigger": {
                  "id": "01a2b000-1111-7000-8000-0000000000bb",
                  "name": "Birthday greeting",
                  "kind": "date",
                  "actions": [],
                  "enabled": false,
                  "firedCount": 12,
                  "version": 1
                }
              }
            }""";

    public static final String DELETED_EXAMPLE = """
            {
              "id": "01a2b003-5e6a-7a01-a3fe-1cfe770fd5f3",
              "type": "trigger.deleted",
              "createdAt": "2026-12-01T09:10:00Z",
              "subjectType": "trigger",
              "subjectId": "01a2b000-1111-7000-8000-0000000000bb",
              "data": {
                "id": "01a2b000-1111-7000-8000-0000000000bb",
                "name": "Birthday greeting"
              }
            }""";

    private TriggerEvent() {}

    /** Payload of {@code trigger.fired}, written by the engine, not by a resource. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "TriggerFiredData",
            extensions = {
                @Extension(name = "x-event-types", value = FIRED),
                @Extension(name = "x-event-example", value = FIRED_EXAMPLE, parseValue = true)
            },
            description = "The data of trigger.fired: which trigger fired, for whom and what, and the static payload "
                    + "of its webhook action")
    public record Fired(
            @Schema(description = "Trigger id") UUID triggerId,
            @Schema(description = "Trigger name") String triggerName,

            @Schema(description = "The run, as GET /v1/triggers/{id}/runs shows it")
            UUID runId,

            @Schema(description = "The customer it fired for")
            UUID customerId,

            @Schema(description = "The causing event (event triggers)")
            UUID eventId,

            @Schema(description = "Its type") String eventType,

            @Schema(description = "What it fired for, once: the causing event's id, or customer and date")
            String occurrence,

            @Schema(description = "Firings before it in its chain")
            int depth,

            @Schema(description = "The conditions that held")
            List<String> conditions,

            @Schema(description = "The webhook action's static payload; absent without one")
            JsonNode payload) {}

    /** Payload of {@code trigger.updated}. */
    @Schema(
            name = "TriggerUpdatedData",
            extensions = {
                @Extension(name = "x-event-types", value = UPDATED),
                @Extension(name = "x-event-example", value = UPDATED_EXAMPLE, parseValue = true)
            },
            description = "The data of trigger.updated: what changed, and the trigger as it is now")
    public record Updated(
            @Schema(description = "Trigger id") UUID id,

            @Schema(description = "Names of the fields the change set")
            List<String> changedFields,

            @Schema(description = "The trigger after the change")
            TriggerView trigger)
            implements ChangeSummary {}

    /** Payload of {@code trigger.deleted}. */
    @Schema(
            name = "TriggerDeletedData",
            extensions = {
                @Extension(name = "x-event-types", value = DELETED),
                @Extension(name = "x-event-example", value = DELETED_EXAMPLE, parseValue = true)
            },
            description = "The data of trigger.deleted")
    public record Deleted(
            @Schema(description = "Id of the deleted trigger")
            UUID id,

            @Schema(description = "Its name") String name) {}
}
