package dev.rapport.survey;

import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.anonymized;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerPrivacyStep;

/**
 * The survey domain's part of a privacy request. Erasing keeps the scores (NPS, CSAT, CES and numeric answers feed
 * the survey figures) without the person: a response loses its link to the customer, its comment and every answer
 * that is not a number; an invitation keeps its channel and status but not why it was held back.
 */
@ApplicationScoped
class SurveyPrivacyStep implements CustomerPrivacyStep {

    @Override
    public List<String> customerColumns() {
        return List.of("survey_distribution.customer_id", "survey_response.customer_id");
    }

    @Override
    public List<Part> exports() {
        return List.of(
                new Part(
                        "surveyInvitations",
                        "select * from survey_distribution where customer_id = :customer order by created_at, id"),
                new Part(
                        "surveyResponses",
                        "select * from survey_response where customer_id = :customer order by started_at, id"));
    }

    @Override
    public List<Erasure> erasures() {
        return List.of(
                anonymized(
                        "survey_distribution",
                        "update survey_distribution set suppressed_detail = null where customer_id = :customer"),
                anonymized("survey_response", """
                        update survey_response set answers = privacy_redact(answers), comment = null,
                            customer_id = null
                        where customer_id = :customer
                        """));
    }

    @Override
    public String eventSubjects() {
        return """
                select 'survey_response', cast(id as text) from survey_response where customer_id = :customer
                union all
                select 'survey_distribution', cast(id as text) from survey_distribution where customer_id = :customer
                """;
    }
}
