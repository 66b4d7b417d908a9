package dev.rapport.survey;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.event.EventLog;
import dev.rapport.platform.db.ETags;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.json.MergePatches;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import dev.rapport.survey.api.CreateSurveyRequest;
import dev.rapport.survey.api.SurveyView;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Survey definitions: a partner's own surveys only. Changing the questions of a revision someone answered (or
 * started to) makes a new revision; the answers keep theirs. A survey that was active does not go back to draft.
 */
@ApplicationScoped
public class SurveyService {

    static final Sort ORDER = SurveyQueries.SURVEY_ORDER;

    private final SurveyRepository surveys;
    private final SurveyQueries queries;
    private final SurveyMapper mapper;
    private final EventLog events;
    private final MergePatches patches;
    private final Caller caller;
    private final Clock clock;

    SurveyService(
            SurveyRepository surveys,
            SurveyQueries queries,
            SurveyMapper mapper,
            EventLog events,
            MergePatches patches,
            Caller caller,
            Clock clock) {
        this.surveys = surveys;
        this.queries = queries;
        this.mapper = mapper;
        this.events = events;
        this.patches = patches;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<SurveyView> create(CreateSurveyRequest request) {
        patches.validate(request);
        String locale = locale(request);
        SurveyDefinitions.check(request, locale);
        OffsetDateTime now = Clocks.now(clock);
        String scope = caller.partnerScope();
        Survey survey = new Survey();
        survey.id = Ids.newId();
        survey.partnerId = scope;
        survey.partnerScope = scope == null ? "" : scope;
        survey.revision = 1;
        survey.status = request.status() == null ? Survey.DRAFT : request.status();
        survey.createdAt = now;
        survey.updatedAt = now;
        survey.closedAt = Survey.CLOSED.equals(survey.status) ? now : null;
        set(survey, request, locale);
        List<SurveyRecords.Question> questions = mapper.toRecords(request.questions());
        return surveys.persist(survey)
                .chain(surveys::flush)
                .chain(() -> surveys.saveRevision(survey.id, survey.revision, questions, now))
                .chain(() -> {
                    SurveyView view = mapper.toView(survey, questions);
                    return events.append(SurveyEvent.CREATED, SurveyEvent.SURVEY, survey.id, survey.partnerId, view)
                            .replaceWith(view);
                });
    }

    public Uni<SurveyView> get(UUID id) {
        return queries.survey(id, caller.partnerScope()).map(view -> {
            if (view == null) {
                throw DomainException.notFound("survey", id);
            }
            return view;
        });
    }

    public Uni<Page<SurveyView>> list(PageRequest page) {
        return queries.surveys(caller.partnerScope(), page);
    }

    /**
     * Applies a JSON merge patch to the survey rendered as a {@link CreateSurveyRequest}. New questions go to a new
     * revision when the current one has answers; closing appends {@code survey.closed}.
     */
    @WithTransaction
    public Uni<SurveyView> update(UUID id, JsonNode patch, String ifMatch) {
        return owned(id)
                .chain(survey -> {
                    ETags.checkIfMatch(ifMatch, survey.version);
                    return surveys.questions(id, survey.revision).chain(questions -> patch(survey, questions, patch));
                })
                .onFailure()
                .transform(e -> ETags.whenStale(e, ifMatch));
    }

    private Uni<SurveyView> patch(Survey survey, List<SurveyRecords.Question> before, JsonNode patch) {
        MergePatches.Patched<CreateSurveyRequest> patched = patches.apply(mapper.toRequest(survey, before), patch);
        if (!patched.changed()) {
            return Uni.createFrom().item(mapper.toView(survey, before));
        }
        CreateSurveyRequest request = patched.value();
        String locale = locale(request);
        SurveyDefinitions.check(request, locale);
        String status = request.status() == null ? Survey.DRAFT : request.status();
        if (Survey.DRAFT.equals(status) && !Survey.DRAFT.equals(survey.status)) {
            throw DomainException.conflict("A survey that was active does not go back to draft; close it instead");
        }
        OffsetDateTime now = Clocks.now(clock);
        boolean closing = Survey.CLOSED.equals(status) && !Survey.CLOSED.equals(survey.status);
        List<SurveyRecords.Question> questions = mapper.toRecords(request.questions());
        boolean questionsChanged = !questions.equals(before) || !locale.equals(survey.defaultLocale);
        survey.status = status;
        survey.closedAt = Survey.CLOSED.equals(status) ? (closing ? now : survey.closedAt) : null;
        survey.updatedAt = now;
        set(survey, request, locale);
        Uni<Boolean> revised = !questionsChanged
                ? Uni.createFrom().item(false)
                : surveys.answered(survey.id, survey.revision).chain(answered -> {
                    if (answered) {
                        survey.revision++;
                    }
                    return surveys.saveRevision(survey.id, survey.revision, questions, now)
                            .replaceWith(answered);
                });
        return revised.chain(newRevision -> surveys.flush().chain(() -> {
            SurveyView view = mapper.toView(survey, questions);
            Uni<?> appended = events.append(
                    SurveyEvent.UPDATED,
                    SurveyEvent.SURVEY,
                    survey.id,
                    survey.partnerId,
                    new SurveyEvent.Updated(survey.id, patched.changedFields(), newRevision, view));
            if (closing) {
                appended = appended.chain(
                        () -> events.append(SurveyEvent.CLOSED, SurveyEvent.SURVEY, survey.id, survey.partnerId, view));
            }
            return appended.replaceWith(view);
        }));
    }

    /** A survey the caller may change, locked, or not-found. */
    Uni<Survey> owned(UUID id) {
        String scope = caller.partnerScope();
        return surveys.findById(id, LockModeType.PESSIMISTIC_WRITE).map(survey -> {
            if (survey == null || !Caller.mayAccess(scope, survey.partnerId)) {
                throw DomainException.notFound("survey", id);
            }
            return survey;
        });
    }

    private static String locale(CreateSurveyRequest request) {
        return request.defaultLocale() == null ? "en" : request.defaultLocale();
    }

    private void set(Survey survey, CreateSurveyRequest request, String locale) {
        survey.name = request.name().strip();
        survey.defaultLocale = locale;
        survey.fatigueDays = request.fatigueDays();
        survey.skipWhenTicketOpen = Boolean.TRUE.equals(request.skipWhenTicketOpen());
        survey.followUps = mapper.followUps(request.followUps());
    }
}
