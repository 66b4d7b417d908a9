package dev.rapport.privacy;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The privacy domain's event types, payloads and catalogue examples. */
public final class PrivacyEvent {

    public static final String SUBJECT = "customer";
    public static final String LEGAL_HOLD_PLACED = "customer.legal_hold_placed";
    public static final String LEGAL_HOLD_LIFTED = "customer.legal_hold_lifted";

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

    private PrivacyEvent() {}

    /** Payload of {@code customer.legal_hold_lifted}. */
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
