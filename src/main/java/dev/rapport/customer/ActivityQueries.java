package dev.rapport.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerStats;
import dev.rapport.customer.api.CustomerStats.Money;
import dev.rapport.customer.api.InteractionType;
import dev.rapport.customer.api.InteractionView;
import dev.rapport.customer.api.PurchaseView;
import dev.rapport.platform.db.JsonColumns;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.money.Amounts;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Customers' purchases and interactions as callers read them: timeline pages, the recent ones of many customers at
 * once (GraphQL batches, REST {@code expand}) and purchase figures, each with one pooled statement.
 */
@ApplicationScoped
class ActivityQueries {

    /** Purchases and interactions are listed newest first, the order of a timeline. */
    static final Sort TIMELINE = new Sort(new Sort.SortField("occurredAt", "occurred_at", Sort.Kind.TIMESTAMP), true);

    private static final String PURCHASE_COLUMNS = """
            p.id, p.customer_id, p.order_ref, p.amount, p.currency, cast(p.items as text), p.channel, p.occurred_at,
            p.created_at, p.refunded_amount""";
    private static final String INTERACTION_COLUMNS = """
            i.id, i.customer_id, i.type, i.channel, i.touchpoint, i.summary, i.actor, i.occurred_at, i.created_at""";

    private final PooledStatements statements;
    private final CustomerMapper mapper;
    private final JsonColumns.Reader<CustomerRecords.Lines> items;

    ActivityQueries(PooledStatements statements, CustomerMapper mapper, JsonColumns json) {
        this.statements = statements;
        this.mapper = mapper;
        this.items = json.reader(CustomerRecords.Lines.class);
    }

    /** One page of a customer's purchases, newest first. */
    Uni<Page<PurchaseView>> purchases(UUID customerId, PageRequest page) {
        return timeline(
                "select " + PURCHASE_COLUMNS + " from purchase p",
                "p",
                customerId,
                page,
                this::toPurchase,
                PurchaseView::occurredAt,
                PurchaseView::id);
    }

    /** One page of a customer's timeline, newest first. */
    Uni<Page<InteractionView>> interactions(UUID customerId, PageRequest page) {
        return timeline(
                "select " + INTERACTION_COLUMNS + " from interaction i",
                "i",
                customerId,
                page,
                ActivityQueries::toInteraction,
                InteractionView::occurredAt,
                InteractionView::id);
    }

    private <T> Uni<Page<T>> timeline(
            String select,
            String alias,
            UUID customerId,
            PageRequest page,
            Function<Row, T> mapper,
            Function<T, OffsetDateTime> occurredAt,
            Function<T, UUID> id) {
        SqlParams params = new SqlParams();
        String sql = select + " where " + alias + ".customer_id = " + params.bind(customerId) + " and "
                + page.keyset(alias + ".id", params) + page.orderAndLimit(alias + ".id");
        return statements
                .list(sql, params.tuple(), mapper)
                .map(rows -> page.page(rows, row -> occurredAt.apply(row).toString(), id));
    }

    /**
     * The newest purchases of each customer, at most {@code perCustomer} each, with one statement. One customer (a
     * 360 view, REST's {@code expand}) gets a statement of its own: see {@link PooledStatements#forIds}.
     */
    Uni<Map<UUID, List<PurchaseView>>> recentPurchases(List<UUID> customerIds, int perCustomer) {
        return statements
                .list(
                        PooledStatements.forIds(
                                customerIds, "select " + PURCHASE_COLUMNS + """
                         from purchase p where p.customer_id = $1 order by p.occurred_at desc, p.id desc limit $2
                        """, "select " + PURCHASE_COLUMNS + """
                         from unnest(cast($1 as uuid[])) as c(id)
                        cross join lateral (
                            select * from purchase where customer_id = c.id order by occurred_at desc, id desc limit $2
                        ) p
                        """),
                        PooledStatements.idParameter(customerIds).addInteger(perCustomer),
                        this::toPurchase)
                .map(rows -> byCustomer(rows, PurchaseView::customerId));
    }

    /** The newest interactions of each customer, at most {@code perCustomer} each, with one statement. */
    Uni<Map<UUID, List<InteractionView>>> recentInteractions(List<UUID> customerIds, int perCustomer) {
        return statements
                .list(
                        PooledStatements.forIds(
                                customerIds,
                                "select " + INTERACTION_COLUMNS + """
                         from interaction i where i.customer_id = $1 order by i.occurred_at desc, i.id desc limit $2
                        """,
                                "select " + INTERACTION_COLUMNS + """
                         from unnest(cast($1 as uuid[])) as c(id)
                        cross join lateral (
                            select * from interaction where customer_id = c.id
                            order by occurred_at desc, id desc limit $2
                        ) i
                        """),
                        PooledStatements.idParameter(customerIds).addInteger(perCustomer),
                        ActivityQueries::toInteraction)
                .map(rows -> byCustomer(rows, InteractionView::customerId));
    }

    /** What the customer spent in {@code currency} since {@code since}, refunds deducted. */
    Uni<java.math.BigDecimal> spendSince(UUID customerId, String currency, java.time.OffsetDateTime since) {
        return statements
                .list(
                        "select coalesce(sum(amount - refunded_amount), 0) from purchase"
                                + " where customer_id = $1 and currency = $2 and occurred_at > $3",
                        io.vertx.mutiny.sqlclient.Tuple.of(customerId, currency, since),
                        row -> row.getBigDecimal(0))
                .map(rows -> rows.get(0));
    }

    /** Purchase count, lifetime value (refunds deducted) per currency and first/last purchase time of each customer in one query. */
    Uni<Map<UUID, CustomerStats>> stats(List<UUID> customerIds) {
        return statements
                .list(
                        PooledStatements.forIds(customerIds, """
                select customer_id, currency, count(*), sum(amount - refunded_amount), min(occurred_at), max(occurred_at)
                from purchase where customer_id = $1
                group by customer_id, currency order by currency
                """, """
                select customer_id, currency, count(*), sum(amount - refunded_amount), min(occurred_at), max(occurred_at)
                from purchase where customer_id = any($1)
                group by customer_id, currency order by customer_id, currency
                """),
                        PooledStatements.idParameter(customerIds),
                        ActivityQueries::toCurrencyStats)
                .map(ActivityQueries::toStats);
    }

    private static <T> Map<UUID, List<T>> byCustomer(List<T> rows, Function<T, UUID> customerId) {
        return rows.stream().collect(Collectors.groupingBy(customerId, LinkedHashMap::new, Collectors.toList()));
    }

    /** One currency's figures of one customer. */
    private record CurrencyStats(
            UUID customerId, String currency, long count, BigDecimal sum, OffsetDateTime first, OffsetDateTime last) {}

    private static CurrencyStats toCurrencyStats(Row row) {
        return new CurrencyStats(
                row.getUUID(0),
                row.getString(1).trim(),
                row.getLong(2),
                row.getBigDecimal(3),
                row.getOffsetDateTime(4),
                row.getOffsetDateTime(5));
    }

    private static Map<UUID, CustomerStats> toStats(List<CurrencyStats> rows) {
        Map<UUID, CustomerStats> stats = new HashMap<>();
        for (CurrencyStats row : rows) {
            CustomerStats current = stats.getOrDefault(row.customerId(), CustomerStats.EMPTY);
            List<Money> value = new ArrayList<>(current.lifetimeValue());
            value.add(new Money(Amounts.scaled(row.sum(), row.currency()), row.currency()));
            stats.put(
                    row.customerId(),
                    new CustomerStats(
                            current.purchaseCount() + row.count(),
                            value,
                            current.firstPurchaseAt() == null || row.first().isBefore(current.firstPurchaseAt())
                                    ? row.first()
                                    : current.firstPurchaseAt(),
                            current.lastPurchaseAt() == null || row.last().isAfter(current.lastPurchaseAt())
                                    ? row.last()
                                    : current.lastPurchaseAt()));
        }
        return stats;
    }

    private PurchaseView toPurchase(Row row) {
        String currency = row.getString(4);
        return new PurchaseView(
                row.getUUID(0),
                row.getUUID(1),
                row.getString(2),
                Amounts.scaled(row.getBigDecimal(3), currency),
                currency,
                Amounts.scaled(row.getBigDecimal(9), currency),
                mapper.items(items.read(row.getString(5)).lines()),
                row.getString(6),
                row.getOffsetDateTime(7),
                row.getOffsetDateTime(8));
    }

    private static InteractionView toInteraction(Row row) {
        return new InteractionView(
                row.getUUID(0),
                row.getUUID(1),
                InteractionType.valueOf(row.getString(2)),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getOffsetDateTime(7),
                row.getOffsetDateTime(8));
    }
}
