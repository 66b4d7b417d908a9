package dev.rapport.ticket;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Business hours: weekly openings in an IANA time zone, and holidays. SLA policies count time by one. */
@Entity
@Table(name = "business_calendar")
public class BusinessCalendar {

    @Id
    public UUID id;

    public String name;

    @Column(name = "time_zone")
    public String timeZone;

    @JdbcTypeCode(SqlTypes.JSON)
    public TicketRecords.Openings intervals = TicketRecords.Openings.NONE;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public LocalDate[] holidays = {};

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
