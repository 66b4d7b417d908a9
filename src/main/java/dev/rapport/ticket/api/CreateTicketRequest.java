package dev.rapport.ticket.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The writable fields of a ticket. The same shape is the target of a merge patch: the current ticket is rendered as
 * this document, the patch merged in, and the result validated as a whole; customerId, requesterEmail, followUpOf
 * and message are set at creation only.
 */
@Schema(
        description = "A ticket to open. A PATCH (application/merge-patch+json) sends any subset of subject, status, "
                + "priority, type, channel, assigneeId, team, tags and attributes; a status change must follow the "
                + "transition table (README, Tickets), else 409 names the allowed moves.")
public record CreateTicketRequest(
        @Schema(description = "The requester, a customer id; or give requesterEmail")
        UUID customerId,

        @Schema(
                description = "The requester's email, instead of customerId: it resolves to the customer with that "
                        + "address in the caller's scope, or creates one",
                examples = "ada@example.com")
        @Size(max = 254)
        @Email
        String requesterEmail,

        @Schema(description = "Subject", examples = "Card declined at checkout", required = true)
        @NotBlank
        @Size(max = 500)
        String subject,

        @Schema(
                description = "The status to open in; new when omitted",
                enumeration = {"new", "open", "pending", "on_hold", "solved", "closed"})
        @Pattern(
                regexp = "new|open|pending|on_hold|solved|closed",
                message = "must be new, open, pending, on_hold, solved or closed")
        String status,

        @Schema(
                description = "low, normal, high or urgent; normal when omitted",
                enumeration = {"low", "normal", "high", "urgent"})
        @Pattern(regexp = "low|normal|high|urgent", message = "must be low, normal, high or urgent")
        String priority,

        @Schema(
                description = "question, incident, problem or task",
                enumeration = {"question", "incident", "problem", "task"})
        @Pattern(regexp = "question|incident|problem|task", message = "must be question, incident, problem or task")
        String type,

        @Schema(
                description = "Where it came from",
                enumeration = {"email", "chat", "phone", "web", "social", "in_app"})
        @Pattern(
                regexp = "email|chat|phone|web|social|in_app",
                message = "must be email, chat, phone, web, social or in_app")
        String channel,

        @Schema(description = "User id of the agent working it", examples = "agent-7") @Size(max = 200)
        String assigneeId,

        @Schema(description = "Team", examples = "billing")
        @Size(max = 100)
        @Pattern(regexp = "[\\p{L}\\p{N}_:. -]{1,100}", message = "must be 1 to 100 letters, digits, spaces or _:.-")
        String team,

        @Schema(description = "Free tags, lower-cased on save", examples = "[\"payments\"]") @Size(max = 50)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "[\\p{L}\\p{N}_:.-]{1,50}",
                                message = "must be 1 to 50 letters, digits or _:.-")
                        String>
                tags,

        @Schema(
                description = "Custom attributes: a JSON object of scalar values",
                examples = "{\"orderRef\": \"A-17\"}")
        @Size(max = 50)
        Map<String, Object> attributes,

        @Schema(description = "The closed ticket this one follows up (create only)")
        UUID followUpOf,

        @Schema(description = "The first message (create only), for example the requester's email") @Valid
        CreateTicketMessageRequest message) {}
