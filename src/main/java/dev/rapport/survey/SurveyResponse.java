package dev.rapport.survey;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A respondent's answers to one revision of a survey, partial until completed. */
@Entity
@Table(name = "survey_response")
public class SurveyResponse {

    static final String PARTIAL = "partial";
    static final String COMPLETED = "completed";

    @Id
    public UUID id;

    @Column(name = "survey_id")
    public UUID surveyId;

    public int revision;

    @Column(name = "distribution_id")
    public UUID distributionId;

    @Column(name = "partner_scope")
    public String partnerScope = "";

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "customer_id")
    public UUID customerId;

    public String touchpoint;

    public String channel;

    public String locale;

    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    public SurveyRecords.Answers answers;

    public Integer nps;

    public Integer csat;

    public Integer ces;

    public String comment;

    @Column(name = "segment_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] segmentIds = {};

    @Column(name = "follow_up_tickets")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] followUpTickets = {};

    @Column(name = "followed_up_at")
    public OffsetDateTime followedUpAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
