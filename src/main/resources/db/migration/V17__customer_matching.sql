-- Duplicate detection and merging of customers.

-- The name in the form names are compared in (lower case, accents removed, given then family name), written by
-- the service; existing rows get a lower-cased form.
alter table customer add column name_key text not null default '';
update customer set name_key = lower(btrim(coalesce(given_name, '') || ' ' || coalesce(family_name, '')));

-- A merged customer keeps answering for its id: it points at the customer it was merged into.
alter table customer add column merged_into uuid references customer (id);
create index customer_merged_into_idx on customer (merged_into) where merged_into is not null;

-- The keys live customers are matched on, one row each, in the partner scope ('' in-house) of the customer:
-- email:<address, Gmail without dots and +tags>, phone:<E.164>, and the blocking keys of fuzzy matching on the
-- name (trigram similarity of name_key): birthday:<date>:<first letter of the name>,
-- postal:<country>:<postal code>:<first letter of the name>. Two customers sharing a key are candidates.
create table customer_match_key (
    customer_id   uuid not null references customer (id) on delete cascade,
    kind          text not null,
    key           text not null,
    partner_scope text not null,
    primary key (customer_id, kind, key)
);
create index customer_match_key_lookup_idx on customer_match_key (partner_scope, kind, key, customer_id);

insert into customer_match_key (customer_id, kind, key, partner_scope)
select distinct c.id, k.kind, k.key, coalesce(c.partner_id, '')
from customer c
cross join lateral (
    select 'email' as kind,
           case when e ->> 'address' ~ '@(gmail|googlemail)\.com$'
                then replace(split_part(split_part(e ->> 'address', '@', 1), '+', 1), '.', '') || '@gmail.com'
                else e ->> 'address' end as key
    from jsonb_array_elements(coalesce(c.contacts -> 'emails', '[]')) e
    union all
    select 'phone', p ->> 'number' from jsonb_array_elements(coalesce(c.contacts -> 'phones', '[]')) p
    union all
    select 'birthday', c.birthday::text || ':' || left(c.name_key, 1)
    where c.birthday is not null and c.name_key <> ''
    union all
    select 'postal', upper(coalesce(a ->> 'country', '')) || ':'
               || upper(regexp_replace(a ->> 'postalCode', '\s', '', 'g')) || ':' || left(c.name_key, 1)
    from jsonb_array_elements(coalesce(c.contacts -> 'addresses', '[]')) a
    where coalesce(a ->> 'postalCode', '') <> '' and c.name_key <> ''
) k
where c.deleted_at is null and k.key is not null;

-- Each merge: the survivor, the merged customer, the choices made and what moved (per table), once per pair.
create table customer_merge (
    merged_id    uuid        primary key references customer (id),
    survivor_id  uuid        not null references customer (id),
    partner_id   text,
    choices      jsonb       not null,
    moved        jsonb       not null,
    merged_by    text,
    merged_at    timestamptz not null
);
create index customer_merge_survivor_idx on customer_merge (survivor_id);
