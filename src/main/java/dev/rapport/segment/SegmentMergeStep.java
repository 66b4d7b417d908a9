package dev.rapport.segment;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerMergeStep;
import dev.rapport.customer.api.MovedRecords;
import dev.rapport.platform.time.Clocks;
import dev.rapport.segment.SegmentMembership.Change;
import dev.rapport.segment.api.SegmentReason;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The segment domain's part of a merge: the survivor enters each static segment the merged customer is in (with
 * segment.entered, reason merge). Dynamic segments follow their rules: the engine decides on the survivor (the
 * merge's events) and takes the merged customer, now deleted, out of every segment. Entries and exits already
 * recorded are the merged customer's history and stay.
 */
@ApplicationScoped
class SegmentMergeStep implements CustomerMergeStep {

    private final SegmentMembership membership;
    private final Clock clock;

    SegmentMergeStep(SegmentMembership membership, Clock clock) {
        this.membership = membership;
        this.clock = clock;
    }

    @Override
    public List<String> customerColumns() {
        return List.of("segment_member.customer_id", "segment_change.customer_id");
    }

    @Override
    public Uni<List<MovedRecords>> move(UUID mergedId, UUID survivorId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                select cast(s.id as text), s.name, s.rule_version, s.partner_id
                                from segment_member m join segment s on s.id = m.segment_id
                                where m.customer_id = :merged and s.kind = 'static'
                                    and not exists (select 1 from segment_member o
                                                    where o.segment_id = m.segment_id and o.customer_id = :survivor)
                                order by s.id
                                """, Object[].class)
                        .setParameter("merged", mergedId)
                        .setParameter("survivor", survivorId)
                        .getResultList())
                .chain(rows -> {
                    SegmentReason reason = new SegmentReason("merge", null, null, List.of());
                    List<Change> changes = rows.stream()
                            .map(row -> new Change(
                                    UUID.fromString((String) row[0]),
                                    (String) row[1],
                                    ((Number) row[2]).intValue(),
                                    (String) row[3],
                                    survivorId,
                                    Change.ENTERED,
                                    reason,
                                    null))
                            .toList();
                    return membership
                            .apply(changes, Clocks.now(clock))
                            .replaceWith(List.of(new MovedRecords("segment_member", changes.size())));
                });
    }
}
