package dev.rapport.lead;

import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.anonymized;
import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.kept;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerPrivacyStep;

/**
 * The lead domain's part of a privacy request: the leads converted into the customer. Erasing keeps them (the
 * pipeline figures count them) without the person: names, contact points, company details, attributes and what
 * the notes say.
 */
@ApplicationScoped
class LeadPrivacyStep implements CustomerPrivacyStep {

    private static final String LEADS = "lead_id in (select id from lead where customer_id = :customer)";

    @Override
    public List<String> customerColumns() {
        return List.of("lead.customer_id");
    }

    @Override
    public List<Part> exports() {
        return List.of(new Part("leads", """
                select l.*,
                    (select coalesce(jsonb_agg(to_jsonb(n) order by n.occurred_at, n.id), '[]')
                     from lead_note n where n.lead_id = l.id) as notes
                from lead l where l.customer_id = :customer order by l.created_at, l.id
                """));
    }

    @Override
    public List<Erasure> erasures() {
        return List.of(
                anonymized("lead", """
                        update lead set given_name = null, family_name = null, email = null, phone = null,
                            company_name = null, website = null, utm = null, tags = '{}', attributes = '{}',
                            lost_reason = null, search_text = '', version = version + 1
                        where customer_id = :customer
                        """),
                anonymized("lead_note", "update lead_note set body = '' where " + LEADS),
                kept("lead_stage_stay", LEADS));
    }

    @Override
    public String eventSubjects() {
        return "select 'lead', cast(id as text) from lead where customer_id = :customer";
    }
}
