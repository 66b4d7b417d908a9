package dev.rapport.customer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.DataQualityReport;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.paging.Sort.Kind;
import dev.rapport.platform.paging.Sort.SortField;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import io.smallrye.mutiny.Uni;

/**
 * The data-quality checks over live customers, each a SQL condition on {@code customer c} joined with its activity
 * facts {@code a}: counted together in one scan for the report, and listed one check at a time.
 */
@ApplicationScoped
class DataQualityQueries {

    static final Sort NEWEST_FIRST = new Sort(new SortField("createdAt", "c.created_at", Kind.TIMESTAMP), true);

    private record Check(String description, String condition) {}

    /** {since} is replaced by the parameter of the inactivity cut-off. */
    private static final Map<String, Check> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put(
                "inactive",
                new Check(
                        "No purchase, interaction or profile change since the cut-off (inactiveMonths)",
                        "greatest(c.updated_at, a.last_purchase_at, a.last_interaction_at) < {since}"));
        CHECKS.put(
                "invalid_phone",
                new Check(
                        "A phone number that is possible but assigned in no numbering plan",
                        "exists (select 1 from jsonb_array_elements(coalesce(c.contacts -> 'phones', '[]')) p"
                                + " where p ->> 'valid' = 'false')"));
        CHECKS.put(
                "no_contact_point",
                new Check(
                        "Neither an email address nor a phone number",
                        "jsonb_array_length(coalesce(c.contacts -> 'emails', '[]')) = 0"
                                + " and jsonb_array_length(coalesce(c.contacts -> 'phones', '[]')) = 0"));
        CHECKS.put(
                "missing_consents",
                new Check(
                        "No consent recorded for any channel (email, sms, push)",
                        "jsonb_strip_nulls(coalesce(c.consents, '{}')) = '{}'"));
        CHECKS.put(
                "duplicates",
                new Check(
                        "May be the same person as another customer (GET /v1/customers/{id}/duplicates)",
                        "exists (select 1 from customer_match_key k join customer_match_key o on o.partner_scope ="
                                + " k.partner_scope and o.kind = k.kind and o.key = k.key and o.customer_id <> k.customer_id"
                                + " join customer d on d.id = o.customer_id where k.customer_id = c.id and (k.kind in"
                                + " ('email', 'phone') or similarity(c.name_key, d.name_key) >= "
                                + CustomerMatching.NAME_SIMILARITY + "))"));
    }

    private final PooledStatements statements;
    private final Clock clock;

    DataQualityQueries(PooledStatements statements, Clock clock) {
        this.statements = statements;
        this.clock = clock;
    }

    /** Every check's count over the live customers of {@code scope}, in one statement. */
    Uni<DataQualityReport> report(String scope, int inactiveMonths) {
        SqlParams params = new SqlParams();
        OffsetDateTime now = Clocks.now(clock);
        String since = params.bind(now.minusMonths(inactiveMonths));
        StringBuilder sql = new StringBuilder("select count(*)");
        for (Check check : CHECKS.values()) {
            sql.append(", count(*) filter (where ")
                    .append(check.condition().replace("{since}", since))
                    .append(")");
        }
        sql.append(
                        " from customer c left join customer_activity a on a.customer_id = c.id where c.deleted_at is null and ")
                .append(Caller.scopeCondition(scope, "c.partner_id", params));
        return statements
                .list(sql.toString(), params.tuple(), row -> {
                    List<DataQualityReport.Check> checks = new ArrayList<>();
                    int column = 1;
                    for (Map.Entry<String, Check> check : CHECKS.entrySet()) {
                        checks.add(new DataQualityReport.Check(
                                check.getKey(), check.getValue().description(), row.getLong(column++)));
                    }
                    return new DataQualityReport(row.getLong(0), checks, now);
                })
                .map(rows -> rows.get(0));
    }

    /** A page of the ids of the live customers {@code check} finds, newest first. */
    Uni<Page<UUID>> list(String check, String scope, int inactiveMonths, PageRequest page) {
        Check found = CHECKS.get(check);
        if (found == null) {
            throw DomainException.notFound("data-quality check", check);
        }
        SqlParams params = new SqlParams();
        String since = params.bind(Clocks.now(clock).minusMonths(inactiveMonths));
        StringBuilder sql = new StringBuilder(
                        "select c.id, c.created_at from customer c left join customer_activity a on a.customer_id = c.id"
                                + " where c.deleted_at is null and ")
                .append(Caller.scopeCondition(scope, "c.partner_id", params))
                .append(" and ")
                .append(found.condition().replace("{since}", since))
                .append(" and ")
                .append(page.keyset("c.id", params))
                .append(page.orderAndLimit("c.id"));
        record Row(UUID id, OffsetDateTime createdAt) {}
        return statements
                .list(sql.toString(), params.tuple(), row -> new Row(row.getUUID(0), row.getOffsetDateTime(1)))
                .map(rows -> page.page(rows, row -> row.createdAt().toString(), Row::id))
                .map(rows -> rows.map(Row::id));
    }
}
