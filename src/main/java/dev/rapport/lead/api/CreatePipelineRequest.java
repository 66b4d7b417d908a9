package dev.rapport.lead.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("PipelineInput")
@Description("A pipeline to define")
@Schema(
        description =
                "A pipeline: stages in order, at least one open and one won. A PATCH (application/merge-patch+json) "
                        + "may rename it or replace its stages; a stage that leads are in cannot be removed.")
public record CreatePipelineRequest(
        @Schema(description = "Name", required = true, examples = "Enterprise sales")
        @Description("Name")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(description = "The stages, in order", required = true)
        @Description("The stages, in order")
        @NotNull
        @Size(min = 2, max = 30)
        List<@NotNull @Valid PipelineStage> stages) {}
