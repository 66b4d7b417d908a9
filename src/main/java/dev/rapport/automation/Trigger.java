package dev.rapport.automation;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A trigger's definition. Its firing count and, for date and schedule triggers, how far their occurrences have
 * been looked for are
 * written by the engines with SQL ({@link AutomationFirings}, {@link AutomationCalendar}); updates write only the
 * columns they change.
 */
@Entity
@Table(name = "automation_trigger")
@DynamicUpdate
public class Trigger {

    static final String EVENT = "event";
    static final String DATE = "date";
    static final String SCHEDULE = "schedule";

    @Id
    public UUID id;

    public String name;

    public String description;

    public boolean enabled;

    public String kind;

    @Column(name = "event_types")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] eventTypes;

    @Column(name = "date_field")
    public String dateField;

    @Column(name = "offset_days")
    public Integer offsetDays;

    @Column(name = "local_time")
    public LocalTime localTime;

    public String cron;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "segment_id")
    public UUID segmentId;

    public String condition;

    @JdbcTypeCode(SqlTypes.JSON)
    public TriggerRecords.Actions actions = TriggerRecords.Actions.NONE;

    @Column(name = "cap_count")
    public Integer capCount;

    @Column(name = "cap_period")
    public String capPeriod;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "fired_count", insertable = false, updatable = false)
    public long firedCount;

    @Column(name = "swept_until")
    public OffsetDateTime sweptUntil;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
