package dev.rapport.segment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("SegmentInput")
@Description("A segment to define")
@Schema(
        description = "A segment to define. PATCH (merge patch) takes any subset of name, description, rule and "
                + "announceInitialMembers; the kind cannot change.")
public record CreateSegmentRequest(
        @Schema(description = "Name", examples = "VIP at risk", required = true)
        @Description("Name")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(description = "Free description") @Description("Free description") @Size(max = 2000)
        String description,

        @Schema(
                description = "dynamic or static",
                enumeration = {"dynamic", "static"},
                required = true)
        @Description("dynamic or static")
        @NotBlank
        @Pattern(regexp = "dynamic|static", message = "must be dynamic or static")
        String kind,

        @Schema(
                description = "Required for a dynamic segment, absent for a static one: RSQL over customer facts"
                        + " (README, Segments), relative times such as -P60D allowed",
                examples = SegmentRule.EXAMPLE)
        @Description("Required for a dynamic segment, absent for a static one: RSQL over customer facts")
        @Size(max = 2000)
        String rule,

        @Schema(description = "Whether the first members of the new segment emit segment.entered; false when omitted")
        @Description("Whether the first members of the new segment emit segment.entered; false when omitted")
        Boolean announceInitialMembers) {}
