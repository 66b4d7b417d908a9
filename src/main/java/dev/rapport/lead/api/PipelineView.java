package dev.rapport.lead.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.lead.LeadEvent;

@Type("Pipeline")
@Description("A sales pipeline")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "Pipeline",
        extensions = @Extension(name = "x-event-types", value = LeadEvent.PIPELINE_CREATED),
        description = "A sales pipeline: its stages in order")
public record PipelineView(
        @Schema(description = "Pipeline id") @Description("Pipeline id")
        UUID id,

        @Schema(description = "Name") @Description("Name") String name,

        @Schema(description = "The stages, in order") @Description("The stages, in order")
        List<PipelineStage> stages,

        @Schema(description = "Whether leads that name no pipeline join this one")
        @Description("Whether leads that name no pipeline join this one")
        boolean isDefault,

        @Schema(description = "The partner that defined it; absent for in-house pipelines")
        @Description("The partner that defined it; null for in-house pipelines")
        String partnerId,

        @Schema(description = "When it was created") @Description("When it was created")
        OffsetDateTime createdAt,

        @Schema(description = "When it last changed") @Description("When it last changed")
        OffsetDateTime updatedAt,

        @Schema(description = "Version; the ETag carries the same value")
        @Description("Version; the ETag carries the same value")
        long version) {}
