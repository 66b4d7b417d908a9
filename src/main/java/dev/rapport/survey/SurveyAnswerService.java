package dev.rapport.survey;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.event.EventLog;
import dev.rapport.platform.db.Ids;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;
import dev.rapport.platform.time.Clocks;
import dev.rapport.survey.api.FormOption;
import dev.rapport.survey.api.FormQuestion;
import dev.rapport.survey.api.SubmissionView;
import dev.rapport.survey.api.SubmitAnswersRequest;
import dev.rapport.survey.api.SurveyForm;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Answering with a link's token, without a login: the token is the credential. An unknown, expired or suppressed
 * token, or one of a closed survey, is one and the same not-found, so a guess learns nothing. A personal link takes
 * partial saves until it is completed, once; an anonymous link takes many complete answers. Nothing about the
 * customer is shown, and nothing but the answers is taken.
 */
@ApplicationScoped
public class SurveyAnswerService {

    private final SurveyRepository surveys;
    private final SurveyDistributionRepository distributions;
    private final SurveyResponseRepository responses;
    private final SurveyQueries queries;
    private final SurveyAnswerLimits limits;
    private final EventLog events;
    private final Clock clock;

    SurveyAnswerService(
            SurveyRepository surveys,
            SurveyDistributionRepository distributions,
            SurveyResponseRepository responses,
            SurveyQueries queries,
            SurveyAnswerLimits limits,
            EventLog events,
            Clock clock) {
        this.surveys = surveys;
        this.distributions = distributions;
        this.queries = queries;
        this.responses = responses;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
    }

    /** The form to render for {@code token}, in the link's locale, with the answers saved so far. */
    public Uni<SurveyForm> form(String token) {
        if (!SurveyTokens.wellFormed(token)) {
            return Uni.createFrom().failure(unknown());
        }
        OffsetDateTime now = Clocks.now(clock);
        return queries.form(SurveyTokens.hash(token)).map(found -> {
            if (found == null || !open(found.distributionStatus(), found.surveyStatus(), found.expiresAt(), now)) {
                throw unknown();
            }
            limits.link(token, found.anonymous());
            String status = found.responseStatus() == null ? "open" : found.responseStatus();
            List<FormQuestion> questions = found.questions().stream()
                    .map(question -> formQuestion(question, found.locale(), found.defaultLocale()))
                    .toList();
            return new SurveyForm(found.title(), found.locale(), status, found.expiresAt(), questions, found.answers());
        });
    }

    /** Saves ({@code complete=false}) or completes the answers of {@code token}. */
    @WithTransaction
    public Uni<SubmissionView> submit(String token, SubmitAnswersRequest request) {
        if (!SurveyTokens.wellFormed(token)) {
            return Uni.createFrom().failure(unknown());
        }
        boolean complete = !Boolean.FALSE.equals(request.complete());
        OffsetDateTime now = Clocks.now(clock);
        return distributions.byToken(SurveyTokens.hash(token)).chain(distribution -> {
            if (distribution == null) {
                throw unknown();
            }
            limits.link(token, distribution.anonymous());
            return surveys.findById(distribution.surveyId).chain(survey -> {
                if (!open(distribution.status, survey.status, distribution.expiresAt, now)) {
                    throw unknown();
                }
                if (distribution.anonymous()) {
                    if (!complete) {
                        throw DomainException.invalid(
                                "complete", "an anonymous link takes complete answers only; omit complete");
                    }
                    return answer(distribution, survey, new SurveyResponse(), request, true, now);
                }
                if (SurveyDistribution.ANSWERED.equals(distribution.status)) {
                    throw new DomainException(ProblemType.CONFLICT, "This link has been answered already");
                }
                Uni<SurveyResponse> started = SurveyDistribution.STARTED.equals(distribution.status)
                        ? responses.ofDistribution(distribution.id)
                        : Uni.createFrom().nullItem();
                return started.chain(saved -> answer(
                        distribution, survey, saved == null ? new SurveyResponse() : saved, request, complete, now));
            });
        });
    }

    private Uni<SubmissionView> answer(
            SurveyDistribution distribution,
            Survey survey,
            SurveyResponse response,
            SubmitAnswersRequest request,
            boolean complete,
            OffsetDateTime now) {
        boolean fresh = response.id == null;
        int revision = fresh ? survey.revision : response.revision;
        return surveys.questions(survey, revision).chain(questions -> {
            SurveyAnswers.Checked checked = SurveyAnswers.check(questions, request.answers(), complete);
            if (fresh) {
                response.id = Ids.newId();
                response.surveyId = survey.id;
                response.revision = revision;
                response.distributionId = distribution.id;
                response.partnerId = distribution.partnerId;
                response.partnerScope = distribution.partnerScope;
                response.customerId = distribution.customerId;
                response.touchpoint = distribution.touchpoint;
                response.channel = distribution.channel;
                response.locale = distribution.locale;
                response.startedAt = now;
            }
            response.answers = new SurveyRecords.Answers(checked.answers());
            response.nps = checked.nps();
            response.csat = checked.csat();
            response.ces = checked.ces();
            response.comment = checked.comment();
            response.updatedAt = now;
            response.status = complete ? SurveyResponse.COMPLETED : SurveyResponse.PARTIAL;
            response.submittedAt = complete ? now : null;
            Uni<SurveyResponse> saved =
                    fresh ? responses.persist(response) : Uni.createFrom().item(response);
            if (!complete) {
                distribution.status = SurveyDistribution.STARTED;
                return saved.replaceWith(new SubmissionView(SurveyResponse.PARTIAL, now));
            }
            if (!distribution.anonymous()) {
                distribution.status = SurveyDistribution.ANSWERED;
                distribution.answeredAt = now;
            }
            return saved.chain(() -> events.append(
                            SurveyEvent.RESPONSE_RECEIVED,
                            SurveyEvent.RESPONSE,
                            response.id,
                            response.partnerId,
                            new SurveyEvent.ResponseReceived(
                                    response.id,
                                    response.surveyId,
                                    response.revision,
                                    response.distributionId,
                                    response.customerId,
                                    response.touchpoint,
                                    response.channel,
                                    response.nps,
                                    SurveyScores.category(response.nps),
                                    response.csat,
                                    response.ces)))
                    .replaceWith(new SubmissionView(SurveyResponse.COMPLETED, now));
        });
    }

    private static boolean open(
            String distributionStatus, String surveyStatus, OffsetDateTime expiresAt, OffsetDateTime now) {
        return !SurveyDistribution.SUPPRESSED.equals(distributionStatus)
                && !Survey.CLOSED.equals(surveyStatus)
                && expiresAt != null
                && expiresAt.isAfter(now);
    }

    /** The one answer to every token that answers nothing. */
    static DomainException unknown() {
        return new DomainException(ProblemType.NOT_FOUND, "No survey answers to this link");
    }

    private static FormQuestion formQuestion(SurveyRecords.Question question, String locale, String fallback) {
        return new FormQuestion(
                question.id(),
                question.type(),
                question.required(),
                SurveyTexts.pick(question.texts(), locale, fallback),
                question.scored() ? question.low() : null,
                question.scored() ? question.high() : null,
                question.options() == null
                        ? null
                        : question.options().stream()
                                .map(option -> new FormOption(
                                        option.value(), SurveyTexts.pick(option.texts(), locale, fallback)))
                                .toList(),
                question.showIf() == null
                        ? null
                        : new dev.rapport.survey.api.ShowIf(
                                question.showIf().question(),
                                question.showIf().min(),
                                question.showIf().max(),
                                question.showIf().anyOf()));
    }
}
