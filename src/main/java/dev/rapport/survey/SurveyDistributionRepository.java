package dev.rapport.survey;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.rapport.platform.db.NativeValues;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Distributions inside write transactions: the fatigue rules' history, and a link's lookup by its token. */
@ApplicationScoped
public class SurveyDistributionRepository implements PanacheRepositoryBase<SurveyDistribution, UUID> {

    /** When each customer was last asked since {@code since}, by any survey and by {@code surveyId}. */
    public record Asked(OffsetDateTime any, OffsetDateTime thisSurvey) {}

    /**
     * Takes each customer's survey lock (transaction-scoped, in id order, so that two distributions to overlapping
     * lists do not deadlock): two distributions to the same customer at once decide one after the other, and the
     * second sees the first's link.
     */
    public Uni<Void> lockCustomers(List<UUID> customerIds) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(pg_advisory_xact_lock(hashtextextended(cast(id as text), 2023)))"
                                        + " from (select id from unnest(cast(string_to_array(:ids, ',') as uuid[])) id"
                                        + " order by id) locked",
                                Long.class)
                        .setParameter("ids", ids(customerIds))
                        .getSingleResult())
                .replaceWithVoid();
    }

    public Uni<Map<UUID, Asked>> lastAsked(List<UUID> customerIds, UUID surveyId, OffsetDateTime since) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select customer_id, max(created_at),"
                                        + " max(created_at) filter (where survey_id = :survey)"
                                        + " from survey_distribution"
                                        + " where customer_id = any(cast(string_to_array(:ids, ',') as uuid[]))"
                                        + " and token_hash is not null and created_at > :since group by customer_id",
                                Object[].class)
                        .setParameter("ids", ids(customerIds))
                        .setParameter("survey", surveyId)
                        .setParameter("since", since)
                        .getResultList())
                .map(rows -> {
                    Map<UUID, Asked> asked = new HashMap<>();
                    for (Object[] row : rows) {
                        asked.put((UUID) row[0], new Asked(NativeValues.time(row[1]), NativeValues.time(row[2])));
                    }
                    return asked;
                });
    }

    /** The distribution of a token's hash, locked for the answer, or null. */
    public Uni<SurveyDistribution> byToken(byte[] hash) {
        return find("tokenHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private static String ids(List<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }
}
