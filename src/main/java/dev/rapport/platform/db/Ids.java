package dev.rapport.platform.db;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generates time-ordered UUIDs (version 7, RFC 9562): new rows land at the end of primary-key indexes instead of
 * at random pages, and ids still reveal nothing guessable beyond their creation millisecond.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        return new UUID(msb, variant(RANDOM.nextLong()));
    }

    /**
     * A random (version 4) UUID for a correlation id, which has to be unique, not unpredictable: from
     * {@link ThreadLocalRandom}, since {@link SecureRandom} took a lock on every call of a request's hot path.
     */
    public static UUID newCorrelationId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, variant(random.nextLong()));
    }

    /** The RFC 9562 variant bits (10) over 62 random ones. */
    private static long variant(long random) {
        return (random & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    }
}
