package dev.rapport.survey;

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

    /** A response locked for its follow-up, or null. */
    public Uni<SurveyResponse> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
