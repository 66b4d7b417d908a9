package dev.rapport.ticket;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A support case. Its messages ({@link TicketMessage}), status history and SLA clocks are rows of their own,
 * written with SQL by {@link TicketRepository} in the transaction of the change.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    public UUID id;

    /** The human number, per partner: T-1042. */
    public long number;

    @Column(name = "partner_scope")
    public String partnerScope = "";

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "customer_id")
    public UUID customerId;

    public String subject;

    public String status;

    public String priority;

    public String type;

    public String channel;

    @Column(name = "assignee_id")
    public String assigneeId;

    public String team;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags = {};

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> attributes = new LinkedHashMap<>();

    @Column(name = "follow_up_of")
    public UUID followUpOf;

    @Column(name = "sla_policy_id")
    public UUID slaPolicyId;

    @Column(name = "first_response_at")
    public OffsetDateTime firstResponseAt;

    @Column(name = "awaiting_reply_since")
    public OffsetDateTime awaitingReplySince;

    @Column(name = "sla_due_at")
    public OffsetDateTime slaDueAt;

    @Column(name = "solved_at")
    public OffsetDateTime solvedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "reopen_count")
    public int reopenCount;

    @Column(name = "resolution_seconds")
    public Long resolutionSeconds;

    @Column(name = "resolution_business_seconds")
    public Long resolutionBusinessSeconds;

    @Column(name = "first_response_seconds")
    public Long firstResponseSeconds;

    @Column(name = "first_response_business_seconds")
    public Long firstResponseBusinessSeconds;

    @Column(name = "search_text")
    public String searchText = "";

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    TicketStatus currentStatus() {
        return TicketStatus.of(status);
    }
}
