package dev.rapport.ticket.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("SlaTargets")
@Input("SlaTargetsInput")
@Description("What a policy holds tickets of one priority to; ISO-8601 durations, an absent one is not measured")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "What a policy holds tickets of one priority to: ISO-8601 durations (PT4H, P2D); an absent "
                + "target is not measured. Business hours count by the policy's calendar.")
public record SlaTargets(
        @Schema(
                description = "The priority these targets are for",
                enumeration = {"low", "normal", "high", "urgent"},
                required = true)
        @Description("low, normal, high or urgent")
        @NotBlank
        @Pattern(regexp = "low|normal|high|urgent", message = "must be low, normal, high or urgent")
        String priority,

        @Schema(description = "From creation to the first public agent reply", examples = "PT1H")
        @Description("From creation to the first public agent reply")
        @Size(max = 40)
        String firstResponse,

        @Schema(description = "From a requester's public message to the next public agent reply", examples = "PT4H")
        @Description("From a requester's public message to the next public agent reply")
        @Size(max = 40)
        String nextReply,

        @Schema(description = "From creation to solved, not counting pending and on_hold time", examples = "PT8H")
        @Description("From creation to solved, not counting pending and on_hold time")
        @Size(max = 40)
        String resolution,

        @Schema(
                description = "Count business hours (the policy's calendar) rather than calendar time; true when the "
                        + "policy has a calendar and this is omitted")
        @Description("Count business hours rather than calendar time; true when the policy has a calendar")
        Boolean businessHours) {}
