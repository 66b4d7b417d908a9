package dev.rapport.customer;

import java.util.UUID;

import dev.rapport.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;

/**
 * The keyset query for one page of a customer's purchases or interactions, newest first: both entities have
 * {@code customerId}, {@code occurredAt} and {@code id}.
 */
record TimelineQuery(String hql, Parameters params) {

    static TimelineQuery of(UUID customerId, PageRequest page) {
        Parameters params = Parameters.with("customer", customerId);
        String keyset = "";
        if (page.after() != null) {
            keyset = " and (occurredAt < :at or (occurredAt = :at and id < :before))";
            params = params.and("at", page.after().timeKey()).and("before", page.after().id());
        }
        return new TimelineQuery("customerId = :customer" + keyset + " order by occurredAt desc, id desc", params);
    }
}
