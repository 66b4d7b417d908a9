package dev.rapport.customer;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.customer.api.CustomerView;
import dev.rapport.customer.api.MovedRecords;
import dev.rapport.event.ChangeSummary;

/** The event types the customer domain writes to the event log, and the payloads that are not plain views. */
public final class CustomerEvent {

    public static final String SUBJECT = "customer";

    public static final String CREATED = "customer.created";
    public static final String UPDATED = "customer.updated";
    public static final String DELETED = "customer.deleted";
    public static final String MERGED = "customer.merged";
    public static final String CONSENT_CHANGED = "consent.changed";
    public static final String PURCHASE_RECORDED = "purchase.recorded";
    public static final String PURCHASE_REFUNDED = "purchase.refunded";
    public static final String INTERACTION_LOGGED = "interaction.logged";

    /** Examples of the events, as the change feed and webhooks carry them (the OpenAPI document shows them). */
    public static final String CREATED_EXAMPLE = """
            {
              "id": "01a20740-dfae-72f3-b6fe-9cfe770fd503",
              "type": "customer.created",
              "createdAt": "2026-11-23T09:15:02.123456Z",
              "subjectType": "customer",
              "subjectId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
              "data": {
                "id": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "givenName": "Ada",
                "familyName": "Lovelace",
                "emails": [
                  {
                    "address": "ada@example.com",
                    "primary": true
                  }
                ],
                "tags": [
                  "vip"
                ],
                "version": 0
              }
            }""";

    public static final String UPDATED_EXAMPLE = """
            {
              "id": "01a20741-11ae-7a01-a3fe-1cfe770fd111",
              "type": "customer.updated",
              "createdAt": "2026-11-23T09:16:40.000001Z",
              "subjectType": "customer",
              "subjectId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
              "data": {
                "id": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "changedFields": [
                  "familyName"
                ],
                "customer": {
                  "id": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                  "familyName": "King",
                  "version": 1
                }
              }
            }""";
    public static final String DELETED_EXAMPLE = """
            {
              "id": "01a20742-22ae-7a01-a3fe-1cfe770fd222",
              "type": "customer.deleted",
              "createdAt": "2026-11-23T09:20:00Z",
              "subjectType": "customer",
              "subjectId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
              "data": {
                "id": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8"
              }
            }""";
    public static final String CONSENT_CHANGED_EXAMPLE = """
            {
              "id": "01a20745-55ae-7a01-a3fe-1cfe770fd555",
              "type": "consent.changed",
              "createdAt": "2026-11-23T09:23:00Z",
              "subjectType": "customer",
              "subjectId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
              "data": {
                "id": "01a20745-55ad-7000-8000-000000000003",
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "channel": "email",
                "granted": false,
                "source": "preference-center",
                "version": "newsletter-terms-v3",
                "actor": "alice.agent",
                "recordedAt": "2026-11-23T09:22:58Z"
              }
            }""";
    public static final String MERGED_EXAMPLE = """
            {
              "id": "01a20743-33ae-7a01-a3fe-1cfe770fd333",
              "type": "customer.merged",
              "createdAt": "2026-11-23T09:21:00Z",
              "subjectType": "customer",
              "subjectId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
              "data": {
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "mergedId": "01a2073c-1b2e-7c10-8a3f-2d9e4b7c1a55",
                "moved": [
                  {"table": "loyalty_account", "count": 1},
                  {"table": "purchase", "count": 3},
                  {"table": "ticket", "count": 1}
                ]
              }
            }""";
    public static final String PURCHASE_RECORDED_EXAMPLE = """
            {
              "id": "01a20743-33ae-7a01-a3fe-1cfe770fd333",
              "type": "purchase.recorded",
              "createdAt": "2026-11-23T09:21:00Z",
              "subjectType": "customer",
              "subjectId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
              "data": {
                "id": "01a20743-33ad-7000-8000-000000000001",
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "orderRef": "ORD-42",
                "amount": 129.90,
                "currency": "EUR",
                "items": [],
                "channel": "web",
                "occurredAt": "2026-11-23T09:20:58Z"
              }
            }""";
    public static final String INTERACTION_LOGGED_EXAMPLE = """
            {
              "id": "01a20744-44ae-7a01-a3fe-1cfe770fd444",
              "type": "interaction.logged",
              "createdAt": "2026-11-23T09:22:00Z",
              "subjectType": "customer",
              "subjectId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
              "data": {
                "id": "01a20744-44ad-7000-8000-000000000002",
                "customerId": "01a2073b-0a3f-7482-91b6-bdac68fbb7f8",
                "type": "call",
                "channel": "phone",
                "touchpoint": "support",
                "summary": "Asked about delivery",
                "actor": "alice.agent",
                "occurredAt": "2026-11-23T09:21:30Z"
              }
            }""";

    private CustomerEvent() {}

    /** Payload of {@code customer.updated}: the new state and the names of the fields that changed. */
    @Schema(
            name = "CustomerUpdatedData",
            extensions = {
                @Extension(name = "x-event-types", value = UPDATED),
                @Extension(name = "x-event-example", value = UPDATED_EXAMPLE, parseValue = true)
            },
            description = "The data of customer.updated: what changed, and the customer as it is now")
    public record Updated(
            @Schema(description = "Customer id") UUID id,

            @Schema(description = "Names of the fields the change set", examples = "[\"familyName\"]")
            List<String> changedFields,

            @Schema(description = "The customer after the change")
            CustomerView customer)
            implements ChangeSummary {}

    /** Payload of {@code customer.deleted}. */
    @Schema(
            name = "CustomerDeletedData",
            extensions = {
                @Extension(name = "x-event-types", value = DELETED),
                @Extension(name = "x-event-example", value = DELETED_EXAMPLE, parseValue = true)
            },
            description = "The data of customer.deleted")
    public record Deleted(
            @Schema(description = "Id of the deleted customer")
            UUID id,

            @Schema(description = "The customer it was merged into, when it was deleted by a merge; absent otherwise")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            UUID mergedInto) {}

    /** Payload of {@code customer.merged}: a duplicate merged into the survivor, and what moved, per table. */
    @Schema(
            name = "CustomerMergedData",
            extensions = {
                @Extension(name = "x-event-types", value = MERGED),
                @Extension(name = "x-event-example", value = MERGED_EXAMPLE, parseValue = true)
            },
            description = "The data of customer.merged; the duplicate's own customer.deleted carries mergedInto")
    public record Merged(
            @Schema(description = "The customer that remains")
            UUID customerId,

            @Schema(description = "The customer merged into it (now deleted; its id answers with the survivor)")
            UUID mergedId,

            @Schema(description = "The records moved, per table")
            List<MovedRecords> moved) {}
}
