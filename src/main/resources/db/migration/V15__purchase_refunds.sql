-- Refunds of purchases: each refund is kept, and the purchase carries how much of it was refunded in all.
alter table purchase add column refunded_amount numeric(19,4) not null default 0;
alter table purchase add constraint purchase_refund_within_amount
    check (refunded_amount >= 0 and refunded_amount <= amount);

create table purchase_refund (
    id          uuid          primary key,
    purchase_id uuid          not null references purchase (id),
    amount      numeric(19,4) not null check (amount > 0),
    reason      text,
    actor       text,
    created_at  timestamptz   not null
);
create index purchase_refund_purchase_idx on purchase_refund (purchase_id, created_at);
