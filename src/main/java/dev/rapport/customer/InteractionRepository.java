package dev.rapport.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.InteractionType;
import dev.rapport.customer.api.InteractionView;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, UUID> {

    private final CustomerMapper mapper;
    private final PooledStatements reads;

    InteractionRepository(CustomerMapper mapper, PooledStatements reads) {
        this.mapper = mapper;
        this.reads = reads;
    }

    /**
     * The newest interactions of each customer, at most {@code perCustomer} each, with one statement. One customer
     * gets a statement of its own: see {@link PooledStatements#forIds}.
     */
    public Uni<Map<UUID, List<InteractionView>>> recent(List<UUID> customerIds, int perCustomer) {
        return reads.list(PooledStatements.forIds(customerIds, """
                select i.id, i.customer_id, i.type, i.channel, i.touchpoint, i.summary, i.actor, i.occurred_at,
                       i.created_at
                from interaction i where i.customer_id = $1 order by i.occurred_at desc, i.id desc limit $2
                """, """
                select i.id, i.customer_id, i.type, i.channel, i.touchpoint, i.summary, i.actor, i.occurred_at,
                       i.created_at
                from unnest(cast($1 as uuid[])) as c(id)
                cross join lateral (
                    select * from interaction where customer_id = c.id order by occurred_at desc, id desc limit $2
                ) i
                """), PooledStatements.idParameter(customerIds).addInteger(perCustomer),
                InteractionRepository::toInteraction)
                .map(rows -> rows.stream().collect(Collectors.groupingBy(i -> i.customerId, LinkedHashMap::new,
                        Collectors.mapping(mapper::toView, Collectors.toList()))));
    }

    private static Interaction toInteraction(Row row) {
        Interaction interaction = new Interaction();
        interaction.id = row.getUUID(0);
        interaction.customerId = row.getUUID(1);
        interaction.type = InteractionType.valueOf(row.getString(2));
        interaction.channel = row.getString(3);
        interaction.touchpoint = row.getString(4);
        interaction.summary = row.getString(5);
        interaction.actor = row.getString(6);
        interaction.occurredAt = row.getOffsetDateTime(7);
        interaction.createdAt = row.getOffsetDateTime(8);
        return interaction;
    }

    /** One page of a customer's timeline, newest first. */
    public Uni<List<Interaction>> page(UUID customerId, PageRequest page) {
        TimelineQuery query = TimelineQuery.of(customerId, page);
        return find(query.hql(), query.params()).page(0, page.fetchSize()).list();
    }
}
