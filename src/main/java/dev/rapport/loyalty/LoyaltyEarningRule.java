package dev.rapport.loyalty;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An earning rule of a program: what a purchase earns, when. */
@Entity
@Table(name = "loyalty_earning_rule")
public class LoyaltyEarningRule {

    public static final String SPEND = "spend";
    public static final String MULTIPLIER = "multiplier";
    public static final String BONUS = "bonus";

    @Id
    public UUID id;

    @Column(name = "program_id")
    public UUID programId;

    public String name;

    public String kind;

    @Column(name = "points_per_unit")
    public BigDecimal pointsPerUnit;

    public BigDecimal multiplier;

    public Long points;

    @JdbcTypeCode(SqlTypes.JSON)
    public LoyaltyRecords.Conditions conditions = LoyaltyRecords.Conditions.NONE;

    @Column(name = "max_points")
    public Long maxPoints;

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
