package dev.rapport.survey;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A survey: its status, rules and follow-ups. Its questions are kept per revision in {@code survey_revision}. */
@Entity
@Table(name = "survey")
public class Survey {

    static final String DRAFT = "draft";
    static final String ACTIVE = "active";
    static final String CLOSED = "closed";

    @Id
    public UUID id;

    @Column(name = "partner_scope")
    public String partnerScope = "";

    @Column(name = "partner_id")
    public String partnerId;

    public String name;

    public String status;

    public int revision;

    @Column(name = "default_locale")
    public String defaultLocale;

    @Column(name = "fatigue_days")
    public Integer fatigueDays;

    @Column(name = "skip_when_ticket_open")
    public boolean skipWhenTicketOpen;

    @Column(name = "follow_ups")
    @JdbcTypeCode(SqlTypes.JSON)
    public SurveyRecords.FollowUps followUps = SurveyRecords.FollowUps.NONE;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Version
    public long version;
}
