package dev.rapport.loyalty;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One entry of an account's ledger; inserted once, never changed (the database refuses it). */
@Entity
@Immutable
@Table(name = "loyalty_entry")
public class LoyaltyEntry {

    public static final String EARN = "earn";
    public static final String REDEEM = "redeem";
    public static final String ADJUST = "adjust";
    public static final String EXPIRE = "expire";
    public static final String REVERSE = "reverse";
    public static final String TRANSFER = "transfer";

    @Id
    public UUID id;

    @Column(name = "account_id")
    public UUID accountId;

    public String type;

    public long points;

    @Column(name = "balance_after")
    public long balanceAfter;

    @Column(name = "reason_code")
    public String reasonCode;

    public String note;

    @Column(name = "rule_id")
    public UUID ruleId;

    @Column(name = "purchase_id")
    public UUID purchaseId;

    @Column(name = "lot_id")
    public UUID lotId;

    public UUID reverses;

    @Column(name = "linked_entry_id")
    public UUID linkedEntryId;

    public String actor;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
