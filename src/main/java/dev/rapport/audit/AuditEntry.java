package dev.rapport.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One audited write. Rows are inserted by the event log in the write's transaction and never changed. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    public UUID id;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    public String actor;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "request_id")
    public String requestId;

    public String action;

    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "resource_id")
    public UUID resourceId;

    @Column(name = "changed_fields")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] changedFields;
}
