package dev.rapport.segment;

import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.anonymized;
import static dev.rapport.customer.api.CustomerPrivacyStep.Erasure.deleted;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.CustomerPrivacyStep;

/**
 * The segment domain's part of a privacy request. Erasing takes the customer out of every segment and keeps the
 * history of entries and exits (the segment's figures) with the reasons redacted: a condition may quote a value of
 * the profile.
 */
@ApplicationScoped
class SegmentPrivacyStep implements CustomerPrivacyStep {

    @Override
    public List<String> customerColumns() {
        return List.of("segment_member.customer_id", "segment_change.customer_id");
    }

    @Override
    public List<Part> exports() {
        return List.of(
                new Part("segmentMemberships", """
                        select m.*, s.name as segment_name from segment_member m
                        join segment s on s.id = m.segment_id
                        where m.customer_id = :customer order by m.since, m.segment_id
                        """),
                new Part(
                        "segmentChanges",
                        "select * from segment_change where customer_id = :customer order by occurred_at, id"));
    }

    @Override
    public List<Erasure> erasures() {
        return List.of(
                deleted("segment_member", "delete from segment_member where customer_id = :customer"),
                anonymized(
                        "segment_change",
                        "update segment_change set reason = privacy_redact(reason) where customer_id = :customer"));
    }

    @Override
    public List<String> eventTypesNamingCustomer() {
        return List.of(SegmentEvent.ENTERED, SegmentEvent.EXITED);
    }
}
