package dev.rapport.customer;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.DuplicatePair;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import dev.rapport.platform.paging.Sort.Kind;
import dev.rapport.platform.paging.Sort.SortField;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/** Duplicate candidates as callers read them, from the match keys ({@link CustomerMatching}). */
@ApplicationScoped
class CustomerDuplicateQueries {

    /** The report's one order: by the pair of ids. */
    static final Sort PAIR_ORDER = new Sort(new SortField("customerId", "k.customer_id", Kind.TEXT), false);

    private final PooledStatements statements;

    CustomerDuplicateQueries(PooledStatements statements) {
        this.statements = statements;
    }

    /** The candidates that count of each of the customers, best first (without their profiles). */
    Uni<Map<UUID, List<DuplicatePair>>> candidates(List<UUID> customerIds) {
        return statements
                .list(
                        CustomerMatching.candidatesSql(
                                PooledStatements.forIds(customerIds, "k.customer_id = $1", "k.customer_id = any($1)")),
                        PooledStatements.idParameter(customerIds),
                        CustomerDuplicateQueries::pair)
                .map(pairs -> pairs.stream()
                        .filter(pair -> !pair.reasons().isEmpty())
                        .sorted(Comparator.comparing(DuplicatePair::score)
                                .reversed()
                                .thenComparing(DuplicatePair::duplicateId))
                        .collect(Collectors.groupingBy(
                                DuplicatePair::customerId, LinkedHashMap::new, Collectors.toList())));
    }

    /**
     * One page of the pairs of customers that may be one person, of one partner scope ('' in-house; null: every
     * scope, pairs within one), ordered by the pair of ids.
     */
    Uni<Page<DuplicatePair>> report(String partnerScope, PageRequest page) {
        SqlParams params = new SqlParams();
        StringBuilder sql = new StringBuilder("""
                select k.customer_id, o.customer_id, string_agg(distinct k.kind, ','),
                    cast(similarity(c.name_key, d.name_key) as float8)
                from customer_match_key k
                join customer_match_key o
                    on o.partner_scope = k.partner_scope and o.kind = k.kind and o.key = k.key
                        and o.customer_id > k.customer_id
                join customer c on c.id = k.customer_id
                join customer d on d.id = o.customer_id
                where true""");
        if (partnerScope != null) {
            sql.append(" and k.partner_scope = ").append(params.bind(partnerScope));
        }
        Cursor after = page.after();
        if (after != null) {
            UUID first;
            try {
                first = UUID.fromString(after.key());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("after", "is not a cursor returned by this API");
            }
            // the first condition alone lets the scan of k start at the cursor (its primary key leads with the id)
            String from = params.bind(first);
            sql.append(" and k.customer_id >= ")
                    .append(from)
                    .append(" and (k.customer_id, o.customer_id) > (")
                    .append(from)
                    .append(", ")
                    .append(params.bind(after.id()))
                    .append(")");
        }
        sql.append('\n')
                .append("""
                 group by k.customer_id, o.customer_id, c.name_key, d.name_key
                 having bool_or(k.kind in ('email', 'phone')) or similarity(c.name_key, d.name_key) >= """)
                .append(CustomerMatching.NAME_SIMILARITY)
                .append(" order by k.customer_id, o.customer_id limit ")
                .append(page.fetchSize());
        return statements
                .list(sql.toString(), params.tuple(), CustomerDuplicateQueries::pair)
                .map(rows -> page.page(rows, pair -> pair.customerId().toString(), DuplicatePair::duplicateId));
    }

    private static DuplicatePair pair(Row row) {
        double similarity = row.getDouble(3) == null ? 0 : row.getDouble(3);
        List<String> reasons = CustomerMatching.reasons(List.of(row.getString(2).split(",")), similarity);
        BigDecimal score = CustomerMatching.score(reasons, similarity);
        return new DuplicatePair(row.getUUID(0), row.getUUID(1), score, reasons);
    }
}
