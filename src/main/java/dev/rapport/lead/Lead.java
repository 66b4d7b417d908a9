package dev.rapport.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A prospect on its way through a pipeline. Its notes ({@link LeadNote}) and stage stays are rows of their own,
 * written in the transaction of the change.
 */
@Entity
@Table(name = "lead")
public class Lead {

    @Id
    public UUID id;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    public String email;

    public String phone;

    @Column(name = "company_name")
    public String companyName;

    @Column(name = "company_size")
    public String companySize;

    public String industry;

    public String website;

    public String source;

    public String campaign;

    @JdbcTypeCode(SqlTypes.JSON)
    public LeadRecords.Utm utm;

    @Column(name = "pipeline_id")
    public UUID pipelineId;

    public String stage;

    @Column(name = "stage_category")
    public String stageCategory;

    @Column(name = "stage_entered_at")
    public OffsetDateTime stageEnteredAt;

    @Column(name = "owner_id")
    public String ownerId;

    public int score;

    @Column(name = "value_amount")
    public BigDecimal valueAmount;

    @Column(name = "value_currency")
    public String valueCurrency;

    @Column(name = "expected_close_date")
    public LocalDate expectedCloseDate;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags = {};

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> attributes = new LinkedHashMap<>();

    @Column(name = "lost_reason")
    public String lostReason;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "converted_at")
    public OffsetDateTime convertedAt;

    @Column(name = "note_count")
    public int noteCount;

    @Column(name = "last_note_at")
    public OffsetDateTime lastNoteAt;

    @Column(name = "search_text")
    public String searchText = "";

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** The assignment rule that chose the owner in this transaction; not stored. */
    @Transient
    UUID assignedBy;
}
