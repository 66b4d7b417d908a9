package dev.rapport.ticket;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.filter.FactSource;
import dev.rapport.platform.filter.FilterField;
import dev.rapport.platform.filter.FilterField.FieldType;

/**
 * The ticket domain's facts about customers, for segment rules, trigger conditions and customer lists: kept in
 * {@code ticket_customer_facts} by the ticket writes (and the SLA scheduler's breaches) in their transactions.
 */
@ApplicationScoped
public class TicketFacts implements FactSource {

    private static final List<FilterField> FACTS = List.of(
            FilterField.of("openTickets", "coalesce(tf.open_tickets, 0)", FieldType.NUMBER),
            FilterField.of("ticketCount", "coalesce(tf.ticket_count, 0)", FieldType.NUMBER),
            FilterField.of("lastTicketAt", "tf.last_ticket_at", FieldType.TIMESTAMP),
            FilterField.of("slaBreaches", "coalesce(tf.breached_count, 0)", FieldType.NUMBER));

    @Override
    public String join() {
        return "left join ticket_customer_facts tf on tf.customer_id = c.id";
    }

    @Override
    public List<FilterField> facts() {
        return FACTS;
    }
}
