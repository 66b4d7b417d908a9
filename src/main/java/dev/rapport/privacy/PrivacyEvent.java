package dev.rapport.privacy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The privacy domain's event types, payloads and catalogue examples. */
public final class PrivacyEvent {

    public static final String SUBJECT = "customer";
    public static final String LEGAL_HOLD_PLACED = "customer.legal_hold_placed";
    public static final String LEGAL_HOLD_LIFTED = "customer.legal_hold_lifted";
    public static final String EXPORT_REQUESTED = "customer.export_requested";
    public static final String ERASURE_REQUESTED = "customer.erasure_requested";
    public static final String ERASED = "customer.erased";

    public static final String LEGAL_HOLD_PLACED_EXAMPLE = """
            {
              "id": "01a20746-66ae-7a01-a3fe-1cfe770fd666",
              "type": "customer.legal_hold_placed",
              "createdAt": "2026-11-23T09:24:00Z",
              "subjectType": "customer",
              "subjectId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
              "data": {
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "reason": "Pending litigation",
                "reference": "CASE-2026-114",
                "placedBy": "ada.admin",
                "placedAt": "2026-11-23T09:24:00Z"
              }
            }""";
    public static final String LEGAL_HOLD_LIFTED_EXAMPLE = """
            {
              "id": "01a20747-77ae-7a01-a3fe-1cfe770fd777",
              "type": "customer.legal_hold_lifted",
              "createdAt": "2026-11-30T10:00:00Z",
              "subjectType": "customer",
              "subjectId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
              "data": {
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8"
              }
            }""";

    public static final String ERASURE_REQUESTED_EXAMPLE = """
            {
              "id": "01a20748-88ae-7a01-a3fe-1cfe770fd888",
              "type": "customer.erasure_requested",
              "createdAt": "2026-12-04T09:00:00Z",
              "subjectType": "customer",
              "subjectId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
              "data": {
                "id": "01a20748-88ad-7a01-a3fe-1cfe770fd887",
                "kind": "erasure",
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "status": "queued",
                "progress": { "done": 0, "total": 9 },
                "reason": "Erasure request received by email",
                "reference": "DSR-2026-0042",
                "requestedBy": "ada.admin",
                "requestedAt": "2026-12-04T09:00:00Z"
              }
            }""";
    public static final String ERASED_EXAMPLE = """
            {
              "id": "01a20749-99ae-7a01-a3fe-1cfe770fd999",
              "type": "customer.erased",
              "createdAt": "2026-12-04T09:00:02Z",
              "subjectType": "customer",
              "subjectId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
              "data": {
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "mergedIds": ["01a2073a-1b2c-7482-91b6-bdac68fbb700"],
                "jobId": "01a20748-88ad-7a01-a3fe-1cfe770fd887",
                "erasedAt": "2026-12-04T09:00:02Z"
              }
            }""";

    private PrivacyEvent() {}

    /** Payload of {@code customer.erased}: a tombstone, without personal data, for downstream systems to erase too. */
    @RegisterForReflection
    @Schema(
            name = "CustomerErasedData",
            extensions = {
                @Extension(name = "x-event-types", value = ERASED),
                @Extension(name = "x-event-example", value = ERASED_EXAMPLE, parseValue = true)
            },
            description = "The data of customer.erased: the customer (and the duplicates merged into it) whose"
                    + " personal data was erased")
    public record Erased(
            @Schema(description = "The customer") UUID customerId,

            @Schema(description = "The customers merged into it earlier, erased with it")
            List<UUID> mergedIds,

            @Schema(description = "The erasure job") UUID jobId,
            @Schema(description = "When") OffsetDateTime erasedAt) {}

    /** Payload of {@code customer.legal_hold_lifted}. */
    @RegisterForReflection
    @Schema(
            name = "LegalHoldLiftedData",
            extensions = {
                @Extension(name = "x-event-types", value = LEGAL_HOLD_LIFTED),
                @Extension(name = "x-event-example", value = LEGAL_HOLD_LIFTED_EXAMPLE, parseValue = true)
            },
            description = "The data of customer.legal_hold_lifted")
    public record Lifted(
            @Schema(description = "The customer") UUID customerId) {}
}
