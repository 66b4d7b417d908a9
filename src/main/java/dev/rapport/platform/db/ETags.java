package dev.rapport.platform.db;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;

/** Strong ETags made from row versions, and the {@code If-Match} check against them. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
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
        throw new DomainException(ProblemType.PRECONDITION_FAILED,
                "If-Match " + ifMatch.trim() + " does not match the current ETag " + current
                        + "; read the resource again and reapply the change");
    }
}
