package dev.rapport.loyalty;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer's account in a program. Its balance is the sum of its ledger: the database adds each entry's points as
 * the entry is inserted (V14), so this entity never writes it, and a posting reads it with the row locked.
 */
@Entity
@Table(name = "loyalty_account")
public class LoyaltyAccount {

    @Id
    public UUID id;

    @Column(name = "program_id")
    public UUID programId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "card_number")
    public String cardNumber;

    @Column(insertable = false, updatable = false)
    public long balance;

    public long pending;

    @Column(name = "lifetime_earned")
    public long lifetimeEarned;

    public String tier;

    @Column(name = "tier_since")
    public OffsetDateTime tierSince;

    @Column(name = "tier_review_at")
    public OffsetDateTime tierReviewAt;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "enrolled_at")
    public OffsetDateTime enrolledAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
