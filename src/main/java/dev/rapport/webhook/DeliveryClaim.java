package dev.rapport.webhook;

import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/** A claimed delivery with what is needed to send it. */
record DeliveryClaim(
        UUID id,
        UUID endpointId,
        String payload,
        int attempt,
        String url,
        boolean enabled,
        String secret,
        String previousSecret,
        String headers,
        String partnerId) {

    static DeliveryClaim of(Row row) {
        return new DeliveryClaim(
                row.getUUID(0),
                row.getUUID(1),
                row.getString(2),
                row.getInteger(3),
                row.getString(4),
                row.getBoolean(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getString(9));
    }
}
