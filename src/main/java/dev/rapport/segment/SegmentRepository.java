package dev.rapport.segment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Segments inside write transactions; callers read them through {@link SegmentQueries}. */
@ApplicationScoped
public class SegmentRepository implements PanacheRepositoryBase<Segment, UUID> {

    /** A segment a caller of {@code scope} may manage: a partner only its own; null when there is none. */
    public Uni<Segment> findVisible(UUID id, String scope) {
        return findById(id).map(s -> s == null || !Caller.mayAccess(scope, s.partnerId) ? null : s);
    }

    /** Locks a segment's row until the transaction ends: changes of a static list are made one at a time. */
    public Uni<Void> lock(UUID id) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select 1 from segment where id = :id for update")
                        .setParameter("id", id)
                        .getResultList())
                .replaceWithVoid();
    }

    /** Removes a segment's members and history, before the segment itself goes (there is no cascade). */
    public Uni<Void> deleteMembersAndHistory(UUID id) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from segment_member where segment_id = :id")
                        .setParameter("id", id)
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery("delete from segment_change where segment_id = :id")
                                .setParameter("id", id)
                                .executeUpdate()))
                .replaceWithVoid();
    }

    /** Which of {@code customerIds} are members of the segment now. */
    public Uni<Set<UUID>> membersAmong(UUID segmentId, List<UUID> customerIds) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select customer_id from segment_member where segment_id = :segment"
                                        + " and customer_id = any(:customers)",
                                UUID.class)
                        .setParameter("segment", segmentId)
                        .setParameter("customers", customerIds.toArray(UUID[]::new))
                        .getResultList())
                .map(HashSet::new);
    }
}
