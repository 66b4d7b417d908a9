package dev.rapport.ticket.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("TicketMessage")
@Description("A message on a ticket")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TicketMessage", description = "A message on a ticket: a public reply or an internal note")
public record TicketMessageView(
        @Schema(description = "Message id") @Description("Message id")
        UUID id,

        @Schema(description = "Ticket id") @Description("Ticket id")
        UUID ticketId,

        @Schema(
                description = "public or internal",
                enumeration = {"public", "internal"})
        @Description("public or internal")
        String visibility,

        @Schema(
                description = "agent or requester",
                enumeration = {"agent", "requester"})
        @Description("agent or requester")
        String authorType,

        @Schema(description = "The author's user id") @Description("The author's user id")
        String authorId,

        @Schema(description = "Plain-text body") @Description("Plain-text body")
        String bodyText,

        @Schema(description = "Sanitized HTML body") @Description("Sanitized HTML body")
        String bodyHtml,

        @Schema(description = "Attached files") @Description("Attached files")
        List<Attachment> attachments,

        @Schema(description = "When it was written") @Description("When it was written")
        OffsetDateTime createdAt) {}
