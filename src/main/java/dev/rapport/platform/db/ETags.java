package dev.rapport.platform.db;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;

/** Strong ETags made from row versions, and the {@code If-Match} check against them. */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the body and the ETag of its version. */
    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(new EntityTag(String.valueOf(version))).build();
    }

    /**
     * Translates a lost optimistic-lock race: another request changed the row between our read and our write.
     * With If-Match the caller's precondition no longer holds (412); without it the change is refused as
     * concurrent (409) rather than silently overwriting.
     */
    public static Throwable whenStale(Throwable failure, String ifMatch) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.StaleStateException
                    || t instanceof jakarta.persistence.OptimisticLockException) {
                return ifMatch != null && !ifMatch.isBlank()
                        ? new DomainException(
                                ProblemType.PRECONDITION_FAILED,
                                "The resource changed while this request ran; If-Match " + ifMatch.trim()
                                        + " no longer matches")
                        : new DomainException(
                                ProblemType.CONCURRENT_MODIFICATION,
                                "The resource was changed by another request while this one ran; read it again and retry");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return failure;
    }

    /**
     * Checks an {@code If-Match} header against the current version of a resource. A missing header or {@code *}
     * matches; a list matches when any entry does.
     *
     * @throws DomainException with {@code precondition-failed} when no entry matches
     */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            if (candidate.trim().equals(current)) {
                return;
            }
        }
        throw new DomainException(
                ProblemType.PRECONDITION_FAILED,
                "If-Match " + ifMatch.trim() + " does not match the current ETag " + current
                        + "; read the resource again and reapply the change");
    }
}
