package dev.rapport.platform.error;

import org.jboss.logging.Logger;

import dev.rapport.platform.db.ETags;

/**
 * A failure as the problem the caller is told of, for answers that carry several outcomes (a batch): the same
 * translation the exception mappers make; an unexpected failure is logged and answered without its details.
 */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    private Failures() {}

    public static Problem problem(Throwable failure, String ifMatch, String instance, String requestId) {
        Throwable stale = ETags.whenStale(failure, ifMatch);
        DomainException known = stale instanceof DomainException domain ? domain : KnownFailures.of(failure);
        if (known != null) {
            return Problem.of(known.type(), known.getMessage(), instance, requestId, known.errors());
        }
        LOG.errorf(failure, "Part of request %s failed", requestId);
        return Problem.of(
                ProblemType.INTERNAL_ERROR,
                "An unexpected error occurred; quote the request id " + requestId + " when reporting it",
                instance,
                requestId,
                null);
    }
}
