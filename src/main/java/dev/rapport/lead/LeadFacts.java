package dev.rapport.lead;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.filter.FactSource;
import dev.rapport.platform.filter.FilterField;
import dev.rapport.platform.filter.FilterField.FieldType;

/**
 * The lead domain's facts about customers, for segment rules, trigger conditions and customer lists: where the
 * customer came from as a lead (the latest lead converted to it), read by the lead's customer index.
 */
@ApplicationScoped
public class LeadFacts implements FactSource {

    private static final List<FilterField> FACTS = List.of(
            FilterField.of("leadSource", "lf.source", FieldType.TEXT),
            FilterField.of("leadCampaign", "lf.campaign", FieldType.TEXT),
            FilterField.of("leadConvertedAt", "lf.converted_at", FieldType.TIMESTAMP));

    @Override
    public String join() {
        return "left join lateral (select l.source, l.campaign, l.converted_at from lead l where l.customer_id = c.id"
                + " order by l.converted_at desc limit 1) lf on true";
    }

    @Override
    public List<FilterField> facts() {
        return FACTS;
    }
}
