package dev.rapport.privacy;

import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.anonymized;
import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.kept;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerPrivacyStep;

/**
 * The privacy domain's own part of a privacy request: the legal hold (an erasure never runs while one stands) and
 * the earlier requests about the customer, whose export documents an erasure deletes (the jobs stay as receipts).
 */
@ApplicationScoped
class PrivacyRecordsStep implements CustomerPrivacyStep {

    @Override
    public List<String> customerColumns() {
        return List.of("legal_hold.customer_id", "privacy_job.customer_id");
    }

    @Override
    public List<Part> exports() {
        return List.of(
                new Part("legalHold", "select * from legal_hold where customer_id = :customer"),
                new Part("privacyRequests", """
                        select id, kind, status, reason, reference, requested_by, requested_at, finished_at
                        from privacy_job where customer_id = :customer order by requested_at, id
                        """));
    }

    @Override
    public List<Erasure> erasures() {
        return List.of(kept("legal_hold", "customer_id = :customer"), anonymized("privacy_job", """
                        update privacy_job set result = null, status = 'expired'
                        where customer_id = :customer and kind = 'export' and result is not null
                        """));
    }
}
