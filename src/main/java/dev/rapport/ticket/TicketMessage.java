package dev.rapport.ticket;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A message on a ticket: a public reply (of an agent or the requester) or an internal note. Never changed. */
@Entity
@Table(name = "ticket_message")
public class TicketMessage {

    static final String PUBLIC = "public";
    static final String INTERNAL = "internal";
    static final String AGENT = "agent";
    static final String REQUESTER = "requester";

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    public String visibility;

    @Column(name = "author_type")
    public String authorType;

    @Column(name = "author_id")
    public String authorId;

    @Column(name = "body_text")
    public String bodyText;

    @Column(name = "body_html")
    public String bodyHtml;

    @JdbcTypeCode(SqlTypes.JSON)
    public TicketRecords.Attachments attachments = TicketRecords.Attachments.NONE;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    boolean isPublicAgentReply() {
        return PUBLIC.equals(visibility) && AGENT.equals(authorType);
    }

    boolean isPublicRequesterMessage() {
        return PUBLIC.equals(visibility) && REQUESTER.equals(authorType);
    }
}
