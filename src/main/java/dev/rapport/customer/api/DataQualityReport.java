package dev.rapport.customer.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How clean the customer data is: each check with the number of live customers it finds")
public record DataQualityReport(
        @Schema(description = "Live customers looked at") long customers,

        @Schema(description = "The checks, each listed page by page at /v1/data-quality/report/{check}")
        List<Check> checks,

        @Schema(description = "When the report was computed")
        OffsetDateTime computedAt) {

    @Schema(name = "DataQualityCheck", description = "One check and how many customers it finds")
    public record Check(
            @Schema(
                    description = "inactive, invalid_phone, no_contact_point, missing_consents or duplicates",
                    examples = "inactive")
            String check,

            @Schema(description = "What it finds") String description,

            @Schema(description = "How many live customers it finds")
            long count) {}
}
