package dev.rapport.loyalty;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Points an account holds from one credit, what is left of them, and when they expire (null: never). */
@Entity
@Table(name = "loyalty_lot")
public class LoyaltyLot {

    @Id
    public UUID id;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "entry_id")
    public UUID entryId;

    public long points;

    public long remaining;

    @Column(name = "earned_at")
    public OffsetDateTime earnedAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
}
