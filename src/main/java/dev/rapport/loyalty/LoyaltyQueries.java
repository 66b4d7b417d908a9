package dev.rapport.loyalty;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.loyalty.api.EarningRuleView;
import dev.rapport.loyalty.api.LoyaltyAccountView;
import dev.rapport.loyalty.api.LoyaltyEntryView;
import dev.rapport.loyalty.api.LoyaltyLotView;
import dev.rapport.loyalty.api.LoyaltyProgramView;
import dev.rapport.loyalty.api.RewardView;
import dev.rapport.platform.db.JsonColumns;
import dev.rapport.platform.db.PooledStatements;
import dev.rapport.platform.filter.SqlParams;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageRequest;
import dev.rapport.platform.paging.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Programs, accounts, ledgers and lots as callers read them, with pooled statements. A partner sees its own and
 * the in-house programs, and the accounts of its own customers.
 */
@ApplicationScoped
class LoyaltyQueries {

    static final Sort PROGRAM_ORDER =
            new Sort(new Sort.SortField("createdAt", "p.created_at", Sort.Kind.TIMESTAMP), false);
    static final Sort ACCOUNT_ORDER =
            new Sort(new Sort.SortField("enrolledAt", "a.enrolled_at", Sort.Kind.TIMESTAMP), false);
    static final Sort LEDGER_ORDER =
            new Sort(new Sort.SortField("createdAt", "e.created_at", Sort.Kind.TIMESTAMP), true);

    static final Sort RULE_ORDER =
            new Sort(new Sort.SortField("createdAt", "r.created_at", Sort.Kind.TIMESTAMP), false);

    private static final String RULE = "r.id, r.program_id, r.name, r.kind, r.points_per_unit, r.multiplier, r.points,"
            + " cast(r.conditions as text), r.max_points, r.valid_from, r.valid_until, r.enabled, r.partner_id,"
            + " r.created_at, r.updated_at, r.version";
    private static final String PROGRAM = "p.id, p.name, p.points_name, p.currency, p.time_zone, cast(p.tiers as text),"
            + " cast(p.qualification as text), cast(p.expiry as text), p.pending_days, p.partner_id, p.created_at,"
            + " p.updated_at, p.version";
    private static final String ACCOUNT = "a.id, a.program_id, a.customer_id, a.card_number, a.balance, a.pending,"
            + " a.lifetime_earned, a.tier, a.tier_since, a.partner_id, a.enrolled_at, a.updated_at";
    private static final String ENTRY = "e.id, e.account_id, e.type, e.points, e.balance_after, e.reason_code, e.note,"
            + " e.rule_id, e.purchase_id, e.lot_id, e.reverses, e.linked_entry_id, e.actor, e.created_at";

    private final PooledStatements statements;
    private final LoyaltyMapper mapper;
    private final JsonColumns.Reader<LoyaltyRecords.Tiers> tiers;
    private final JsonColumns.Reader<LoyaltyRecords.Qualification> qualification;
    private final JsonColumns.Reader<LoyaltyRecords.Expiry> expiry;
    private final JsonColumns.Reader<LoyaltyRecords.Conditions> conditions;

    LoyaltyQueries(PooledStatements statements, LoyaltyMapper mapper, JsonColumns json) {
        this.statements = statements;
        this.mapper = mapper;
        this.tiers = json.reader(LoyaltyRecords.Tiers.class);
        this.qualification = json.reader(LoyaltyRecords.Qualification.class);
        this.expiry = json.reader(LoyaltyRecords.Expiry.class);
        this.conditions = json.reader(LoyaltyRecords.Conditions.class);
    }

    Uni<LoyaltyProgramView> program(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + PROGRAM + " from loyalty_program p where p.id = " + params.bind(id) + " and "
                + usable(scope, params);
        return first(statements.list(sql, params.tuple(), this::toProgram));
    }

    Uni<Page<LoyaltyProgramView>> programs(String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + PROGRAM + " from loyalty_program p where " + usable(scope, params) + " and "
                + page.keyset("p.id", params) + page.orderAndLimit("p.id");
        return statements
                .list(sql, params.tuple(), this::toProgram)
                .map(rows -> page.page(rows, p -> p.createdAt().toString(), LoyaltyProgramView::id));
    }

    Uni<EarningRuleView> rule(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + RULE + " from loyalty_earning_rule r where r.id = " + params.bind(id) + " and "
                + ruleScope(scope, params);
        return first(statements.list(sql, params.tuple(), this::toRule));
    }

    Uni<Page<EarningRuleView>> rules(UUID programId, String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + RULE + " from loyalty_earning_rule r where "
                + (programId == null ? "true" : "r.program_id = " + params.bind(programId)) + " and "
                + ruleScope(scope, params) + " and " + page.keyset("r.id", params) + page.orderAndLimit("r.id");
        return statements
                .list(sql, params.tuple(), this::toRule)
                .map(rows -> page.page(rows, r -> r.createdAt().toString(), EarningRuleView::id));
    }

    private static String ruleScope(String scope, SqlParams params) {
        return scope == null ? "true" : "(r.partner_id is null or r.partner_id = " + params.bind(scope) + ")";
    }

    private EarningRuleView toRule(Row row) {
        LoyaltyRecords.Conditions when = conditions.read(row.getString(7));
        return new EarningRuleView(
                row.getUUID(0),
                row.getUUID(1),
                row.getString(2),
                row.getString(3),
                LoyaltyEarning.plain(row.getBigDecimal(4)),
                LoyaltyEarning.plain(row.getBigDecimal(5)),
                row.getLong(6),
                when.channels(),
                when.categories(),
                when.tiers(),
                when.segmentId(),
                when.attributeKey(),
                when.attributeValue(),
                when.firstPurchase(),
                when.birthdayMonth(),
                row.getLong(8),
                row.getOffsetDateTime(9),
                row.getOffsetDateTime(10),
                row.getBoolean(11),
                row.getString(12),
                row.getOffsetDateTime(13),
                row.getOffsetDateTime(14),
                row.getLong(15));
    }

    static final Sort REWARD_ORDER =
            new Sort(new Sort.SortField("createdAt", "w.created_at", Sort.Kind.TIMESTAMP), false);

    private static final String REWARD = "w.id, w.program_id, w.name, w.description, w.cost, w.stock,"
            + " w.per_customer_limit, cast(w.conditions as text), w.valid_from, w.valid_until, w.enabled, w.partner_id,"
            + " w.created_at, w.updated_at, w.version";

    Uni<RewardView> reward(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + REWARD + " from loyalty_reward w where w.id = " + params.bind(id) + " and "
                + rewardScope(scope, params);
        return first(statements.list(sql, params.tuple(), this::toReward));
    }

    Uni<Page<RewardView>> rewards(UUID programId, String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + REWARD + " from loyalty_reward w where "
                + (programId == null ? "true" : "w.program_id = " + params.bind(programId)) + " and "
                + rewardScope(scope, params) + " and " + page.keyset("w.id", params) + page.orderAndLimit("w.id");
        return statements
                .list(sql, params.tuple(), this::toReward)
                .map(rows -> page.page(rows, w -> w.createdAt().toString(), RewardView::id));
    }

    /** The program's enabled rewards, cheapest first, with how many of each the account was issued. */
    Uni<List<java.util.Map.Entry<RewardView, Long>>> offers(UUID programId, UUID accountId) {
        String sql = "select " + REWARD + ", (select count(*) from loyalty_reward_code c where c.reward_id = w.id"
                + " and c.account_id = $2) from loyalty_reward w where w.program_id = $1 and w.enabled"
                + " order by w.cost, w.created_at, w.id";
        return statements.list(
                sql,
                io.vertx.mutiny.sqlclient.Tuple.of(programId, accountId),
                row -> java.util.Map.entry(toReward(row), row.getLong(15)));
    }

    private static String rewardScope(String scope, SqlParams params) {
        return scope == null ? "true" : "(w.partner_id is null or w.partner_id = " + params.bind(scope) + ")";
    }

    private RewardView toReward(Row row) {
        LoyaltyRecords.Conditions when = conditions.read(row.getString(7));
        return new RewardView(
                row.getUUID(0),
                row.getUUID(1),
                row.getString(2),
                row.getString(3),
                row.getLong(4),
                row.getLong(5),
                row.getInteger(6),
                when.tiers(),
                when.segmentId(),
                row.getOffsetDateTime(8),
                row.getOffsetDateTime(9),
                row.getBoolean(10),
                row.getString(11),
                row.getOffsetDateTime(12),
                row.getOffsetDateTime(13),
                row.getLong(14));
    }

    Uni<LoyaltyAccountView> account(UUID id, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + ACCOUNT + " from loyalty_account a where a.id = " + params.bind(id) + " and "
                + visible(scope, params);
        return first(statements.list(sql, params.tuple(), LoyaltyQueries::toAccount));
    }

    /** The account whose current card has the number, or null. */
    Uni<LoyaltyAccountView> byCard(String number, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + ACCOUNT + " from loyalty_account a where a.card_number = " + params.bind(number)
                + " and " + visible(scope, params);
        return first(statements.list(sql, params.tuple(), LoyaltyQueries::toAccount));
    }

    /** The accounts of the customers, oldest enrolment first. */
    Uni<List<LoyaltyAccountView>> ofCustomers(List<UUID> customerIds, String scope) {
        SqlParams params = new SqlParams();
        String sql = "select " + ACCOUNT + " from loyalty_account a where a.customer_id = any("
                + params.bind(customerIds.toArray(UUID[]::new)) + ") and " + visible(scope, params)
                + " order by a.enrolled_at, a.id";
        return statements.list(sql, params.tuple(), LoyaltyQueries::toAccount);
    }

    Uni<Page<LoyaltyAccountView>> accountsOf(UUID programId, String scope, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + ACCOUNT + " from loyalty_account a where a.program_id = " + params.bind(programId)
                + " and " + visible(scope, params) + " and " + page.keyset("a.id", params) + page.orderAndLimit("a.id");
        return statements
                .list(sql, params.tuple(), LoyaltyQueries::toAccount)
                .map(rows -> page.page(rows, a -> a.enrolledAt().toString(), LoyaltyAccountView::id));
    }

    /** One page of an account's ledger, newest first. */
    Uni<Page<LoyaltyEntryView>> entries(UUID accountId, PageRequest page) {
        SqlParams params = new SqlParams();
        String sql = "select " + ENTRY + " from loyalty_entry e where e.account_id = " + params.bind(accountId)
                + " and " + page.keyset("e.id", params) + page.orderAndLimit("e.id");
        return statements
                .list(sql, params.tuple(), LoyaltyQueries::toEntry)
                .map(rows -> page.page(rows, e -> e.createdAt().toString(), LoyaltyEntryView::id));
    }

    /** When the account's tier is reviewed next, or null. */
    Uni<java.time.OffsetDateTime> reviewAt(UUID accountId) {
        return statements
                .list(
                        "select tier_review_at from loyalty_account where id = $1",
                        io.vertx.mutiny.sqlclient.Tuple.of(accountId),
                        row -> row.getOffsetDateTime(0))
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Points the account earned since {@code since}, reversals of earnings deducted. */
    Uni<Long> pointsEarned(UUID accountId, java.time.OffsetDateTime since) {
        String sql = LoyaltyTiers.POINTS_EARNED.replace(":account", "$1").replace(":since", "$2");
        return statements
                .list(sql, io.vertx.mutiny.sqlclient.Tuple.of(accountId, since), row -> row.getLong(0))
                .map(rows -> rows.get(0));
    }

    /** The account's lots holding points, first to expire first. */
    Uni<List<LoyaltyLotView>> openLots(UUID accountId) {
        SqlParams params = new SqlParams();
        String sql = "select l.id, l.remaining, l.earned_at, l.expires_at from loyalty_lot l where l.account_id = "
                + params.bind(accountId) + " and l.remaining > 0 order by l.expires_at nulls last, l.earned_at, l.id";
        return statements.list(
                sql,
                params.tuple(),
                row -> new LoyaltyLotView(
                        row.getUUID(0), row.getLong(1), row.getOffsetDateTime(2), row.getOffsetDateTime(3)));
    }

    private static String usable(String scope, SqlParams params) {
        return scope == null ? "true" : "(p.partner_id is null or p.partner_id = " + params.bind(scope) + ")";
    }

    private static String visible(String scope, SqlParams params) {
        return scope == null ? "true" : "a.partner_id = " + params.bind(scope);
    }

    private static <T> Uni<T> first(Uni<List<T>> rows) {
        return rows.map(list -> list.isEmpty() ? null : list.get(0));
    }

    private LoyaltyProgramView toProgram(Row row) {
        return new LoyaltyProgramView(
                row.getUUID(0),
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                mapper.tiers(tiers.read(row.getString(5))),
                mapper.qualification(qualification.read(row.getString(6))),
                mapper.expiry(expiry.read(row.getString(7))),
                row.getInteger(8),
                row.getString(9),
                row.getOffsetDateTime(10),
                row.getOffsetDateTime(11),
                row.getLong(12));
    }

    static LoyaltyAccountView toAccount(Row row) {
        return new LoyaltyAccountView(
                row.getUUID(0),
                row.getUUID(1),
                row.getUUID(2),
                row.getString(3),
                row.getLong(4),
                row.getLong(5),
                row.getLong(6),
                row.getString(7),
                row.getOffsetDateTime(8),
                row.getString(9),
                row.getOffsetDateTime(10),
                row.getOffsetDateTime(11),
                null);
    }

    static LoyaltyEntryView toEntry(Row row) {
        return new LoyaltyEntryView(
                row.getUUID(0),
                row.getUUID(1),
                row.getString(2),
                row.getLong(3),
                row.getLong(4),
                row.getString(5),
                row.getString(6),
                row.getUUID(7),
                row.getUUID(8),
                row.getUUID(9),
                row.getUUID(10),
                row.getUUID(11),
                row.getString(12),
                row.getOffsetDateTime(13));
    }
}
