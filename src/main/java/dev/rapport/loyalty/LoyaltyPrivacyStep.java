package dev.rapport.loyalty;

import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.anonymized;
import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.kept;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerPrivacyStep;

/**
 * The loyalty domain's part of a privacy request. Erasing keeps the accounts and their ledgers whole (the sums are
 * the business's liability; history is never edited) and removes only what people wrote on the entries.
 */
@ApplicationScoped
class LoyaltyPrivacyStep implements CustomerPrivacyStep {

    private static final String ACCOUNTS =
            "account_id in (select id from loyalty_account where customer_id = :customer)";

    @Override
    public List<String> customerColumns() {
        return List.of("loyalty_account.customer_id");
    }

    @Override
    public List<Part> exports() {
        return List.of(new Part("loyaltyAccounts", """
                select a.*,
                    (select coalesce(jsonb_agg(to_jsonb(e) order by e.created_at, e.id), '[]')
                     from loyalty_entry e where e.account_id = a.id) as entries,
                    (select coalesce(jsonb_agg(to_jsonb(c) order by c.issued_at, c.code), '[]')
                     from loyalty_reward_code c where c.account_id = a.id) as reward_codes
                from loyalty_account a where a.customer_id = :customer order by a.enrolled_at, a.id
                """));
    }

    @Override
    public List<Erasure> erasures() {
        return List.of(
                kept("loyalty_account", "customer_id = :customer"),
                anonymized("loyalty_entry", "update loyalty_entry set note = null where " + ACCOUNTS),
                kept("loyalty_reward_code", ACCOUNTS));
    }

    @Override
    public String eventSubjects() {
        return "select 'loyalty_account', cast(id as text) from loyalty_account where customer_id = :customer";
    }
}
