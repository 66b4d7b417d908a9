package dev.rapport.lead;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entry of a lead's timeline: a note, or a call, email or meeting logged. Never changed once written. */
@Entity
@Table(name = "lead_note")
public class LeadNote {

    @Id
    public UUID id;

    @Column(name = "lead_id")
    public UUID leadId;

    public String type;

    public String body;

    public String author;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
