-- W19: :n completed responses (psql -v n=1000000 -v customers=100000) to one survey (nps, csat and ces questions),
-- submitted evenly over the year before now. Every response has an nps score of 0-10, 1 in 3 a csat score and 1 in
-- 4 a ces score; touchpoints and channels come from small sets. 9 in 10 came through one anonymous web link (no
-- customer); 1 in 10 through a personal link of its own (a customer of bench_ids, email or sms), as a personal
-- link takes one response (survey_response_personal_idx). As many personal links again were sent and never
-- answered, so the links delivered in the range are twice the identified responses.
\set ON_ERROR_STOP on
begin;
insert into survey (id, name, status, revision, default_locale, created_at, updated_at)
values ('00000000-0000-7000-8000-0000000b0019', 'W19', 'active', 1, 'en', now() - interval '400 days',
        now() - interval '400 days')
on conflict (id) do nothing;
insert into survey_revision (survey_id, revision, questions, created_at)
values ('00000000-0000-7000-8000-0000000b0019', 1,
        '{"items": [{"id": "score", "type": "nps", "required": true,
                     "texts": [{"locale": "en", "text": "How likely are you to recommend us?"}]},
                    {"id": "sat", "type": "csat", "required": false,
                     "texts": [{"locale": "en", "text": "How satisfied are you?"}]},
                    {"id": "ease", "type": "ces", "required": false,
                     "texts": [{"locale": "en", "text": "How easy was it?"}]}]}',
        now() - interval '400 days')
on conflict do nothing;
-- the anonymous link: its token is 'w19-' and 39 zeros
insert into survey_distribution (id, survey_id, customer_id, channel, touchpoint, locale, token_hash, status,
                                 expires_at, created_at)
values ('00000000-0000-7000-8000-0000000b0190', '00000000-0000-7000-8000-0000000b0019', null, 'web_link', 'website',
        'en', sha256(convert_to('w19-' || repeat('0', 39), 'UTF8')), 'sent', now() + interval '30 days',
        now() - interval '400 days')
on conflict do nothing;
create temporary table w19 as
select g as n, now() - make_interval(secs => 365 * 86400.0 * (g - 0.5) / :n) as submitted,
       (array['purchase', 'delivery', 'support', 'onboarding', 'renewal'])[1 + (g / 3) % 5] as touchpoint,
       (g::bigint * 7919) % 11 as nps,
       case when g % 3 = 0 then 1 + (g * 31) % 5 end as csat,
       case when g % 4 = 1 then 1 + (g * 17) % 7 end as ces
from generate_series(1, :n) g;
-- the personal links: response n's when n % 10 = 0, and one never answered (n % 10 = 5) for each
insert into survey_distribution (id, survey_id, customer_id, channel, touchpoint, locale, token_hash, status,
                                 expires_at, created_at, answered_at)
select md5('w19-' || w.n)::uuid, '00000000-0000-7000-8000-0000000b0019', b.id,
       (array['email', 'sms'])[1 + (w.n / 5) % 2], w.touchpoint, 'en',
       sha256(convert_to('w19-' || lpad(w.n::text, 39, '0'), 'UTF8')),
       case when w.n % 10 = 0 then 'answered' else 'sent' end,
       w.submitted + interval '29 days', w.submitted - interval '1 day',
       case when w.n % 10 = 0 then w.submitted end
from w19 w
join bench_ids b on b.n = 1 + (w.n / 5 - 1) % :customers
where w.n % 5 = 0;
insert into survey_response (id, survey_id, revision, distribution_id, customer_id, touchpoint, channel, locale,
                             status, answers, nps, csat, ces, comment, followed_up_at, started_at, submitted_at,
                             updated_at)
select gen_random_uuid(), '00000000-0000-7000-8000-0000000b0019', 1,
       case when w.n % 10 = 0 then md5('w19-' || w.n)::uuid else '00000000-0000-7000-8000-0000000b0190' end,
       d.customer_id, w.touchpoint,
       case when w.n % 10 = 0 then d.channel else (array['web_link', 'kiosk'])[1 + w.n % 2] end, 'en', 'completed',
       cast('{"items": [{"question": "score", "value": ' || w.nps || '}'
            || coalesce(', {"question": "sat", "value": ' || w.csat || '}', '')
            || coalesce(', {"question": "ease", "value": ' || w.ces || '}', '') || ']}' as jsonb),
       w.nps, w.csat, w.ces, case when w.nps <= 6 and w.n % 4 = 0 then 'W19 comment ' || w.n end,
       w.submitted + interval '1 second', w.submitted - make_interval(secs => 30 + w.n % 300), w.submitted,
       w.submitted
from w19 w
left join survey_distribution d on w.n % 10 = 0 and d.id = md5('w19-' || w.n)::uuid;
-- The hourly figures the service keeps as links are delivered and responses followed up (survey_figure), for the
-- links and responses seeded here.
insert into survey_figure as f (survey_id, partner_scope, hour, touchpoint, channel, delivered)
select survey_id, partner_scope, date_trunc('hour', created_at, 'UTC'), touchpoint, channel, count(*)
from survey_distribution
where survey_id = '00000000-0000-7000-8000-0000000b0019' and customer_id is not null
group by 1, 2, 3, 4, 5
on conflict (survey_id, hour, touchpoint, channel) do update set delivered = excluded.delivered;
insert into survey_figure as f (survey_id, partner_scope, hour, touchpoint, channel, responses, answered_links,
                                nps_responses, promoters, detractors, csat_responses, satisfied, ces_responses,
                                ces_sum)
select survey_id, partner_scope, date_trunc('hour', submitted_at, 'UTC'), touchpoint, channel, count(*),
       count(*) filter (where customer_id is not null), count(nps), count(*) filter (where nps >= 9),
       count(*) filter (where nps <= 6), count(csat), count(*) filter (where csat >= 4), count(ces),
       coalesce(sum(ces), 0)
from survey_response
where survey_id = '00000000-0000-7000-8000-0000000b0019' and status = 'completed'
group by 1, 2, 3, 4, 5
on conflict (survey_id, hour, touchpoint, channel) do update set
    responses = excluded.responses, answered_links = excluded.answered_links,
    nps_responses = excluded.nps_responses, promoters = excluded.promoters, detractors = excluded.detractors,
    csat_responses = excluded.csat_responses, satisfied = excluded.satisfied,
    ces_responses = excluded.ces_responses, ces_sum = excluded.ces_sum;
commit;
-- What autovacuum would do after so many inserts (it is off on the PostgreSQL servers of these machines): the
-- statistics, and the visibility map the figures' index-only scans need.
vacuum analyze survey_response;
vacuum analyze survey_distribution;
vacuum analyze survey_figure;
