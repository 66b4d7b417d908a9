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

/** A sales pipeline: its stages in order, each with a win probability and a category (open, won or lost). */
@Entity
@Table(name = "pipeline")
public class Pipeline {

    @Id
    public UUID id;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    public LeadRecords.Stages stages = LeadRecords.Stages.NONE;

    /** The pipeline a lead joins when it names none; in-house, one of them. */
    @Column(name = "is_default")
    public boolean isDefault;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    LeadRecords.Stage stage(String key) {
        return stages.items().stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElse(null);
    }

    /** The first stage of {@code category}, or null. */
    LeadRecords.Stage first(String category) {
        return stages.items().stream()
                .filter(s -> s.category().equals(category))
                .findFirst()
                .orElse(null);
    }
}
