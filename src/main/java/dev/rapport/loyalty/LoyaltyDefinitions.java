package dev.rapport.loyalty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.security.Caller;
import dev.rapport.segment.SegmentService;
import io.smallrye.mutiny.Uni;

/**
 * What programs, earning rules and rewards share: who may change one (its partner, or staff for in-house ones), and
 * the checks of what they name (the program's tiers, a segment, a validity).
 */
@ApplicationScoped
class LoyaltyDefinitions {

    private final SegmentService segments;

    LoyaltyDefinitions(SegmentService segments) {
        this.segments = segments;
    }

    /**
     * {@code found} (owned by {@code owner}, null for in-house) when a caller of {@code scope} may change it; a
     * partner changing an in-house one is forbidden, one it may not see is not found.
     */
    static <T> T managed(T found, String owner, String scope, String what, UUID id) {
        if (found != null && scope != null && owner == null) {
            throw new DomainException(ProblemType.FORBIDDEN, "In-house " + what + "s are changed by staff only");
        }
        if (found == null || !Caller.mayAccess(scope, owner)) {
            throw DomainException.notFound(what, id);
        }
        return found;
    }

    /** The tiers named that the program does not have, and a validity that ends before it starts. */
    static void check(
            LoyaltyProgram program,
            List<String> tiers,
            OffsetDateTime validFrom,
            OffsetDateTime validUntil,
            List<FieldError> errors) {
        Set<String> keys =
                program.tiers.items().stream().map(LoyaltyRecords.Tier::key).collect(Collectors.toSet());
        if (tiers != null) {
            for (int i = 0; i < tiers.size(); i++) {
                if (tiers.get(i) == null) {
                    errors.add(new FieldError("tiers[" + i + "]", "must not be null"));
                } else if (!keys.contains(tiers.get(i))) {
                    errors.add(new FieldError("tiers[" + i + "]", "no such tier in the program"));
                }
            }
        }
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            errors.add(new FieldError("validUntil", "must be after validFrom"));
        }
    }

    /** Adds the error of a segment the caller may not see to {@code errors}, then fails with all of them, if any. */
    Uni<Void> checkSegment(UUID segmentId, List<FieldError> errors) {
        Uni<Void> segment = segmentId == null
                ? Uni.createFrom().voidItem()
                : segments.get(segmentId)
                        .replaceWithVoid()
                        .onFailure(DomainException.class)
                        .recoverWithUni(e -> {
                            errors.add(new FieldError("segmentId", "no such segment"));
                            return Uni.createFrom().voidItem();
                        });
        return segment.map(nothing -> {
            if (!errors.isEmpty()) {
                throw DomainException.invalid(errors);
            }
            return null;
        });
    }
}
