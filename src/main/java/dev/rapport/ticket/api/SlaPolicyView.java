package dev.rapport.ticket.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.ticket.SlaEvent;

@Type("SlaPolicy")
@Description("An SLA policy")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "SlaPolicy",
        extensions = @Extension(name = "x-event-types", value = SlaEvent.POLICY_CREATED),
        description = "An SLA policy: a condition over ticket fields and targets per priority")
public record SlaPolicyView(
        @Schema(description = "Policy id") @Description("Policy id")
        UUID id,

        @Schema(description = "Name") @Description("Name") String name,

        @Schema(description = "Order among policies, lowest first") @Description("Order among policies, lowest first")
        int position,

        @Schema(description = "RSQL over ticket fields; absent matches every ticket")
        @Description("RSQL over ticket fields; null matches every ticket")
        String condition,

        @Schema(description = "The calendar business-hours targets count by")
        @Description("The calendar business-hours targets count by")
        UUID calendarId,

        @Schema(description = "Targets per priority") @Description("Targets per priority")
        List<SlaTargets> targets,

        @Schema(description = "The partner owning it; absent for in-house policies")
        @Description("The partner owning it; null for in-house policies")
        String partnerId,

        @Schema(description = "When it was created") @Description("When it was created")
        OffsetDateTime createdAt,

        @Schema(description = "When it last changed") @Description("When it last changed")
        OffsetDateTime updatedAt,

        @Schema(description = "Version; the ETag carries the same value")
        @Description("Version; pass it as ifMatchVersion to update without overwriting a concurrent change")
        long version) {}
