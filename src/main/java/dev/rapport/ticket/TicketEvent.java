package dev.rapport.ticket;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.event.ChangeSummary;
import dev.rapport.ticket.api.TicketMessageView;
import dev.rapport.ticket.api.TicketView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event types of the ticket domain and their payloads. Their subject is the ticket; each payload carries the
 * requester's {@code customerId}, so segments and triggers follow a customer's tickets.
 */
public final class TicketEvent {

    public static final String SUBJECT = "ticket";

    public static final String CREATED = "ticket.created";
    public static final String UPDATED = "ticket.updated";
    public static final String STATUS_CHANGED = "ticket.status_changed";
    public static final String ASSIGNED = "ticket.assigned";
    public static final String MESSAGE_ADDED = "ticket.message_added";
    public static final String SOLVED = "ticket.solved";
    public static final String REOPENED = "ticket.reopened";
    public static final String CLOSED = "ticket.closed";
    public static final String SLA_WARNING = "ticket.sla_warning";
    public static final String SLA_BREACHED = "ticket.sla_breached";
    public static final String SLA_POLICY_APPLIED = "ticket.sla_policy_applied";

    public static final String CREATED_EXAMPLE = """
            {
              "id": "01a2b000-5e6a-7a01-a3fe-1cfe770fd600",
              "type": "ticket.created",
              "createdAt": "2026-12-01T09:00:00Z",
              "subjectType": "ticket",
              "subjectId": "01a2b000-0000-7000-8000-0000000000c1",
              "data": {
                "id": "01a2b000-0000-7000-8000-0000000000c1",
                "number": "T-1042",
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "subject": "Card declined at checkout",
                "status": "new",
                "priority": "high",
                "type": "incident",
                "channel": "email",
                "team": "billing",
                "tags": ["payments"],
                "attributes": {},
                "slaPolicyId": "01a2a900-0000-7000-8000-0000000000a1",
                "slaDueAt": "2026-12-01T10:00:00Z",
                "reopenCount": 0,
                "createdAt": "2026-12-01T09:00:00Z",
                "updatedAt": "2026-12-01T09:00:00Z",
                "version": 0
              }
            }""";

    public static final String STATUS_EXAMPLE = """
            {
              "id": "01a2b001-5e6a-7a01-a3fe-1cfe770fd601",
              "type": "ticket.status_changed",
              "createdAt": "2026-12-01T09:30:00Z",
              "subjectType": "ticket",
              "subjectId": "01a2b000-0000-7000-8000-0000000000c1",
              "data": {
                "ticketId": "01a2b000-0000-7000-8000-0000000000c1",
                "number": "T-1042",
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "from": "open",
                "to": "solved"
              }
            }""";

    public static final String SLA_EXAMPLE = """
            {
              "id": "01a2b002-5e6a-7a01-a3fe-1cfe770fd602",
              "type": "ticket.sla_breached",
              "createdAt": "2026-12-01T10:00:00.180Z",
              "subjectType": "ticket",
              "subjectId": "01a2b000-0000-7000-8000-0000000000c1",
              "data": {
                "ticketId": "01a2b000-0000-7000-8000-0000000000c1",
                "number": "T-1042",
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "metric": "firstResponse",
                "target": "PT1H",
                "businessHours": false,
                "policyId": "01a2a900-0000-7000-8000-0000000000a1",
                "dueAt": "2026-12-01T10:00:00Z"
              }
            }""";

    private TicketEvent() {}

    /** Payload of {@code ticket.updated}. */
    @Schema(
            name = "TicketUpdatedData",
            extensions = @Extension(name = "x-event-types", value = UPDATED),
            description = "The data of ticket.updated: what changed, and the ticket as it is now")
    public record Updated(
            @Schema(description = "Ticket id") UUID id,
            @Schema(description = "The requester") UUID customerId,

            @Schema(description = "Names of the fields the change set")
            List<String> changedFields,

            @Schema(description = "The ticket after the change")
            TicketView ticket)
            implements ChangeSummary {}

    /** Payload of {@code ticket.status_changed}, {@code ticket.solved}, {@code ticket.reopened}, {@code ticket.closed}. */
    @RegisterForReflection
    @Schema(
            name = "TicketStatusChangedData",
            extensions = {
                @Extension(
                        name = "x-event-types",
                        value = STATUS_CHANGED + "," + SOLVED + "," + REOPENED + "," + CLOSED),
                @Extension(name = "x-event-example", value = STATUS_EXAMPLE, parseValue = true)
            },
            description = "The data of ticket.status_changed (and of solved, reopened and closed, which follow it)")
    public record StatusChanged(
            @Schema(description = "Ticket id") UUID ticketId,
            @Schema(description = "Ticket number") String number,
            @Schema(description = "The requester") UUID customerId,
            @Schema(description = "The status before") String from,
            @Schema(description = "The status now") String to) {}

    /** Payload of {@code ticket.assigned}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "TicketAssignedData",
            extensions = @Extension(name = "x-event-types", value = ASSIGNED),
            description = "The data of ticket.assigned: who works the ticket now, and who did before")
    public record Assigned(
            @Schema(description = "Ticket id") UUID ticketId,
            @Schema(description = "Ticket number") String number,
            @Schema(description = "The requester") UUID customerId,

            @Schema(description = "The assignee before; absent when there was none")
            String previousAssigneeId,

            @Schema(description = "The assignee now; absent when unassigned")
            String assigneeId,

            @Schema(description = "The team") String team) {}

    /** Payload of {@code ticket.message_added}. */
    @Schema(
            name = "TicketMessageAddedData",
            extensions = @Extension(name = "x-event-types", value = MESSAGE_ADDED),
            description = "The data of ticket.message_added: the message, public or internal")
    public record MessageAdded(
            @Schema(description = "Ticket id") UUID ticketId,
            @Schema(description = "Ticket number") String number,
            @Schema(description = "The requester") UUID customerId,
            @Schema(description = "The message") TicketMessageView message) {}

    /** Payload of {@code ticket.sla_policy_applied}: the policy a ticket is held to changed, its clocks recomputed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "TicketSlaPolicyAppliedData",
            extensions = @Extension(name = "x-event-types", value = SLA_POLICY_APPLIED),
            description = "The data of ticket.sla_policy_applied: the SLA policy a ticket is held to changed (a field "
                    + "a condition tests changed), and its clocks were recomputed")
    public record PolicyApplied(
            @Schema(description = "Ticket id") UUID ticketId,
            @Schema(description = "Ticket number") String number,
            @Schema(description = "The requester") UUID customerId,

            @Schema(description = "The policy before; absent when none applied")
            UUID previousPolicyId,

            @Schema(description = "The policy now; absent when none matches")
            UUID policyId) {}

    /**
     * Payload of {@code ticket.sla_warning} and {@code ticket.sla_breached}, written in SQL by {@link SlaScheduler};
     * this record documents it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "TicketSlaAlertData",
            extensions = {
                @Extension(name = "x-event-types", value = SLA_WARNING + "," + SLA_BREACHED),
                @Extension(name = "x-event-example", value = SLA_EXAMPLE, parseValue = true)
            },
            description = "The data of ticket.sla_warning (the configured share of a target has been counted) and "
                    + "ticket.sla_breached (the whole target has been counted, at dueAt)")
    public record SlaAlert(
            @Schema(description = "Ticket id") UUID ticketId,
            @Schema(description = "Ticket number") String number,
            @Schema(description = "The requester") UUID customerId,

            @Schema(description = "firstResponse, nextReply or resolution")
            String metric,

            @Schema(description = "The target, ISO-8601") String target,

            @Schema(description = "Whether business hours count")
            boolean businessHours,

            @Schema(description = "The policy") UUID policyId,

            @Schema(description = "When the target falls due")
            OffsetDateTime dueAt,

            @Schema(description = "For a warning: when the share of the target was reached")
            OffsetDateTime warnAt) {}
}
