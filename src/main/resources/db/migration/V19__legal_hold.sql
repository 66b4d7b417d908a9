-- A legal hold keeps a customer's personal data from being erased (litigation, an investigation, a tax audit)
-- until it is lifted.
create table legal_hold (
    customer_id uuid        primary key references customer (id),
    partner_id  text,
    reason      text        not null,
    reference   text,
    placed_by   text,
    placed_at   timestamptz not null
);
