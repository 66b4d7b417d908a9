package dev.rapport.lead;

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
 * A rule over lead fields: a scoring rule adds its points to the score of every lead its condition holds for; an
 * assignment rule gives a new lead without an owner its owner, a fixed one or the next of a round-robin pool.
 */
@Entity
@Table(name = "lead_rule")
public class LeadRule {

    public static final String SCORING = "scoring";
    public static final String ASSIGNMENT = "assignment";

    @Id
    public UUID id;

    public String kind;

    public String name;

    public String condition;

    public Integer points;

    @Column(name = "owner_id")
    public String ownerId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] pool;

    /** How many leads the pool has been given, the round-robin's turn: moved by one SQL update, never by a save. */
    @Column(insertable = false, updatable = false)
    public long turns;

    public int position;

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
