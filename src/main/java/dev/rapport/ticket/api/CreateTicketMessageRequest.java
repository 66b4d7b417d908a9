package dev.rapport.ticket.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("TicketMessageInput")
@Description("A message to add to a ticket")
@Schema(
        description = "A message to add to a ticket: a public reply or an internal note, with a plain-text and/or an "
                + "HTML body (HTML is sanitized: only basic formatting and https links are kept)")
public record CreateTicketMessageRequest(
        @Schema(
                description = "public (the requester sees it) or internal (a note for agents); public when omitted",
                enumeration = {"public", "internal"})
        @Description("public or internal; public when omitted")
        @Pattern(regexp = "public|internal", message = "must be public or internal")
        String visibility,

        @Schema(
                description = "agent or requester; agent when omitted. The first public agent reply is the ticket's "
                        + "first response; a public requester message reopens a pending or solved ticket",
                enumeration = {"agent", "requester"})
        @Description("agent or requester; agent when omitted")
        @Pattern(regexp = "agent|requester", message = "must be agent or requester")
        String authorType,

        @Schema(description = "The author's user id; the caller when omitted for an agent")
        @Description("The author's user id; the caller when omitted for an agent")
        @Size(max = 200)
        String authorId,

        @Schema(description = "Plain-text body", examples = "Could you send a screenshot?")
        @Description("Plain-text body")
        @Size(max = 65_536)
        String bodyText,

        @Schema(description = "HTML body, sanitized on save", examples = "<p>Could you send a <b>screenshot</b>?</p>")
        @Description("HTML body, sanitized on save")
        @Size(max = 262_144)
        String bodyHtml,

        @Schema(description = "Attached files' metadata") @Description("Attached files' metadata") @Size(max = 20)
        List<@Valid Attachment> attachments) {}
