package dev.rapport.lead.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("PipelineStage")
@Description("A stage of a pipeline")
@Schema(name = "PipelineStage", description = "A stage of a pipeline")
public record PipelineStage(
        @Schema(
                description = "Key a lead's stage names, unique in the pipeline",
                required = true,
                examples = "qualified")
        @Description("Key a lead's stage names, unique in the pipeline")
        @NotNull
        @Pattern(regexp = "[a-z0-9_]{1,40}", message = "must be 1 to 40 lower-case letters, digits or _")
        String key,

        @Schema(description = "Name to show", required = true, examples = "Qualified")
        @Description("Name to show")
        @NotBlank
        @Size(max = 100)
        String name,

        @Schema(description = "Win probability in percent, 0 to 100", required = true, examples = "50")
        @Description("Win probability in percent, 0 to 100")
        @NotNull
        @Min(0)
        @Max(100)
        Integer probability,

        @Schema(
                description = "open (in progress), won (converted) or lost (lost or disqualified)",
                required = true,
                enumeration = {"open", "won", "lost"})
        @Description("open, won or lost")
        @NotNull
        @Pattern(regexp = "open|won|lost", message = "must be open, won or lost")
        String category) {}
