package dev.rapport.ticket.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("SlaPolicyInput")
@Description("An SLA policy to define")
@Schema(
        description = "An SLA policy: tickets matching its condition are held to its targets for their priority. "
                + "Policies are tried by position (then age); the first match applies, at creation and again when a "
                + "field a condition tests changes. PATCH (merge patch) takes any subset; arrays are replaced whole.")
public record CreateSlaPolicyRequest(
        @Schema(description = "Name", examples = "Enterprise", required = true)
        @Description("Name")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(description = "Order among policies, lowest first; 0 when omitted", examples = "10")
        @Description("Order among policies, lowest first; 0 when omitted")
        @Min(0)
        @Max(1_000_000)
        Integer position,

        @Schema(
                description = "RSQL over ticket fields: priority, status, type, channel, team, assigneeId, tags, "
                        + "attributes.<key>, subject; absent matches every ticket",
                examples = "tags==enterprise,team==billing")
        @Description("RSQL over ticket fields; null matches every ticket")
        @Size(max = 2000)
        String condition,

        @Schema(description = "The business calendar business-hours targets count by; calendar time without one")
        @Description("The business calendar business-hours targets count by; calendar time without one")
        UUID calendarId,

        @Schema(description = "Targets per priority, one entry per priority at most", required = true)
        @Description("Targets per priority, one entry per priority at most")
        @NotEmpty
        @Size(max = 4)
        List<@NotNull @Valid SlaTargets> targets) {}
