package dev.rapport.platform.idempotency;

/**
 * What a POST answered: replayed as is when the same Idempotency-Key comes again.
 *
 * @param status the HTTP status
 * @param body the response entity, serialized as JSON
 * @param location the Location header, or null
 * @param etag the ETag header, or null
 */
public record StoredResponse(int status, Object body, String location, String etag) {

    /** 200 with a body, for a POST that creates nothing (an action, a preview). */
    public static StoredResponse ok(Object body) {
        return new StoredResponse(200, body, null, null);
    }

    public static StoredResponse created(Object body, String location, String etag) {
        return new StoredResponse(201, body, location, etag);
    }
}
