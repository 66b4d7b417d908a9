package dev.rapport.segment;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;

/**
 * A segment's definition. Its members, member count and computation state are written by the engine with SQL
 * ({@link SegmentMembership}, {@link SegmentComputation}); updates write only the columns they change, so an edit of
 * the name never writes back a stale count.
 */
@Entity
@Table(name = "segment")
@DynamicUpdate
public class Segment {

    static final String DYNAMIC = "dynamic";
    static final String COMPUTING = "computing";
    static final String READY = "ready";

    @Id
    public UUID id;

    public String name;

    public String description;

    public String kind;

    public String rule;

    @Column(name = "rule_version")
    public int ruleVersion = 1;

    public String status;

    @Column(name = "member_count", updatable = false)
    public long memberCount;

    @Column(name = "announce_initial")
    public boolean announceInitial;

    @Column(name = "changes_with_time")
    public boolean changesWithTime;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "computed_version", insertable = false, updatable = false)
    public Integer computedVersion;

    @Column(name = "computed_at", insertable = false, updatable = false)
    public OffsetDateTime computedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    boolean isDynamic() {
        return DYNAMIC.equals(kind);
    }
}
