package dev.rapport.ticket;

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
 * An SLA policy: a condition over ticket fields and, per priority, the targets a matching ticket is held to.
 * Policies are tried by position; the first that matches a ticket applies.
 */
@Entity
@Table(name = "sla_policy")
public class SlaPolicy {

    @Id
    public UUID id;

    public String name;

    public int position;

    public String condition;

    @Column(name = "calendar_id")
    public UUID calendarId;

    @JdbcTypeCode(SqlTypes.JSON)
    public TicketRecords.Targets targets = TicketRecords.Targets.NONE;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
