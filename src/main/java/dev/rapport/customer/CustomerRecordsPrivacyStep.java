package dev.rapport.customer;

import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.anonymized;
import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.deleted;
import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.kept;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerPrivacyStep;

/**
 * The customer domain's part of a privacy request. Erasing keeps the profile's row (purchases, ledgers and scores
 * still point at it) with every personal field emptied and the customer deleted; purchases and the activity
 * figures stay as they are (amounts, no person); what people wrote about the customer (interaction summaries,
 * refund reasons) goes; consent records stay as proof without who recorded them.
 */
@ApplicationScoped
class CustomerRecordsPrivacyStep implements CustomerPrivacyStep {

    @Override
    public List<String> customerColumns() {
        return CustomerRecordsMergeStep.COLUMNS;
    }

    @Override
    public List<Part> exports() {
        return List.of(
                new Part("profile", "select * from customer where id = :customer"),
                new Part("purchases", """
                        select p.*, (select coalesce(jsonb_agg(to_jsonb(r) order by r.created_at), '[]')
                                     from purchase_refund r where r.purchase_id = p.id) as refunds
                        from purchase p where p.customer_id = :customer order by p.occurred_at, p.id
                        """),
                new Part(
                        "interactions",
                        "select * from interaction where customer_id = :customer order by occurred_at, id"),
                new Part(
                        "consentHistory",
                        "select * from consent_change where customer_id = :customer order by recorded_at, id"),
                // a request covers the customers merged into the customer, each the merged one of its merge
                new Part("merges", "select * from customer_merge where merged_id = :customer"),
                new Part("activity", "select * from customer_activity where customer_id = :customer"));
    }

    @Override
    public List<Erasure> erasures() {
        return List.of(
                anonymized("customer", """
                        update customer set external_id = null, given_name = null, family_name = null, contacts = '{}',
                            primary_email = null, primary_phone = null, birthday = null, locale = null,
                            time_zone = null, tags = '{}', attributes = '{}', consents = '{}', search_text = '',
                            name_key = '', deleted_at = coalesce(deleted_at, :now), erased_at = :now,
                            updated_at = :now, version = version + 1
                        where id = :customer
                        """),
                deleted("customer_email", "delete from customer_email where customer_id = :customer"),
                deleted("customer_match_key", "delete from customer_match_key where customer_id = :customer"),
                kept("purchase", "customer_id = :customer"),
                anonymized("purchase_refund", """
                        update purchase_refund set reason = null
                        where purchase_id in (select id from purchase where customer_id = :customer)
                        """),
                anonymized(
                        "interaction",
                        "update interaction set summary = null, touchpoint = null where customer_id = :customer"),
                anonymized("consent_change", "update consent_change set actor = null where customer_id = :customer"),
                anonymized("customer_merge", """
                        update customer_merge set choices = privacy_redact(choices) where merged_id = :customer
                        """),
                kept("customer_activity", "customer_id = :customer"));
    }
}
