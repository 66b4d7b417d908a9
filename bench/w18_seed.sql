-- W18: an active survey of one nps question and :n personal links to it (psql -v n=1000000 -v customers=100000),
-- sent by email to the first :customers customers in turn, open for 30 days. Link g's token is 'w18-' and g
-- zero-padded to 39 digits (43 characters of the token alphabet, as lua/w18_answer.lua makes them); the service
-- stores only its SHA-256.
\set ON_ERROR_STOP on
begin;
insert into survey (id, name, status, revision, default_locale, created_at, updated_at)
values ('00000000-0000-7000-8000-0000000b0018', 'W18', 'active', 1, 'en', now() - interval '1 day',
        now() - interval '1 day')
on conflict (id) do nothing;
insert into survey_revision (survey_id, revision, questions, created_at)
values ('00000000-0000-7000-8000-0000000b0018', 1,
        '{"items": [{"id": "score", "type": "nps", "required": true,
                     "texts": [{"locale": "en", "text": "How likely are you to recommend us?"}]}]}',
        now() - interval '1 day')
on conflict do nothing;
insert into survey_distribution (id, survey_id, customer_id, channel, touchpoint, locale, token_hash, status,
                                 expires_at, created_at)
select md5('w18-' || g)::uuid, '00000000-0000-7000-8000-0000000b0018', b.id, 'email', 'purchase', 'en',
       sha256(convert_to('w18-' || lpad(g::text, 39, '0'), 'UTF8')), 'sent', now() + interval '30 days',
       now() - interval '1 hour'
from generate_series(1, :n) g
join bench_ids b on b.n = 1 + (g - 1) % :customers
on conflict do nothing;
commit;
analyze survey_distribution;
