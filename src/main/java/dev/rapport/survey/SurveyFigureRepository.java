package dev.rapport.survey;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The figures' counts per survey, UTC hour, touchpoint and channel ({@code survey_figure}), added to inside write
 * transactions: links as they are delivered, responses as they are followed up.
 */
@ApplicationScoped
class SurveyFigureRepository {

    private static final String ADD = """
            insert into survey_figure as f (survey_id, partner_scope, hour, touchpoint, channel, delivered, responses,
                answered_links, nps_responses, promoters, detractors, csat_responses, satisfied, ces_responses, ces_sum)
            values (:survey, :scope, :hour, :touchpoint, :channel, :delivered, :responses, :answeredLinks, :npsResponses,
                :promoters, :detractors, :csatResponses, :satisfied, :cesResponses, :cesSum)
            on conflict (survey_id, hour, touchpoint, channel) do update set
                delivered = f.delivered + excluded.delivered, responses = f.responses + excluded.responses,
                answered_links = f.answered_links + excluded.answered_links,
                nps_responses = f.nps_responses + excluded.nps_responses, promoters = f.promoters + excluded.promoters,
                detractors = f.detractors + excluded.detractors,
                csat_responses = f.csat_responses + excluded.csat_responses,
                satisfied = f.satisfied + excluded.satisfied, ces_responses = f.ces_responses + excluded.ces_responses,
                ces_sum = f.ces_sum + excluded.ces_sum
            """;

    /** What to add to one row of counts. */
    record Key(UUID surveyId, String scope, OffsetDateTime hour, String touchpoint, String channel) {

        static final Comparator<Key> ORDER = Comparator.comparing(Key::surveyId)
                .thenComparing(Key::hour)
                .thenComparing(Key::touchpoint)
                .thenComparing(Key::channel);

        static Key of(UUID surveyId, String scope, OffsetDateTime at, String touchpoint, String channel) {
            return new Key(
                    surveyId,
                    scope,
                    at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS),
                    touchpoint,
                    channel);
        }
    }

    record Delta(Key key, SurveyScores.Counts counts) {}

    /** Adds the counts, in key order (so that two transactions adding to the same rows do not deadlock). */
    Uni<Void> add(List<Delta> deltas) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Delta delta : deltas.stream()
                .sorted(Comparator.comparing(Delta::key, Key.ORDER))
                .toList()) {
            chain = chain.chain(() -> add(delta));
        }
        return chain;
    }

    private Uni<Void> add(Delta delta) {
        Key key = delta.key();
        SurveyScores.Counts counts = delta.counts();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(ADD)
                        .setParameter("survey", key.surveyId())
                        .setParameter("scope", key.scope())
                        .setParameter("hour", key.hour())
                        .setParameter("touchpoint", key.touchpoint())
                        .setParameter("channel", key.channel())
                        .setParameter("delivered", counts.delivered())
                        .setParameter("responses", counts.responses())
                        .setParameter("answeredLinks", counts.answeredLinks())
                        .setParameter("npsResponses", counts.npsResponses())
                        .setParameter("promoters", counts.promoters())
                        .setParameter("detractors", counts.detractors())
                        .setParameter("csatResponses", counts.csatResponses())
                        .setParameter("satisfied", counts.satisfied())
                        .setParameter("cesResponses", counts.cesResponses())
                        .setParameter("cesSum", counts.cesSum())
                        .executeUpdate())
                .replaceWithVoid();
    }
}
