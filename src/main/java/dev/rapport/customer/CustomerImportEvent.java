package dev.rapport.customer;

/** The event types of customer imports (their payload is the import, {@code ImportView}) and a catalogue example. */
public final class CustomerImportEvent {

    public static final String SUBJECT = "customer_import";
    public static final String STARTED = "customer_import.started";
    public static final String FINISHED = "customer_import.finished";

    public static final String FINISHED_EXAMPLE = """
            {
              "id": "01a20750-11ae-7a01-a3fe-1cfe770fd111",
              "type": "customer_import.finished",
              "createdAt": "2026-12-04T10:02:00Z",
              "subjectType": "customer_import",
              "subjectId": "01a20750-0000-7a01-a3fe-1cfe770fd000",
              "data": {
                "id": "01a20750-0000-7a01-a3fe-1cfe770fd000",
                "status": "succeeded",
                "format": "csv",
                "match": "externalIdOrEmail",
                "columns": { "Customer no": "externalId", "E-mail": "email" },
                "progress": { "total": 1000, "read": 1000, "created": 990, "updated": 8, "failed": 2 },
                "requestedBy": "crm-sync",
                "createdAt": "2026-12-04T10:00:00Z",
                "startedAt": "2026-12-04T10:01:00Z",
                "finishedAt": "2026-12-04T10:02:00Z"
              }
            }""";

    private CustomerImportEvent() {}
}
