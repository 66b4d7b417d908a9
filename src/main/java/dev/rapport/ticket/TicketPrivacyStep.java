package dev.rapport.ticket;

import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.anonymized;
import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.kept;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerPrivacyStep;

/**
 * The ticket domain's part of a privacy request. Erasing keeps the customer's tickets (their timings feed the SLA
 * and support figures) and empties what was written in them: subjects, messages and their attachments, tags and
 * attributes; the requester's own name goes from the messages they wrote.
 */
@ApplicationScoped
class TicketPrivacyStep implements CustomerPrivacyStep {

    private static final String TICKETS = "ticket_id in (select id from ticket where customer_id = :customer)";

    @Override
    public List<String> customerColumns() {
        return List.of("ticket.customer_id", "ticket_customer_facts.customer_id");
    }

    @Override
    public List<Part> exports() {
        return List.of(new Part("tickets", """
                select t.*,
                    (select coalesce(jsonb_agg(to_jsonb(m) order by m.created_at, m.id), '[]')
                     from ticket_message m where m.ticket_id = t.id) as messages,
                    (select coalesce(jsonb_agg(to_jsonb(s) order by s.changed_at, s.id), '[]')
                     from ticket_status_change s where s.ticket_id = t.id) as status_changes
                from ticket t where t.customer_id = :customer order by t.created_at, t.id
                """));
    }

    @Override
    public List<Erasure> erasures() {
        return List.of(
                anonymized("ticket", """
                        update ticket set subject = '(erased)', tags = '{}', attributes = '{}', search_text = '',
                            version = version + 1
                        where customer_id = :customer
                        """),
                anonymized("ticket_message", """
                        update ticket_message set body_text = null, body_html = null, attachments = '{}',
                            author_id = case when author_type = 'requester' then null else author_id end
                        where\s""" + TICKETS),
                kept("ticket_status_change", TICKETS),
                kept("ticket_customer_facts", "customer_id = :customer"));
    }

    @Override
    public String eventSubjects() {
        return "select 'ticket', cast(id as text) from ticket where customer_id = :customer";
    }
}
