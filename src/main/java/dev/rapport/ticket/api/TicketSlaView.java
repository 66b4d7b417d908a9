package dev.rapport.ticket.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("TicketSla")
@Description("A ticket's SLA: the policy it is held to and its clocks")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TicketSla", description = "A ticket's SLA: the policy it is held to and its clocks, read now")
public record TicketSlaView(
        @Schema(description = "Ticket id") @Description("Ticket id")
        UUID ticketId,

        @Schema(description = "The policy; absent when none matches the ticket")
        @Description("The policy; null when none matches the ticket")
        UUID policyId,

        @Schema(description = "The policy's name") @Description("The policy's name")
        String policyName,

        @Schema(description = "The clocks of the targets the policy sets for the ticket's priority")
        @Description("The clocks of the targets the policy sets for the ticket's priority")
        List<SlaClockView> clocks) {}
