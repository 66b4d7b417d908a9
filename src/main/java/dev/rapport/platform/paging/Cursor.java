package dev.rapport.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import dev.rapport.platform.error.DomainException;

/**
 * A position in a sorted list: the sort key and id of the last item seen. Keyset paging on (key, id) stays
 * stable when rows are inserted or deleted between two page requests. Opaque to clients (base64url).
 */
public record Cursor(String sort, String key, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final char SEPARATOR = '\n';

    public String encode() {
        String raw = sort + SEPARATOR + id + SEPARATOR + (key == null ? "" : key);
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key as a point in time, for lists sorted by a timestamp. */
    public java.time.OffsetDateTime timeKey() {
        try {
            return java.time.OffsetDateTime.parse(key);
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalid("after", "is not a cursor returned by this API");
        }
    }

    public static Cursor decode(String encoded) {
        try {
            String raw = new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
            int first = raw.indexOf(SEPARATOR);
            int second = raw.indexOf(SEPARATOR, first + 1);
            if (first < 0 || second < 0) {
                throw new IllegalArgumentException("missing parts");
            }
            return new Cursor(
                    raw.substring(0, first),
                    raw.substring(second + 1),
                    UUID.fromString(raw.substring(first + 1, second)));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("after", "is not a cursor returned by this API");
        }
    }
}
