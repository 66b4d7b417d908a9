package dev.rapport.ticket.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.ticket.TicketEvent;

@Type("Ticket")
@Description("A support ticket")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "Ticket",
        extensions = {
            @Extension(name = "x-event-types", value = TicketEvent.CREATED),
            @Extension(name = "x-event-example", value = TicketEvent.CREATED_EXAMPLE, parseValue = true)
        },
        description = "A support ticket: who asked, about what, how urgent, and where it stands")
public record TicketView(
        @Schema(description = "Ticket id") @Description("Ticket id")
        UUID id,

        @Schema(description = "Human-friendly number, unique per partner", examples = "T-1042")
        @Description("Human-friendly number, unique per partner, for example T-1042")
        String number,

        @Schema(description = "The requester: the customer the ticket is for")
        @Description("The requester: the customer the ticket is for")
        UUID customerId,

        @Schema(description = "Subject") @Description("Subject")
        String subject,

        @Schema(
                description = "new, open, pending (waiting for the requester), on_hold (waiting for a third party), "
                        + "solved or closed",
                enumeration = {"new", "open", "pending", "on_hold", "solved", "closed"})
        @Description("new, open, pending, on_hold, solved or closed")
        String status,

        @Schema(
                description = "low, normal, high or urgent",
                enumeration = {"low", "normal", "high", "urgent"})
        @Description("low, normal, high or urgent")
        String priority,

        @Schema(
                description = "question, incident, problem or task",
                enumeration = {"question", "incident", "problem", "task"})
        @Description("question, incident, problem or task")
        String type,

        @Schema(
                description = "Where the ticket came from",
                enumeration = {"email", "chat", "phone", "web", "social", "in_app"})
        @Description("Where the ticket came from: email, chat, phone, web, social or in_app")
        String channel,

        @Schema(description = "User id of the agent working it") @Description("User id of the agent working it")
        String assigneeId,

        @Schema(description = "Team") @Description("Team") String team,
        @Schema(description = "Tags") @Description("Tags") List<String> tags,
        @Schema(description = "Custom attributes") @Ignore Map<String, Object> attributes,

        @Schema(description = "The closed ticket this one follows up")
        @Description("The closed ticket this one follows up")
        UUID followUpOf,

        @Schema(description = "The SLA policy the ticket is held to; absent when none matches")
        @Description("The SLA policy the ticket is held to; null when none matches")
        UUID slaPolicyId,

        @Schema(description = "The earliest due time of its running SLA clocks")
        @Description("The earliest due time of its running SLA clocks")
        OffsetDateTime slaDueAt,

        @Schema(description = "The partner whose client created this ticket; absent for in-house tickets")
        @Description("The partner whose client created this ticket; null for in-house tickets")
        String partnerId,

        @Schema(description = "When an agent first replied publicly (the first response)")
        @Description("When an agent first replied publicly (the first response)")
        OffsetDateTime firstResponseAt,

        @Schema(description = "When it was last solved") @Description("When it was last solved")
        OffsetDateTime solvedAt,

        @Schema(description = "When it was closed") @Description("When it was closed")
        OffsetDateTime closedAt,

        @Schema(description = "How often a solved ticket was reopened")
        @Description("How often a solved ticket was reopened")
        int reopenCount,

        @Schema(description = "When it was created") @Description("When it was created")
        OffsetDateTime createdAt,

        @Schema(description = "When it last changed") @Description("When it last changed")
        OffsetDateTime updatedAt,

        @Schema(description = "Version; the ETag carries the same value")
        @Description("Version; pass it as ifMatchVersion to update without overwriting a concurrent change")
        long version) {}
