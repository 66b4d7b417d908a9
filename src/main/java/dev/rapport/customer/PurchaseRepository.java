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

import dev.rapport.customer.api.CustomerStats;
import dev.rapport.customer.api.CustomerStats.Money;
import dev.rapport.customer.api.PurchaseView;
import dev.rapport.platform.db.ReadSessions;
import dev.rapport.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import dev.rapport.platform.db.SqlValues;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PurchaseRepository implements PanacheRepositoryBase<Purchase, UUID> {

    private final CustomerMapper mapper;
    private final ReadSessions reads;

    PurchaseRepository(CustomerMapper mapper, ReadSessions reads) {
        this.mapper = mapper;
        this.reads = reads;
    }

    public Uni<Boolean> existsOrderRef(UUID customerId, String orderRef) {
        return count("customerId = :customer and orderRef = :ref",
                Parameters.with("customer", customerId).and("ref", orderRef)).map(n -> n > 0);
    }

    /** The newest purchases of each customer, at most {@code perCustomer} each, with one statement, in a session of its own. */
    public Uni<Map<UUID, List<PurchaseView>>> recent(List<UUID> customerIds, int perCustomer) {
        return reads.read(session -> session.createNativeQuery("""
                select p.* from unnest(cast(string_to_array(:ids, ',') as uuid[])) as c(id)
                cross join lateral (
                    select * from purchase where customer_id = c.id order by occurred_at desc, id desc limit :n
                ) p
                """, Purchase.class)
                .setParameter("ids", join(customerIds))
                .setParameter("n", perCustomer)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(p -> p.customerId, LinkedHashMap::new,
                        Collectors.mapping(mapper::toView, Collectors.toList()))));
    }

    /** One page of a customer's purchases, newest first. */
    public Uni<List<Purchase>> page(UUID customerId, PageRequest page) {
        TimelineQuery query = TimelineQuery.of(customerId, page);
        return find(query.hql(), query.params()).page(0, page.fetchSize()).list();
    }

    /**
     * Purchase count, lifetime value per currency and first/last purchase time of each customer in one query,
     * in a session of its own.
     */
    public Uni<Map<UUID, CustomerStats>> stats(List<UUID> customerIds) {
        return reads.read(session -> session.createNativeQuery("""
                select customer_id, currency, count(*), sum(amount), min(occurred_at), max(occurred_at)
                from purchase where customer_id = any(cast(string_to_array(:ids, ',') as uuid[]))
                group by customer_id, currency order by customer_id, currency
                """, Object[].class)
                .setParameter("ids", join(customerIds))
                .getResultList())
                .map(PurchaseRepository::toStats);
    }

    private static Map<UUID, CustomerStats> toStats(List<Object[]> rows) {
        Map<UUID, CustomerStats> stats = new HashMap<>();
        for (Object[] row : rows) {
            UUID customer = (UUID) row[0];
            CustomerStats current = stats.getOrDefault(customer, CustomerStats.EMPTY);
            List<Money> value = new ArrayList<>(current.lifetimeValue());
            String currency = ((String) row[1]).trim();
            value.add(new Money(Amounts.scaled((BigDecimal) row[3], currency), currency));
            OffsetDateTime first = SqlValues.timestamp(row[4]);
            OffsetDateTime last = SqlValues.timestamp(row[5]);
            stats.put(customer, new CustomerStats(current.purchaseCount() + ((Number) row[2]).longValue(), value,
                    current.firstPurchaseAt() == null || first.isBefore(current.firstPurchaseAt())
                            ? first : current.firstPurchaseAt(),
                    current.lastPurchaseAt() == null || last.isAfter(current.lastPurchaseAt())
                            ? last : current.lastPurchaseAt()));
        }
        return stats;
    }


    static String join(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
