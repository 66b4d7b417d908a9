package dev.rapport.platform.filter;

import java.util.List;
import java.util.Set;

/**
 * An extension point: a domain's facts about customers, the fields segment rules, trigger conditions and customer
 * lists can test. Implement it as a CDI bean and {@link FactCatalog} offers its facts everywhere; no engine is
 * edited. The customer domain provides profile fields, purchase and interaction figures and RFM scores; a ticket
 * domain would add {@code openTickets} with {@code left join ticket_facts t on t.customer_id = c.id}.
 *
 * <p>Facts are SQL expressions over {@code customer c} and the source's {@link #join}; the same expressions load one
 * customer's facts for the in-memory predicate, so both compilers read the same values. Keep them cheap to read
 * (a column maintained in the write's transaction, not an aggregate over history), and make missing rows read as
 * what they mean ({@code coalesce(t.open_tickets, 0)}). A fact's SQL may use {@code {now}} and {@code {today}}.
 * Segment membership follows a change of facts when an event concerns the customer (its subject is the customer,
 * or its data carries {@code customerId}), and a scheduled sweep follows facts that change with time alone.
 */
public interface FactSource {

    /** The join(s) to {@code customer c} this source's facts read, empty when they read the customer row only. */
    String join();

    /** The facts, with unique names (a keyed fact is written {@code name.<key>}). */
    List<FilterField> facts();

    /**
     * The facts whose values change without an event (scores recomputed on a schedule): rules reading them are
     * re-evaluated by the sweep, like rules with relative times.
     */
    default Set<String> refreshedFacts() {
        return Set.of();
    }
}
