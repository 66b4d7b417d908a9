package dev.rapport.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.api.InteractionType;
import dev.rapport.platform.filter.FactSource;
import dev.rapport.platform.filter.FilterField;
import dev.rapport.platform.filter.FilterField.FieldType;

/**
 * The customer domain's facts: the profile, consents, purchase and interaction figures (kept in
 * {@code customer_activity} by the writes that change them), dates relative to today, and RFM scores
 * ({@link CustomerRfm}).
 */
@ApplicationScoped
public class CustomerFacts implements FactSource {

    /** The profile fields: what customer lists filtered by before facts, and still do without a join. */
    static final List<FilterField> PROFILE = List.of(
            FilterField.of("externalId", "c.external_id", FieldType.TEXT),
            FilterField.of("givenName", "c.given_name", FieldType.TEXT),
            FilterField.of("familyName", "c.family_name", FieldType.TEXT),
            FilterField.of("email", "c.primary_email", FieldType.TEXT, CustomerNormalizer::email),
            FilterField.of("phone", "c.primary_phone", FieldType.TEXT, ContactStandards::international),
            FilterField.of("locale", "c.locale", FieldType.TEXT),
            FilterField.of("timeZone", "c.time_zone", FieldType.TEXT),
            FilterField.of("ownerId", "c.owner_id", FieldType.TEXT),
            FilterField.of("birthday", "c.birthday", FieldType.DATE),
            FilterField.of("createdAt", "c.created_at", FieldType.TIMESTAMP),
            FilterField.of("updatedAt", "c.updated_at", FieldType.TIMESTAMP),
            FilterField.of("tags", "c.tags", FieldType.STRING_ARRAY, CustomerNormalizer::tag),
            FilterField.of("attributes", "c.attributes", FieldType.ATTRIBUTES));

    /** The next birthday (Feb 29 falls on Feb 28 in other years, as Java's plusYears does) less today, in days. */
    private static final String BIRTHDAY_IN_DAYS;

    static {
        String years = "(cast(extract(year from {today}) as int) - cast(extract(year from c.birthday) as int))";
        String thisYear = "cast(c.birthday + make_interval(years => " + years + ") as date)";
        String nextYear = "cast(c.birthday + make_interval(years => " + years + " + 1) as date)";
        BIRTHDAY_IN_DAYS = "(case when " + thisYear + " >= {today} then " + thisYear + " - {today} else " + nextYear
                + " - {today} end)";
    }

    static final Set<String> RFM = Set.of("rfmRecency", "rfmFrequency", "rfmMonetary", "rfmGroup");

    private static final List<FilterField> FACTS;

    static {
        List<FilterField> facts = new ArrayList<>(PROFILE);
        for (String channel : List.of("email", "sms", "push")) {
            facts.add(FilterField.of(
                    "consents." + channel,
                    "cast(c.consents -> '" + channel + "' ->> 'granted' as boolean)",
                    FieldType.BOOLEAN));
        }
        facts.add(FilterField.of("purchaseCount", "coalesce(a.purchase_count, 0)", FieldType.NUMBER));
        facts.add(FilterField.of(
                "lifetimeValue", "coalesce(a.lifetime_values, cast('{}' as jsonb))", FieldType.ATTRIBUTES));
        facts.add(FilterField.of("firstPurchaseAt", "a.first_purchase_at", FieldType.TIMESTAMP));
        facts.add(FilterField.of("lastPurchaseAt", "a.last_purchase_at", FieldType.TIMESTAMP));
        facts.add(FilterField.of("interactionCount", "coalesce(a.interaction_count, 0)", FieldType.NUMBER));
        for (InteractionType type : InteractionType.values()) {
            facts.add(FilterField.of(
                    "interactionCount." + type.name(),
                    "coalesce(cast(a.interaction_counts ->> '" + type.name() + "' as int), 0)",
                    FieldType.NUMBER));
        }
        facts.add(FilterField.of("lastInteractionAt", "a.last_interaction_at", FieldType.TIMESTAMP));
        facts.add(FilterField.of("birthdayInDays", BIRTHDAY_IN_DAYS, FieldType.NUMBER));
        facts.add(FilterField.of(
                "membershipDays", "({today} - cast(c.created_at at time zone 'UTC' as date))", FieldType.NUMBER));
        facts.add(FilterField.of("rfmRecency", "a.rfm_recency", FieldType.NUMBER));
        facts.add(FilterField.of("rfmFrequency", "a.rfm_frequency", FieldType.NUMBER));
        facts.add(FilterField.of("rfmMonetary", "a.rfm_monetary", FieldType.NUMBER));
        facts.add(FilterField.of("rfmGroup", "a.rfm_group", FieldType.TEXT));
        FACTS = List.copyOf(facts);
    }

    @Override
    public String join() {
        return "left join customer_activity a on a.customer_id = c.id";
    }

    @Override
    public List<FilterField> facts() {
        return FACTS;
    }

    @Override
    public Set<String> refreshedFacts() {
        return RFM;
    }
}
