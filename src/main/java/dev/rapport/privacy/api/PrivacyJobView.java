package dev.rapport.privacy.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.privacy.PrivacyEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@Schema(
        name = "PrivacyJob",
        extensions = {
            @Extension(
                    name = "x-event-types",
                    value = PrivacyEvent.EXPORT_REQUESTED + "," + PrivacyEvent.ERASURE_REQUESTED),
            @Extension(name = "x-event-example", value = PrivacyEvent.ERASURE_REQUESTED_EXAMPLE, parseValue = true)
        },
        description = "A privacy request being answered in the background: an export of a customer's data or its"
                + " erasure")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrivacyJobView(
        @Schema(description = "The job") UUID id,

        @Schema(
                description = "export or erasure",
                enumeration = {"export", "erasure"})
        String kind,

        @Schema(description = "The customer") UUID customerId,

        @Schema(
                description = "queued, running, succeeded, failed (see error), or expired (an export whose document"
                        + " was deleted after its retention)",
                enumeration = {"queued", "running", "succeeded", "failed", "expired"})
        String status,

        @Schema(description = "Parts of the work done") Progress progress,
        @Schema(description = "Why the request was made") String reason,

        @Schema(description = "A ticket or case number of the request")
        String reference,

        @Schema(description = "Who asked") String requestedBy,
        @Schema(description = "When it was asked") OffsetDateTime requestedAt,
        @Schema(description = "When the work started") OffsetDateTime startedAt,
        @Schema(description = "When it succeeded or failed") OffsetDateTime finishedAt,

        @Schema(description = "An export: when its document will be deleted")
        OffsetDateTime expiresAt,

        @Schema(description = "Why it failed") String error,

        @Schema(
                type = SchemaType.OBJECT,
                description = "An export that succeeded: the customer's whole record across domains, by part"
                        + " (profile, purchases, interactions, consentHistory, tickets, leads, loyaltyAccounts,"
                        + " surveyResponses, segmentMemberships …), each a list of records with every stored field")
        JsonNode document,

        @Schema(description = "An erasure that succeeded: what it did, by table")
        List<ErasedRecords> report) {

    @Schema(name = "PrivacyJobProgress", description = "How far a privacy job got")
    public record Progress(
            @Schema(description = "Parts done", examples = "3")
            int done,

            @Schema(description = "Parts in all", examples = "8")
            int total) {}
}
