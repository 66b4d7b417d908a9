package dev.rapport.survey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.db.JsonColumns;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Surveys and their revisions inside write transactions; callers read them through {@link SurveyQueries}. */
@ApplicationScoped
public class SurveyRepository implements PanacheRepositoryBase<Survey, UUID> {

    /** How many revisions are kept in memory at most (they are small; a full cache starts again). */
    private static final int KEPT_REVISIONS = 1000;

    private record RevisionKey(UUID surveyId, int revision, long version) {}

    private final ObjectMapper json;
    private final JsonColumns.Reader<SurveyRecords.Questions> questions;
    private final Map<RevisionKey, List<SurveyRecords.Question>> revisions = new ConcurrentHashMap<>();

    SurveyRepository(ObjectMapper json, JsonColumns columns) {
        this.json = json;
        this.questions = columns.reader(SurveyRecords.Questions.class);
    }

    /**
     * The questions of a revision of {@code survey} as it is now: kept in memory by survey, revision and the survey's
     * version, which every change of a revision's questions moves on (they change with the survey, in its
     * transaction), so a kept copy is never stale; answering reads them without a statement.
     */
    public Uni<List<SurveyRecords.Question>> questions(Survey survey, int revision) {
        RevisionKey key = new RevisionKey(survey.id, revision, survey.version);
        List<SurveyRecords.Question> known = revisions.get(key);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return questions(survey.id, revision).invoke(found -> {
            if (revisions.size() >= KEPT_REVISIONS) {
                revisions.clear();
            }
            revisions.put(key, found);
        });
    }

    /** The questions of a revision, read in the current transaction. */
    public Uni<List<SurveyRecords.Question>> questions(UUID surveyId, int revision) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select cast(questions as text) from survey_revision"
                                        + " where survey_id = :survey and revision = :revision",
                                String.class)
                        .setParameter("survey", surveyId)
                        .setParameter("revision", revision)
                        .getSingleResult())
                .map(text -> questions.read(text).items());
    }

    /** Stores the questions of a revision, replacing them when it exists (a revision no one answered yet). */
    public Uni<Integer> saveRevision(
            UUID surveyId, int revision, List<SurveyRecords.Question> items, OffsetDateTime now) {
        String text;
        try {
            text = json.writeValueAsString(new SurveyRecords.Questions(items));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into survey_revision (survey_id, revision, questions, created_at)"
                                        + " values (:survey, :revision, cast(cast(:questions as text) as jsonb), :now)"
                                        + " on conflict (survey_id, revision) do update set questions = excluded.questions")
                        .setParameter("survey", surveyId)
                        .setParameter("revision", revision)
                        .setParameter("questions", text)
                        .setParameter("now", now)
                        .executeUpdate());
    }

    /** Whether any response (partial ones too) answers the revision. */
    public Uni<Boolean> answered(UUID surveyId, int revision) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select exists (select 1 from survey_response"
                                        + " where survey_id = :survey and revision = :revision)",
                                Boolean.class)
                        .setParameter("survey", surveyId)
                        .setParameter("revision", revision)
                        .getSingleResult());
    }
}
