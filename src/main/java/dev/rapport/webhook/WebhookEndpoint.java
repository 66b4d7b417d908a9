package dev.rapport.webhook;

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

/** A URL that receives signed events. Its secrets are never shown again after creation or rotation. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    @Id
    public UUID id;

    public String url;

    public String description;

    @Column(name = "event_types")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] eventTypes;

    public boolean enabled = true;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> headers = new LinkedHashMap<>();

    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_expires_at")
    public OffsetDateTime previousSecretExpiresAt;

    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "failing_since")
    public OffsetDateTime failingSince;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
