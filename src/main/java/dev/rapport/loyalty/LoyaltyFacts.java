package dev.rapport.loyalty;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.filter.FactSource;
import dev.rapport.platform.filter.FilterField;
import dev.rapport.platform.filter.FilterField.FieldType;

/**
 * The loyalty domain's facts about customers, for segment rules, trigger conditions and customer lists: the points
 * a customer holds across their accounts, the tier of their oldest account, and the points that expire within 30
 * days (a fact that changes with time: rules reading it are swept), read by the accounts' customer index and the
 * lots' open index.
 */
@ApplicationScoped
public class LoyaltyFacts implements FactSource {

    private static final List<FilterField> FACTS = List.of(
            FilterField.of("loyaltyPoints", "coalesce(lyf.points, 0)", FieldType.NUMBER),
            FilterField.of("loyaltyTier", "lyf.tier", FieldType.TEXT),
            FilterField.of(
                    "loyaltyPointsExpiringSoon",
                    "coalesce((select sum(l.remaining) from loyalty_lot l where l.account_id = any(lyf.accounts)"
                            + " and l.remaining > 0 and l.expires_at <= {now} + interval '30 days'), 0)",
                    FieldType.NUMBER));

    @Override
    public String join() {
        return "left join lateral (select sum(a.balance) as points,"
                + " (array_agg(a.tier order by a.enrolled_at, a.id))[1] as tier, array_agg(a.id) as accounts"
                + " from loyalty_account a where a.customer_id = c.id) lyf on true";
    }

    @Override
    public List<FilterField> facts() {
        return FACTS;
    }
}
