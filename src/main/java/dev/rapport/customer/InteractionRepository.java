package dev.rapport.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.InteractionView;
import dev.rapport.platform.db.ReadSessions;
import dev.rapport.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, UUID> {

    private final CustomerMapper mapper;
    private final ReadSessions reads;

    InteractionRepository(CustomerMapper mapper, ReadSessions reads) {
        this.mapper = mapper;
        this.reads = reads;
    }

    /** The newest interactions of each customer, at most {@code perCustomer} each, with one statement, in a session of its own. */
    public Uni<Map<UUID, List<InteractionView>>> recent(List<UUID> customerIds, int perCustomer) {
        return reads.read(session -> session.createNativeQuery("""
                select i.* from unnest(cast(string_to_array(:ids, ',') as uuid[])) as c(id)
                cross join lateral (
                    select * from interaction where customer_id = c.id order by occurred_at desc, id desc limit :n
                ) i
                """, Interaction.class)
                .setParameter("ids", PurchaseRepository.join(customerIds))
                .setParameter("n", perCustomer)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(i -> i.customerId, LinkedHashMap::new,
                        Collectors.mapping(mapper::toView, Collectors.toList()))));
    }

    /** One page of a customer's timeline, newest first. */
    public Uni<List<Interaction>> page(UUID customerId, PageRequest page) {
        TimelineQuery query = TimelineQuery.of(customerId, page);
        return find(query.hql(), query.params()).page(0, page.fetchSize()).list();
    }
}
