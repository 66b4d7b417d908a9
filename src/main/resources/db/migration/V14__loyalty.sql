-- The loyalty domain: programs, one account per customer and program with its card, and the points ledger.
--
-- The ledger (loyalty_entry) is append-only and the account's balance is the sum of its entries by construction:
-- the balance column is written by the trigger below only, as each entry is inserted, and an entry records the
-- balance it leaves, which must be what the trigger computes and never below zero. Points are held in lots (each
-- credit is one or more lots with an expiry); debits take from lots first to expire (loyalty_allocation says which),
-- so the balance is also the sum of the lots' remaining points, and expiry posts one entry per lot.

create table loyalty_program (
    id            uuid        primary key,
    name          text        not null,
    points_name   text        not null,
    -- the currency spend (earning rules, tier qualification on spend) is counted in
    currency      text        not null,
    time_zone     text        not null,
    -- {"items": [{"key": "silver", "name": "Silver", "threshold": 1000}]}, by ascending threshold
    tiers         jsonb       not null,
    -- {"basis": "points" | "spend", "period": "P12M"}
    qualification jsonb       not null,
    -- {"policy": "never" | "after_period" | "end_of_following_year", "period": "P12M", "noticeDays": 30}
    expiry        jsonb       not null,
    -- the return window: days before points earned from a purchase become available
    pending_days  int         not null default 0 check (pending_days between 0 and 365),
    partner_id    text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0
);

create table loyalty_account (
    id              uuid        primary key,
    program_id      uuid        not null references loyalty_program (id),
    customer_id     uuid        not null references customer (id),
    card_number     text        not null unique,
    -- the sum of the account's ledger entries, written by loyalty_entry_post only
    balance         bigint      not null default 0 check (balance >= 0),
    -- earnings waiting for their return window to pass, not yet in the ledger
    pending         bigint      not null default 0 check (pending >= 0),
    lifetime_earned bigint      not null default 0,
    tier            text,
    tier_since      timestamptz,
    -- when the account's tier is qualified again (a downgrade happens then, not before)
    tier_review_at  timestamptz,
    partner_id      text,
    enrolled_at     timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    unique (program_id, customer_id)
);
create index loyalty_account_customer_idx on loyalty_account (customer_id);
create index loyalty_account_review_idx on loyalty_account (tier_review_at) where tier_review_at is not null;

-- Every card an account had; a number is never issued twice. The account's current card is its card_number.
create table loyalty_card (
    number      text        primary key,
    account_id  uuid        not null references loyalty_account (id),
    issued_at   timestamptz not null,
    replaced_at timestamptz
);
create index loyalty_card_account_idx on loyalty_card (account_id);

create table loyalty_entry (
    id              uuid        primary key,
    account_id      uuid        not null references loyalty_account (id),
    type            text        not null
                    check (type in ('earn', 'redeem', 'adjust', 'expire', 'reverse', 'transfer')),
    points          bigint      not null check (points <> 0),
    balance_after   bigint      not null check (balance_after >= 0),
    reason_code     text,
    note            text,
    -- what caused it: the earning rule, the purchase, the lot an expiry expires, the entry a reversal reverses,
    -- the other account's entry of a transfer
    rule_id         uuid,
    purchase_id     uuid,
    lot_id          uuid,
    reverses        uuid        references loyalty_entry (id),
    linked_entry_id uuid,
    actor           text        not null,
    -- a posting's Idempotency-Key and a hash of its request, kept for as long as the entry
    idempotency_key text,
    request_hash    text,
    partner_id      text,
    created_at      timestamptz not null,
    check ((type = 'reverse') = (reverses is not null)),
    check ((type = 'expire') = (lot_id is not null))
);
create index loyalty_entry_account_idx on loyalty_entry (account_id, created_at desc, id desc);
create unique index loyalty_entry_key_idx on loyalty_entry (account_id, idempotency_key)
    where idempotency_key is not null;
create unique index loyalty_entry_expire_idx on loyalty_entry (lot_id) where type = 'expire';
create index loyalty_entry_reverses_idx on loyalty_entry (reverses) where reverses is not null;

-- Keeps the balance the sum of the ledger: each entry adds its points to its account's balance, and must leave the
-- balance it says it leaves (postings hold the account row locked, so the two agree unless the writer is wrong).
create function loyalty_entry_post() returns trigger language plpgsql as $$
declare
    balance_now bigint;
begin
    update loyalty_account set balance = balance + new.points where id = new.account_id
        returning balance into balance_now;
    if balance_now is distinct from new.balance_after then
        raise exception 'loyalty entry % leaves balance % but the ledger sums to %',
            new.id, new.balance_after, balance_now using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger loyalty_entry_post after insert on loyalty_entry
    for each row execute function loyalty_entry_post();

-- Nothing else writes the balance: an account starts at zero, and only the trigger above (one level down) moves it.
create function loyalty_account_balance_guard() returns trigger language plpgsql as $$
begin
    if (tg_op = 'INSERT' and new.balance <> 0)
            or (tg_op = 'UPDATE' and new.balance <> old.balance and pg_trigger_depth() < 2) then
        raise exception 'a loyalty balance is the sum of the ledger: post an entry' using errcode = 'restrict_violation';
    end if;
    return new;
end $$;
create trigger loyalty_account_balance_guard before insert or update of balance on loyalty_account
    for each row execute function loyalty_account_balance_guard();

-- Entries are never changed or deleted; the one change allowed is removing a free-text note (privacy erasure).
create function loyalty_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.note is null and to_jsonb(new) - 'note' = to_jsonb(old) - 'note' then
        return new;
    end if;
    raise exception 'loyalty ledger entries are never changed or deleted' using errcode = 'restrict_violation';
end $$;
create trigger loyalty_entry_append_only before update or delete on loyalty_entry
    for each row execute function loyalty_entry_append_only();

-- Points held: every credit is one lot (a transfer's credit is one lot per lot it took from, with the same expiry).
create table loyalty_lot (
    id         uuid        primary key,
    account_id uuid        not null references loyalty_account (id),
    entry_id   uuid        not null references loyalty_entry (id),
    points     bigint      not null check (points > 0),
    remaining  bigint      not null check (remaining between 0 and points),
    earned_at  timestamptz not null,
    expires_at timestamptz,
    -- when loyalty.points_expiring told of this lot
    noticed_at timestamptz
);
create index loyalty_lot_open_idx on loyalty_lot (account_id, expires_at, earned_at) where remaining > 0;
create index loyalty_lot_expiry_idx on loyalty_lot (expires_at) where remaining > 0 and expires_at is not null;

-- Which lots a debit took its points from (points > 0), and which a reversal of a debit gave them back to (< 0).
create table loyalty_allocation (
    entry_id uuid   not null references loyalty_entry (id),
    lot_id   uuid   not null references loyalty_lot (id),
    points   bigint not null check (points <> 0),
    primary key (entry_id, lot_id)
);
create index loyalty_allocation_lot_idx on loyalty_allocation (lot_id);

-- Earning rules: points per currency unit of a purchase (spend), a multiplier of those (multiplier), or fixed points
-- (bonus), each when its conditions hold (channels, item categories, tiers, a segment, a customer attribute, the
-- first purchase, the birthday month) and within its validity, capped per purchase.
create table loyalty_earning_rule (
    id              uuid          primary key,
    program_id      uuid          not null references loyalty_program (id),
    name            text          not null,
    kind            text          not null check (kind in ('spend', 'multiplier', 'bonus')),
    points_per_unit numeric(12,4),
    multiplier      numeric(8,4),
    points          bigint,
    -- {"channels": [...], "categories": [...], "tiers": [...], "segmentId": ..., "attributeKey": ...,
    --  "attributeValue": ..., "firstPurchase": true, "birthdayMonth": true}
    conditions      jsonb         not null,
    max_points      bigint,
    valid_from      timestamptz,
    valid_until     timestamptz,
    enabled         boolean       not null default true,
    partner_id      text,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0
);
create index loyalty_earning_rule_program_idx on loyalty_earning_rule (program_id, created_at, id);

-- What a purchase earned an account: once per account and purchase, whatever the replays. Pending until its
-- return window passes (then posted as an earn entry), or cancelled by a refund before that; refunds take back
-- refunded_points in proportion to the amount refunded.
create table loyalty_award (
    account_id      uuid          not null references loyalty_account (id),
    purchase_id     uuid          not null,
    points          bigint        not null check (points >= 0),
    refunded_points bigint        not null default 0 check (refunded_points between 0 and points),
    -- {"items": [{"ruleId": ..., "name": ..., "points": ...}]}
    rules           jsonb         not null,
    purchase_amount numeric(19,4) not null,
    currency        text          not null,
    status          text          not null check (status in ('pending', 'posted', 'cancelled')),
    available_at    timestamptz   not null,
    entry_id        uuid          references loyalty_entry (id),
    occurred_at     timestamptz   not null,
    created_at      timestamptz   not null,
    primary key (account_id, purchase_id)
);
create index loyalty_award_due_idx on loyalty_award (available_at) where status = 'pending';

-- The rewards catalogue: what points buy. Stock (null: unlimited) never goes below zero; a reward may be limited to
-- tiers or a segment's members, per customer, and in time.
create table loyalty_reward (
    id                 uuid        primary key,
    program_id         uuid        not null references loyalty_program (id),
    name               text        not null,
    description        text,
    cost               bigint      not null check (cost > 0),
    stock              bigint      check (stock >= 0),
    per_customer_limit int         check (per_customer_limit > 0),
    -- {"tiers": [...], "segmentId": ...}
    conditions         jsonb       not null,
    valid_from         timestamptz,
    valid_until        timestamptz,
    enabled            boolean     not null default true,
    partner_id         text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null default 0
);
create index loyalty_reward_program_idx on loyalty_reward (program_id, created_at, id);

-- The codes redeemed rewards were issued, each with the redeem entry that paid for it; used once.
create table loyalty_reward_code (
    code       text        primary key,
    reward_id  uuid        not null references loyalty_reward (id),
    account_id uuid        not null references loyalty_account (id),
    entry_id   uuid        not null unique references loyalty_entry (id),
    issued_at  timestamptz not null,
    used_at    timestamptz,
    used_by    text
);
create index loyalty_reward_code_account_idx on loyalty_reward_code (account_id, reward_id);
