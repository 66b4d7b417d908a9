package dev.rapport.survey;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One ask: a personal or anonymous link, or an ask the fatigue, ticket or consent rules suppressed. */
@Entity
@Table(name = "survey_distribution")
public class SurveyDistribution {

    static final String SENT = "sent";
    /** A personal link with answers saved, not completed yet. */
    static final String STARTED = "started";

    static final String SUPPRESSED = "suppressed";
    static final String ANSWERED = "answered";

    @Id
    public UUID id;

    @Column(name = "survey_id")
    public UUID surveyId;

    @Column(name = "partner_scope")
    public String partnerScope = "";

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "customer_id")
    public UUID customerId;

    public String channel;

    public String touchpoint;

    public String locale;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    public String status;

    @Column(name = "suppressed_reason")
    public String suppressedReason;

    @Column(name = "suppressed_detail")
    public String suppressedDetail;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    boolean anonymous() {
        return customerId == null;
    }
}
