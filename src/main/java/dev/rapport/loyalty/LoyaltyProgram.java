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

/** A loyalty program: what its points are called, its tiers, how tiers qualify and when points expire. */
@Entity
@Table(name = "loyalty_program")
public class LoyaltyProgram {

    @Id
    public UUID id;

    public String name;

    @Column(name = "points_name")
    public String pointsName;

    public String currency;

    @Column(name = "time_zone")
    public String timeZone;

    @JdbcTypeCode(SqlTypes.JSON)
    public LoyaltyRecords.Tiers tiers = LoyaltyRecords.Tiers.NONE;

    @JdbcTypeCode(SqlTypes.JSON)
    public LoyaltyRecords.Qualification qualification;

    @JdbcTypeCode(SqlTypes.JSON)
    public LoyaltyRecords.Expiry expiry;

    /** The return window: days before points earned from a purchase become available. */
    @Column(name = "pending_days")
    public int pendingDays;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
