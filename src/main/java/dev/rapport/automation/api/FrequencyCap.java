package dev.rapport.automation.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("FrequencyCap")
@Input("FrequencyCapInput")
@Description("At most count firings for one customer in any period; more are skipped and recorded as such")
@Schema(description = "At most count firings for one customer in any period; more are skipped, and recorded so")
public record FrequencyCap(
        @Schema(description = "Firings allowed per period", examples = "1", required = true)
        @Description("Firings allowed per period")
        @NonNull
        @Min(1)
        @Max(1000)
        Integer count,

        @Schema(description = "ISO-8601 duration, from one minute to a year", examples = "P7D", required = true)
        @Description("ISO-8601 duration, from one minute to a year")
        @NonNull
        @NotBlank
        @Size(max = 40)
        String period) {}
