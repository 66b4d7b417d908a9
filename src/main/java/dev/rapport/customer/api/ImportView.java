package dev.rapport.customer.api;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.customer.CustomerImportEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@Schema(
        name = "CustomerImport",
        extensions = {
            @Extension(
                    name = "x-event-types",
                    value = CustomerImportEvent.STARTED + "," + CustomerImportEvent.FINISHED),
            @Extension(name = "x-event-example", value = CustomerImportEvent.FINISHED_EXAMPLE, parseValue = true)
        },
        description = "A bulk import of customers and how far it got")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportView(
        @Schema(description = "The import") UUID id,

        @Schema(
                description = "receiving (parts may be sent), queued, running, succeeded, failed (see error) or"
                        + " cancelled",
                enumeration = {"receiving", "queued", "running", "succeeded", "failed", "cancelled"})
        String status,

        @Schema(description = "ndjson or csv") String format,

        @Schema(description = "How a row finds the customer it updates")
        String match,

        @Schema(description = "CSV: the field of each column")
        Map<String, String> columns,

        @Schema(description = "Rows received, read and applied")
        Progress progress,

        @Schema(description = "Who started it") String requestedBy,
        @Schema(description = "When it was created") OffsetDateTime createdAt,

        @Schema(description = "When its rows began to be applied")
        OffsetDateTime startedAt,

        @Schema(description = "When it ended") OffsetDateTime finishedAt,
        @Schema(description = "Why it failed") String error) {

    @Schema(name = "CustomerImportProgress", description = "Rows of an import")
    public record Progress(
            @Schema(description = "Rows received in all parts", examples = "1000000")
            long total,

            @Schema(description = "Rows read so far", examples = "250000")
            long read,

            @Schema(description = "Customers created", examples = "240000")
            long created,

            @Schema(description = "Customers updated", examples = "9990")
            long updated,

            @Schema(description = "Rows not applied (see the errors)", examples = "10")
            long failed) {}
}
