package dev.rapport.customer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.rapport.platform.config.RapportConfig;
import dev.rapport.platform.db.PooledStatements;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * RFM scores: recency, frequency and monetary quintiles (1 to 5, 5 the best) over each partner's live customers with
 * purchases (in-house customers together), by percent rank: the lowest value scores 1, the highest 5, and customers
 * with equal values share the lower score, and the group they make, so that "high-value customers" is one rule:
 * {@code rfmGroup=in=(champions,loyal)}. Recency ranks the last purchase, frequency the number of purchases,
 * monetary the lifetime value in {@code rapport.segments.rfm-currency}. Groups, by recency R and FM (the mean of F
 * and M, rounded):
 *
 * <pre>
 *            FM 1-2              FM 3       FM 4-5
 * R 4-5      potential_loyalists loyal      champions
 * R 3        needs_attention     loyal      loyal
 * R 1-2      hibernating         at_risk    at_risk
 * </pre>
 *
 * Customers without purchases have no scores. One statement, on a schedule; replicas that run it at once skip it
 * but one (an advisory lock). Rules reading the scores follow at the next segment sweep.
 */
@ApplicationScoped
public class CustomerRfm {

    private static final Logger LOG = Logger.getLogger(CustomerRfm.class);

    private static final String REFRESH = """
            with lock as (select pg_try_advisory_xact_lock(hashtext('customer_rfm')) as held),
            scored as (
                select a.customer_id,
                       least(5, 1 + floor(5 * percent_rank() over (partition by c.partner_id
                                                                    order by a.last_purchase_at))) as r,
                       least(5, 1 + floor(5 * percent_rank() over (partition by c.partner_id
                                                                    order by a.purchase_count))) as f,
                       least(5, 1 + floor(5 * percent_rank() over (partition by c.partner_id
                           order by coalesce(cast(a.lifetime_values ->> cast($1 as text) as numeric), 0)))) as m
                from customer_activity a join customer c on c.id = a.customer_id
                where c.deleted_at is null and a.purchase_count > 0 and (select held from lock)
            ),
            grouped as (
                select customer_id, r, f, m, round((f + m) / 2.0) as fm from scored
            )
            update customer_activity a
            set rfm_recency = g.r, rfm_frequency = g.f, rfm_monetary = g.m,
                rfm_group = case
                    when g.r >= 4 and g.fm >= 4 then 'champions'
                    when g.r >= 4 and g.fm = 3 then 'loyal'
                    when g.r >= 4 then 'potential_loyalists'
                    when g.r = 3 and g.fm >= 3 then 'loyal'
                    when g.r = 3 then 'needs_attention'
                    when g.fm >= 3 then 'at_risk'
                    else 'hibernating' end
            from grouped g
            where g.customer_id = a.customer_id
              and (a.rfm_recency, a.rfm_frequency, a.rfm_monetary) is distinct from (g.r, g.f, g.m)
            """;

    private final PooledStatements statements;
    private final RapportConfig config;

    CustomerRfm(PooledStatements statements, RapportConfig config) {
        this.statements = statements;
        this.config = config;
    }

    @Scheduled(
            every = "${rapport.segments.rfm-interval}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return refresh().replaceWithVoid();
    }

    /** Computes every score again; the number of customers whose scores changed. */
    public Uni<Integer> refresh() {
        return statements
                .execute(REFRESH, Tuple.of(config.segments().rfmCurrency()))
                .map(rows -> rows.rowCount())
                .invoke(changed -> LOG.debugf("RFM scores of %d customers changed", changed));
    }
}
