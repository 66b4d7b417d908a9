package dev.rapport.webhook;

import java.util.UUID;

/** A claimed delivery with what is needed to send it. */
record DeliveryClaim(UUID id, UUID endpointId, String payload, int attempt, String url, boolean enabled, String secret,
        String previousSecret, String headers, String partnerId) {

    static DeliveryClaim of(Object[] row) {
        return new DeliveryClaim((UUID) row[0], (UUID) row[1], (String) row[2], ((Number) row[3]).intValue(),
                (String) row[4], (Boolean) row[5], (String) row[6], (String) row[7], (String) row[8],
                (String) row[9]);
    }
}
