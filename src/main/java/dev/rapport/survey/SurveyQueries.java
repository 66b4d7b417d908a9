package dev.rapport.survey;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.db.JsonColumns;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.SearchText;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.security.Caller;
import dev.rapport.survey.api.Answer;
import dev.rapport.survey.api.CustomerSurveys;
import dev.rapport.survey.api.DistributionView;
import dev.rapport.survey.api.ResponseView;
import dev.rapport.survey.api.SurveyView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Surveys, distributions, responses, answering forms and customers' survey parts as callers read them, with pooled
 * statements. A partner sees its own surveys and what hangs off them only.
 */
@ApplicationScoped
class SurveyQueries {

    static final Sort SURVEY_ORDER =
            new Sort(new Sort.SortField("createdAt", "s.created_at", Sort.Kind.TIMESTAMP), false);
    static final Sort DISTRIBUTION_ORDER =
            new Sort(new Sort.SortField("createdAt", "d.created_at", Sort.Kind.TIMESTAMP), true);
    static final Map<String, Sort.SortField> RESPONSE_SORTS = Map.of(
            "submittedAt",
            new Sort.SortField("submittedAt", "coalesce(r.submitted_at, r.started_at)", Sort.Kind.TIMESTAMP));
    static final Sort RESPONSE_ORDER = new Sort(RESPONSE_SORTS.get("submittedAt"), true);

    private static final String SURVEY = "s.id, s.name, s.status, s.revision, s.default_locale,"
            + " cast(v.questions as text), s.fatigue_days, s.skip_when_ticket_open, cast(s.follow_ups as text),"
            + " s.partner_id, s.created_at, s.updated_at, s.closed_at, s.version";
    private static final String DISTRIBUTION = "d.id, d.survey_id, d.customer_id, d.channel, d.touchpoint, d.locale,"
            + " d.status, d.suppressed_reason, d.suppressed_detail, d.expires_at, d.created_at, d.answered_at";
    private static final String RESPONSE = "r.id, r.survey_id, r.revision, r.distribution_id, r.customer_id,"
            + " r.touchpoint, r.channel, r.locale, r.status, cast(r.answers as text), r.nps, r.csat, r.ces,"
            + " r.follow_up_tickets, r.started_at, r.submitted_at";

    private final PooledStatements statements;
    private final SurveyMapper mapper;
    private final Clock clock;
    private final JsonColumns.Reader<SurveyRecords.Questions> questions;
    private final JsonColumns.Reader<SurveyRecords.FollowUps> followUps;
    private final JsonColumns.Reader<SurveyRecords.Answers> answers;

    SurveyQueries(PooledStatements statements, SurveyMapper mapper, Clock clock, JsonColumns json) {
        this.statements = statements;
        this.mapper = mapper;
        this.clock = clock;
        this.questions = json.reader(SurveyRecords.Questions.class);
        this.followUps = json.reader(SurveyRecords.FollowUps.class);
        this.answers = json.reader(SurveyRecords.Answers.class);
    }

    Uni<SurveyView> survey(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + SURVEY + " from survey s join survey_revision v on v.survey_id = s.id"
                + " and v.revision = s.revision where s.id = " + params.bind(id) + " and "
                + Caller.scopeCondition(scope, "s.partner_id", params);
        return statements.list(sql, params.tuple(), this::toSurvey).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    Uni<Page<SurveyView>> surveys(String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + SURVEY + " from survey s join survey_revision v on v.survey_id = s.id"
                + " and v.revision = s.revision where " + Caller.scopeCondition(scope, "s.partner_id", params)
                + " and " + page.keyset("s.id", params) + page.orderAndLimit("s.id");
        return statements
                .list(sql, params.tuple(), this::toSurvey)
                .map(rows -> page.page(rows, s -> s.createdAt().toString(), SurveyView::id));
    }

    Uni<Page<DistributionView>> distributions(UUID surveyId, String status, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + DISTRIBUTION + " from survey_distribution d where d.survey_id = "
                + params.bind(surveyId) + (status == null ? "" : " and d.status = " + params.bind(status)) + " and "
                + page.keyset("d.id", params) + page.orderAndLimit("d.id");
        return statements
                .list(sql, params.tuple(), this::toDistribution)
                .map(rows -> page.page(rows, d -> d.createdAt().toString(), DistributionView::id));
    }

    /** A page of a survey's responses (of all the caller's surveys when null), filtered and searched. */
    Uni<Page<ResponseView>> responses(UUID surveyId, String filter, String query, String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("select ")
                .append(RESPONSE)
                .append(" from survey_response r where ")
                .append(surveyId == null ? "true" : "r.survey_id = " + params.bind(surveyId))
                .append(" and ")
                .append(Caller.scopeCondition(scope, "r.partner_id", params))
                .append(" and ")
                .append(page.keyset("r.id", params));
        if (filter != null && !filter.isBlank()) {
            sql.append(" and ").append(SurveyResponseFields.LIST.compile(filter, params, clock.instant()));
        }
        if (query != null && !query.isBlank()) {
            sql.append(" and lower(r.comment) like ").append(params.bind(SearchText.containing(query)));
        }
        sql.append(page.orderAndLimit("r.id"));
        return statements
                .list(sql.toString(), params.tuple(), this::toResponse)
                .map(rows -> page.page(
                        rows,
                        r -> String.valueOf(r.submittedAt() == null ? r.startedAt() : r.submittedAt()),
                        ResponseView::id));
    }

    Uni<ResponseView> response(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + RESPONSE + " from survey_response r where r.id = " + params.bind(id) + " and "
                + Caller.scopeCondition(scope, "r.partner_id", params);
        return statements.list(sql, params.tuple(), this::toResponse).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** What a link's form shows: the survey, the link, its revision's questions and the answers saved, or null. */
    record Form(
            String title,
            String surveyStatus,
            String defaultLocale,
            String distributionStatus,
            String locale,
            OffsetDateTime expiresAt,
            List<SurveyRecords.Question> questions,
            String responseStatus,
            List<Answer> answers,
            boolean anonymous) {}

    Uni<Form> form(byte[] tokenHash) {
        SqlParams params = new SqlParams();
        String sql = "select s.name, s.status, s.default_locale, d.status, d.locale, d.expires_at,"
                + " cast(v.questions as text), r.status, cast(r.answers as text), d.customer_id is null"
                + " from survey_distribution d join survey s on s.id = d.survey_id"
                + " left join survey_response r on r.distribution_id = d.id and d.customer_id is not null"
                + " join survey_revision v on v.survey_id = s.id and v.revision = coalesce(r.revision, s.revision)"
                + " where d.token_hash = decode(" + params.bind(HexFormat.of().formatHex(tokenHash)) + ", 'hex')";
        return statements
                .list(
                        sql,
                        params.tuple(),
                        row -> new Form(
                                row.getString(0),
                                row.getString(1),
                                row.getString(2),
                                row.getString(3),
                                row.getString(4),
                                row.getOffsetDateTime(5),
                                questions.read(row.getString(6)).items(),
                                row.getString(7),
                                row.getString(8) == null ? List.of() : mapper.answers(answers.read(row.getString(8))),
                                row.getBoolean(9)))
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** The survey part of each customer's 360 view, with one statement. */
    Uni<Map<UUID, CustomerSurveys>> forCustomers(List<UUID> customerIds) {
        String sql = "select c.id, l.nps, l.submitted_at, l.csat, l.ces, coalesce(l.count, 0), l.last"
                + " from unnest(cast($1 as uuid[])) c(id) left join lateral (select"
                + " (array_agg(r.nps order by r.submitted_at desc) filter (where r.nps is not null))[1] as nps,"
                + " max(r.submitted_at) filter (where r.nps is not null) as submitted_at,"
                + " (array_agg(r.csat order by r.submitted_at desc) filter (where r.csat is not null))[1] as csat,"
                + " (array_agg(r.ces order by r.submitted_at desc) filter (where r.ces is not null))[1] as ces,"
                + " count(*) as count, max(r.submitted_at) as last"
                + " from survey_response r where r.customer_id = c.id and r.status = 'completed') l on true";
        return statements
                .list(
                        sql,
                        io.vertx.mutiny.sqlclient.Tuple.of(customerIds.toArray(UUID[]::new)),
                        row -> Map.entry(
                                row.getUUID(0),
                                new CustomerSurveys(
                                        row.getInteger(1),
                                        SurveyScores.category(row.getInteger(1)),
                                        row.getOffsetDateTime(2),
                                        row.getInteger(3),
                                        row.getInteger(4),
                                        row.getLong(5),
                                        row.getOffsetDateTime(6))))
                .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private SurveyView toSurvey(Row row) {
        return new SurveyView(
                row.getUUID(0),
                row.getString(1),
                row.getString(2),
                row.getInteger(3),
                row.getString(4),
                mapper.toApi(questions.read(row.getString(5)).items()),
                row.getInteger(6),
                row.getBoolean(7),
                mapper.followUps(followUps.read(row.getString(8))),
                row.getString(9),
                row.getOffsetDateTime(10),
                row.getOffsetDateTime(11),
                row.getOffsetDateTime(12),
                row.getLong(13));
    }

    private DistributionView toDistribution(Row row) {
        return new DistributionView(
                row.getUUID(0),
                row.getUUID(1),
                row.getUUID(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                null,
                null,
                row.getOffsetDateTime(9),
                row.getOffsetDateTime(10),
                row.getOffsetDateTime(11));
    }

    private ResponseView toResponse(Row row) {
        Integer nps = row.getInteger(10);
        UUID[] tickets = row.getArrayOfUUIDs(13);
        return new ResponseView(
                row.getUUID(0),
                row.getUUID(1),
                row.getInteger(2),
                row.getUUID(3),
                row.getUUID(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                mapper.answers(answers.read(row.getString(9))),
                nps,
                SurveyScores.category(nps),
                row.getInteger(11),
                row.getInteger(12),
                tickets == null ? List.of() : List.of(tickets),
                row.getOffsetDateTime(14),
                row.getOffsetDateTime(15));
    }
}
