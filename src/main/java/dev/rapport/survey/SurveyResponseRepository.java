package dev.rapport.survey;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Responses inside write transactions; callers read them through {@link SurveyQueries}. */
@ApplicationScoped
public class SurveyResponseRepository implements PanacheRepositoryBase<SurveyResponse, UUID> {

    /** The response of a personal link, or null before its first save. */
    public Uni<SurveyResponse> ofDistribution(UUID distributionId) {
        return find("distributionId", distributionId).firstResult();
    }

    /** The responses among {@code ids} not followed up yet, locked for their follow-up, in id order. */
    public Uni<List<SurveyResponse>> lockPending(List<UUID> ids) {
        return find("id in ?1 and followedUpAt is null order by id", ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
