package dev.rapport.survey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Responses inside write transactions; callers read them through {@link SurveyQueries}. */
@ApplicationScoped
public class SurveyResponseRepository implements PanacheRepositoryBase<SurveyResponse, UUID> {

    /** The response of a personal link, or null before its first save. */
    public Uni<SurveyResponse> ofDistribution(UUID distributionId) {
        return find("distributionId", distributionId).firstResult();
    }

    /** Records a response's follow-up: when, the customer's segments then, and the tickets it opened. */
    public Uni<Void> followedUp(UUID id, OffsetDateTime at, UUID[] segmentIds, UUID[] tickets) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("update survey_response set followed_up_at = :at,"
                                + " segment_ids = cast(string_to_array(:segments, ',') as uuid[]),"
                                + " follow_up_tickets = cast(string_to_array(:tickets, ',') as uuid[]) where id = :id")
                        .setParameter("at", at)
                        .setParameter("segments", joined(segmentIds))
                        .setParameter("tickets", joined(tickets))
                        .setParameter("id", id)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static String joined(UUID[] ids) {
        return String.join(",", java.util.Arrays.stream(ids).map(UUID::toString).toList());
    }

    /** The responses among {@code ids} not followed up yet, locked for their follow-up, in id order. */
    public Uni<List<SurveyResponse>> lockPending(List<UUID> ids) {
        return find("id in ?1 and followedUpAt is null order by id", ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
