-- Records created by a partner client carry its partner id; a partner sees only its own records.
alter table customer add column partner_id text;
create index customer_partner_idx on customer (partner_id, created_at desc, id desc) where deleted_at is null;

-- Email addresses are unique per partner (and among in-house customers, scope ''), so one partner's data never
-- reveals another's through a uniqueness conflict.
alter table customer_email add column partner_scope text not null default '';
alter table customer_email drop constraint customer_email_pkey;
alter table customer_email add primary key (partner_scope, email);
