package dev.rapport.survey;

import java.util.Arrays;
import java.util.List;

import org.mapstruct.Mapper;

import dev.rapport.survey.api.Answer;
import dev.rapport.survey.api.CreateSurveyRequest;
import dev.rapport.survey.api.DistributionView;
import dev.rapport.survey.api.FollowUpTicket;
import dev.rapport.survey.api.LocalizedText;
import dev.rapport.survey.api.QuestionOption;
import dev.rapport.survey.api.ResponseView;
import dev.rapport.survey.api.ShowIf;
import dev.rapport.survey.api.SurveyFollowUp;
import dev.rapport.survey.api.SurveyQuestion;
import dev.rapport.survey.api.SurveyView;

/**
 * Maps surveys, their questions, distributions and responses between the stored records and the API's shapes, and
 * a survey to the document a patch applies to.
 */
@Mapper(componentModel = "cdi")
public interface SurveyMapper {

    SurveyRecords.Text toRecord(LocalizedText text);

    LocalizedText toApi(SurveyRecords.Text text);

    SurveyRecords.Option toRecord(QuestionOption option);

    QuestionOption toApi(SurveyRecords.Option option);

    SurveyRecords.ShowIf toRecord(ShowIf showIf);

    ShowIf toApi(SurveyRecords.ShowIf showIf);

    List<SurveyRecords.Question> toRecords(List<SurveyQuestion> questions);

    List<SurveyQuestion> toApi(List<SurveyRecords.Question> questions);

    default SurveyRecords.Question toRecord(SurveyQuestion question) {
        return new SurveyRecords.Question(
                question.id(),
                question.type(),
                Boolean.TRUE.equals(question.required()),
                question.texts().stream().map(this::toRecord).toList(),
                question.min(),
                question.max(),
                question.options() == null || question.options().isEmpty()
                        ? null
                        : question.options().stream().map(this::toRecord).toList(),
                question.showIf() == null ? null : toRecord(question.showIf()));
    }

    default SurveyQuestion toApi(SurveyRecords.Question question) {
        return new SurveyQuestion(
                question.id(),
                question.type(),
                question.required(),
                question.texts().stream().map(this::toApi).toList(),
                question.min(),
                question.max(),
                question.options() == null
                        ? null
                        : question.options().stream().map(this::toApi).toList(),
                question.showIf() == null ? null : toApi(question.showIf()));
    }

    default SurveyRecords.FollowUps followUps(List<SurveyFollowUp> followUps) {
        return new SurveyRecords.FollowUps(
                followUps == null
                        ? List.of()
                        : followUps.stream()
                                .map(rule -> new SurveyRecords.FollowUp(
                                        rule.when().strip(),
                                        rule.ticket().subject().strip(),
                                        rule.ticket().priority(),
                                        rule.ticket().team()))
                                .toList());
    }

    default List<SurveyFollowUp> followUps(SurveyRecords.FollowUps followUps) {
        return followUps.items().stream()
                .map(rule -> new SurveyFollowUp(
                        rule.when(), new FollowUpTicket(rule.subject(), rule.priority(), rule.team())))
                .toList();
    }

    default SurveyView toView(Survey survey, List<SurveyRecords.Question> questions) {
        return new SurveyView(
                survey.id,
                survey.name,
                survey.status,
                survey.revision,
                survey.defaultLocale,
                toApi(questions),
                survey.fatigueDays,
                survey.skipWhenTicketOpen,
                followUps(survey.followUps),
                survey.partnerId,
                survey.createdAt,
                survey.updatedAt,
                survey.closedAt,
                survey.version);
    }

    default CreateSurveyRequest toRequest(Survey survey, List<SurveyRecords.Question> questions) {
        return new CreateSurveyRequest(
                survey.name,
                survey.status,
                survey.defaultLocale,
                toApi(questions),
                survey.fatigueDays,
                survey.skipWhenTicketOpen,
                followUps(survey.followUps));
    }

    default DistributionView toView(SurveyDistribution distribution, String link, String token) {
        return new DistributionView(
                distribution.id,
                distribution.surveyId,
                distribution.customerId,
                distribution.channel,
                distribution.touchpoint,
                distribution.locale,
                distribution.status,
                distribution.suppressedReason,
                distribution.suppressedDetail,
                link,
                token,
                distribution.expiresAt,
                distribution.createdAt,
                distribution.answeredAt);
    }

    default List<Answer> answers(SurveyRecords.Answers answers) {
        return answers == null
                ? List.of()
                : answers.items().stream()
                        .map(answer -> new Answer(answer.question(), answer.value(), answer.choices(), answer.text()))
                        .toList();
    }

    default ResponseView toView(SurveyResponse response) {
        return new ResponseView(
                response.id,
                response.surveyId,
                response.revision,
                response.distributionId,
                response.customerId,
                response.touchpoint,
                response.channel,
                response.locale,
                response.status,
                answers(response.answers),
                response.nps,
                SurveyScores.category(response.nps),
                response.csat,
                response.ces,
                Arrays.asList(response.followUpTickets),
                response.startedAt,
                response.submittedAt);
    }
}
