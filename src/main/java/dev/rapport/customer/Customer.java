package dev.rapport.customer;

import java.time.LocalDate;
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
 * A customer profile. Contact lists, consents, tags and custom attributes are JSONB columns: they are read and
 * written with the profile as a whole, and filtered with GIN-indexed containment.
 */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public UUID id;

    /** The customer's id in the partner's (or the business's) own systems; unique among live customers. */
    @Column(name = "external_id")
    public String externalId;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    @JdbcTypeCode(SqlTypes.JSON)
    public CustomerRecords.Contacts contacts = CustomerRecords.Contacts.NONE;

    @Column(name = "primary_email")
    public String primaryEmail;

    @Column(name = "primary_phone")
    public String primaryPhone;

    public LocalDate birthday;

    public String locale;

    @Column(name = "time_zone")
    public String timeZone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags = {};

    @Column(name = "owner_id")
    public String ownerId;

    /** The partner whose client created this customer; null for in-house records. */
    @Column(name = "partner_id")
    public String partnerId;

    @JdbcTypeCode(SqlTypes.JSON)
    public CustomerRecords.Consents consents = CustomerRecords.Consents.NONE;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> attributes = new LinkedHashMap<>();

    @Column(name = "search_text")
    public String searchText = "";

    /** The name as names are compared when looking for duplicates ({@link CustomerMatching#nameKey}). */
    @Column(name = "name_key")
    public String nameKey = "";

    /** The customer this one was merged into: then it is deleted, and its id answers with the survivor. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Version
    public long version;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
