package dev.rapport.segment.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A rule to try: nothing is stored")
public record SegmentPreviewRequest(
        @Schema(description = "RSQL over customer facts", examples = SegmentRule.EXAMPLE, required = true)
        @NotBlank
        @Size(max = 2000)
        String rule,

        @Schema(description = "How many matching customers to show, 0 to 100; 10 when omitted") @Min(0) @Max(100)
        Integer sampleSize) {}
