package dev.rapport.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.rapport.customer.api.CustomerStats;
import dev.rapport.customer.api.CustomerStats.Money;
import dev.rapport.customer.api.PurchaseView;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<Purchase, UUID> {

    private final CustomerMapper mapper;
    private final PooledStatements reads;
    private final ObjectReader items;

    PurchaseRepository(CustomerMapper mapper, PooledStatements reads, ObjectMapper json) {
        this.mapper = mapper;
        this.reads = reads;
        // Like Hibernate's reading of the column (and CustomerRepository's): a property no longer known is skipped.
        this.items = json.readerFor(Purchase.Lines.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Uni<Boolean> existsOrderRef(UUID customerId, String orderRef) {
        return count("customerId = :customer and orderRef = :ref",
                Parameters.with("customer", customerId).and("ref", orderRef)).map(n -> n > 0);
    }

    /**
     * The newest purchases of each customer, at most {@code perCustomer} each, with one statement. One customer (a
     * 360 view, REST's {@code expand}) gets a statement of its own: see {@link PooledStatements#forIds}.
     */
    public Uni<Map<UUID, List<PurchaseView>>> recent(List<UUID> customerIds, int perCustomer) {
        return reads.list(PooledStatements.forIds(customerIds, """
                select p.id, p.customer_id, p.order_ref, p.amount, p.currency, cast(p.items as text), p.channel,
                       p.occurred_at, p.created_at
                from purchase p where p.customer_id = $1 order by p.occurred_at desc, p.id desc limit $2
                """, """
                select p.id, p.customer_id, p.order_ref, p.amount, p.currency, cast(p.items as text), p.channel,
                       p.occurred_at, p.created_at
                from unnest(cast($1 as uuid[])) as c(id)
                cross join lateral (
                    select * from purchase where customer_id = c.id order by occurred_at desc, id desc limit $2
                ) p
                """), PooledStatements.idParameter(customerIds).addInteger(perCustomer), this::toPurchase)
                .map(rows -> rows.stream().collect(Collectors.groupingBy(p -> p.customerId, LinkedHashMap::new,
                        Collectors.mapping(mapper::toView, Collectors.toList()))));
    }

    /** One page of a customer's purchases, newest first. */
    public Uni<List<Purchase>> page(UUID customerId, PageRequest page) {
        TimelineQuery query = TimelineQuery.of(customerId, page);
        return find(query.hql(), query.params()).page(0, page.fetchSize()).list();
    }

    /** Purchase count, lifetime value per currency and first/last purchase time of each customer in one query. */
    public Uni<Map<UUID, CustomerStats>> stats(List<UUID> customerIds) {
        return reads.list(PooledStatements.forIds(customerIds, """
                select customer_id, currency, count(*), sum(amount), min(occurred_at), max(occurred_at)
                from purchase where customer_id = $1
                group by customer_id, currency order by currency
                """, """
                select customer_id, currency, count(*), sum(amount), min(occurred_at), max(occurred_at)
                from purchase where customer_id = any($1)
                group by customer_id, currency order by customer_id, currency
                """), PooledStatements.idParameter(customerIds), PurchaseRepository::toCurrencyStats)
                .map(PurchaseRepository::toStats);
    }

    /** One currency's figures of one customer. */
    private record CurrencyStats(UUID customerId, String currency, long count, BigDecimal sum, OffsetDateTime first,
            OffsetDateTime last) {
    }

    private static CurrencyStats toCurrencyStats(Row row) {
        return new CurrencyStats(row.getUUID(0), row.getString(1).trim(), row.getLong(2), row.getBigDecimal(3),
                row.getOffsetDateTime(4), row.getOffsetDateTime(5));
    }

    private static Map<UUID, CustomerStats> toStats(List<CurrencyStats> rows) {
        Map<UUID, CustomerStats> stats = new HashMap<>();
        for (CurrencyStats row : rows) {
            CustomerStats current = stats.getOrDefault(row.customerId(), CustomerStats.EMPTY);
            List<Money> value = new ArrayList<>(current.lifetimeValue());
            value.add(new Money(Amounts.scaled(row.sum(), row.currency()), row.currency()));
            stats.put(row.customerId(), new CustomerStats(current.purchaseCount() + row.count(), value,
                    current.firstPurchaseAt() == null || row.first().isBefore(current.firstPurchaseAt())
                            ? row.first() : current.firstPurchaseAt(),
                    current.lastPurchaseAt() == null || row.last().isAfter(current.lastPurchaseAt())
                            ? row.last() : current.lastPurchaseAt()));
        }
        return stats;
    }

    private Purchase toPurchase(Row row) {
        Purchase purchase = new Purchase();
        purchase.id = row.getUUID(0);
        purchase.customerId = row.getUUID(1);
        purchase.orderRef = row.getString(2);
        purchase.amount = row.getBigDecimal(3);
        purchase.currency = row.getString(4);
        try {
            purchase.items = items.readValue(row.getString(5));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable items of purchase " + purchase.id, e);
        }
        purchase.channel = row.getString(6);
        purchase.occurredAt = row.getOffsetDateTime(7);
        purchase.createdAt = row.getOffsetDateTime(8);
        return purchase;
    }
}
