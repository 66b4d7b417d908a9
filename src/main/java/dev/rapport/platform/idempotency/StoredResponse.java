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

    public static StoredResponse created(Object body, String location, String etag) {
        return new StoredResponse(201, body, location, etag);
    }
}
