package dev.rapport.event;

/** One example per event type, shown in the OpenAPI document (the event catalogue). */
final class EventCatalogue {

    static final String CUSTOMER_CREATED = "{\"data\": [{\"id\": \"01a20740-dfae-72f3-b6fe-9cfe770fd503\", "
            + "\"type\": \"customer.created\", \"createdAt\": \"2026-11-23T09:15:02.123456Z\", "
            + "\"subjectType\": \"customer\", \"subjectId\": \"01a2073b-0a3f-7482-91b6-bdac68fbb7f8\", "
            + "\"data\": {\"id\": \"01a2073b-0a3f-7482-91b6-bdac68fbb7f8\", \"givenName\": \"Ada\", "
            + "\"familyName\": \"Lovelace\", \"emails\": [{\"address\": \"ada@example.com\", \"primary\": true}], "
            + "\"tags\": [\"vip\"], \"version\": 0}}], \"nextCursor\": \"ZmVlZAo0Mg\", \"hasMore\": false}";
    static final String CUSTOMER_UPDATED = "{\"data\": [{\"id\": \"01a20741-11ae-7a01-a3fe-1cfe770fd111\", "
            + "\"type\": \"customer.updated\", \"createdAt\": \"2026-11-23T09:16:40.000001Z\", "
            + "\"subjectType\": \"customer\", \"subjectId\": \"01a2073b-0a3f-7482-91b6-bdac68fbb7f8\", "
            + "\"data\": {\"id\": \"01a2073b-0a3f-7482-91b6-bdac68fbb7f8\", \"changedFields\": [\"familyName\"], "
            + "\"customer\": {\"id\": \"01a2073b-0a3f-7482-91b6-bdac68fbb7f8\", \"familyName\": \"King\", "
            + "\"version\": 1}}}], \"nextCursor\": \"ZmVlZAo0Mw\", \"hasMore\": false}";
    static final String CUSTOMER_DELETED = "{\"data\": [{\"id\": \"01a20742-22ae-7a01-a3fe-1cfe770fd222\", "
            + "\"type\": \"customer.deleted\", \"createdAt\": \"2026-11-23T09:20:00Z\", \"subjectType\": \"customer\", "
            + "\"subjectId\": \"01a2073b-0a3f-7482-91b6-bdac68fbb7f8\", "
            + "\"data\": {\"id\": \"01a2073b-0a3f-7482-91b6-bdac68fbb7f8\"}}], \"nextCursor\": \"ZmVlZAo0NA\", "
            + "\"hasMore\": false}";
    static final String PURCHASE_RECORDED = "{\"data\": [{\"id\": \"01a20743-33ae-7a01-a3fe-1cfe770fd333\", "
            + "\"type\": \"purchase.recorded\", \"createdAt\": \"2026-11-23T09:21:00Z\", \"subjectType\": \"customer\", "
            + "\"subjectId\": \"01a2073b-0a3f-7482-91b6-bdac68fbb7f8\", \"data\": {\"id\": "
            + "\"01a20743-33ad-7000-8000-000000000001\", \"customerId\": \"01a2073b-0a3f-7482-91b6-bdac68fbb7f8\", "
            + "\"orderRef\": \"ORD-42\", \"amount\": 129.90, \"currency\": \"EUR\", \"items\": [], \"channel\": \"web\", "
            + "\"occurredAt\": \"2026-11-23T09:20:58Z\"}}], \"nextCursor\": \"ZmVlZAo0NQ\", \"hasMore\": false}";
    static final String INTERACTION_LOGGED = "{\"data\": [{\"id\": \"01a20744-44ae-7a01-a3fe-1cfe770fd444\", "
            + "\"type\": \"interaction.logged\", \"createdAt\": \"2026-11-23T09:22:00Z\", \"subjectType\": \"customer\", "
            + "\"subjectId\": \"01a2073b-0a3f-7482-91b6-bdac68fbb7f8\", \"data\": {\"id\": "
            + "\"01a20744-44ad-7000-8000-000000000002\", \"customerId\": \"01a2073b-0a3f-7482-91b6-bdac68fbb7f8\", "
            + "\"type\": \"call\", \"channel\": \"phone\", \"touchpoint\": \"support\", "
            + "\"summary\": \"Asked about delivery\", \"actor\": \"alice.agent\", "
            + "\"occurredAt\": \"2026-11-23T09:21:30Z\"}}], \"nextCursor\": \"ZmVlZAo0Ng\", \"hasMore\": false}";

    private EventCatalogue() {
    }
}
