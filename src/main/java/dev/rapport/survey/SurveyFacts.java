package dev.rapport.survey;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.filter.FactSource;
import dev.rapport.platform.filter.FilterField;
import dev.rapport.platform.filter.FilterField.FieldType;

/**
 * The survey domain's facts about customers, for segment rules, trigger conditions and customer lists: the latest
 * NPS score and its category, the latest CSAT and CES, how many responses, and when the customer last answered and
 * was last asked, read by the responses' and distributions' customer indexes.
 */
@ApplicationScoped
public class SurveyFacts implements FactSource {

    private static final List<FilterField> FACTS = List.of(
            FilterField.of("latestNps", "svn.nps", FieldType.NUMBER),
            FilterField.of(
                    "latestNpsCategory",
                    "case when svn.nps >= 9 then 'promoter' when svn.nps >= 7 then 'passive'"
                            + " when svn.nps is not null then 'detractor' end",
                    FieldType.TEXT),
            FilterField.of(
                    "latestCsat",
                    "(select r.csat from survey_response r where r.customer_id = c.id and r.status = 'completed'"
                            + " and r.csat is not null order by r.submitted_at desc limit 1)",
                    FieldType.NUMBER),
            FilterField.of(
                    "latestCes",
                    "(select r.ces from survey_response r where r.customer_id = c.id and r.status = 'completed'"
                            + " and r.ces is not null order by r.submitted_at desc limit 1)",
                    FieldType.NUMBER),
            FilterField.of(
                    "surveyResponses",
                    "(select count(*) from survey_response r where r.customer_id = c.id and r.status = 'completed')",
                    FieldType.NUMBER),
            FilterField.of(
                    "lastSurveyAnsweredAt",
                    "(select max(r.submitted_at) from survey_response r where r.customer_id = c.id"
                            + " and r.status = 'completed')",
                    FieldType.TIMESTAMP),
            FilterField.of(
                    "lastSurveyedAt",
                    "(select max(d.created_at) from survey_distribution d where d.customer_id = c.id"
                            + " and d.token_hash is not null)",
                    FieldType.TIMESTAMP));

    @Override
    public String join() {
        return "left join lateral (select r.nps from survey_response r where r.customer_id = c.id"
                + " and r.status = 'completed' and r.nps is not null order by r.submitted_at desc limit 1) svn on true";
    }

    @Override
    public List<FilterField> facts() {
        return FACTS;
    }
}
