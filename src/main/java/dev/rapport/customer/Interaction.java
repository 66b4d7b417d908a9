package dev.rapport.customer;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.rapport.customer.api.InteractionType;

/** An entry of a customer's timeline. Immutable once logged. */
@Entity
@Table(name = "interaction")
public class Interaction {

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    public InteractionType type;

    public String channel;

    public String touchpoint;

    public String summary;

    public String actor;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
