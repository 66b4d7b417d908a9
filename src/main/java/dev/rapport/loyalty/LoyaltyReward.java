package dev.rapport.loyalty;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A reward of a program's catalogue. Redemptions take stock with one atomic statement ({@link
 * LoyaltyRewardRepository#take}), never through this entity, so a change of the reward and redemptions do not
 * overwrite each other's stock.
 */
@Entity
@Table(name = "loyalty_reward")
public class LoyaltyReward {

    @Id
    public UUID id;

    @Column(name = "program_id")
    public UUID programId;

    public String name;

    public String description;

    public long cost;

    @Column(insertable = true, updatable = false)
    public Long stock;

    @Column(name = "per_customer_limit")
    public Integer perCustomerLimit;

    @JdbcTypeCode(SqlTypes.JSON)
    public LoyaltyRecords.Conditions conditions = LoyaltyRecords.Conditions.NONE;

    @Column(name = "valid_from")
    public OffsetDateTime validFrom;

    @Column(name = "valid_until")
    public OffsetDateTime validUntil;

    public boolean enabled = true;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
