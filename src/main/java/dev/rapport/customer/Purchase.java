package dev.rapport.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A purchase of a customer: immutable once recorded, but for the refunds it takes. */
@Entity
@Table(name = "purchase")
public class Purchase {

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "order_ref")
    public String orderRef;

    public BigDecimal amount;

    public String currency;

    /** How much of the amount was refunded; the purchase is otherwise immutable once recorded. */
    @Column(name = "refunded_amount")
    public BigDecimal refundedAmount = BigDecimal.ZERO;

    @JdbcTypeCode(SqlTypes.JSON)
    public CustomerRecords.Lines items = new CustomerRecords.Lines(List.of());

    public String channel;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
