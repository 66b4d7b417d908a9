-- W14: :n leads (psql -v n=1000000) captured over the year before now in the default pipeline, with their stage
-- stays: every lead was new; 3 in 5 went on to contacted after 1-72 h, half of those to qualified after 1-14 days, a
-- third of those were converted after 1-30 days; 1 in 10 of the rest were disqualified. Sources, owners and values
-- vary with the lead's number.
\set ON_ERROR_STOP on
begin;
create temporary table w14 as
select g as n, gen_random_uuid() as id,
       now() - make_interval(secs => 365 * 86400.0 * g / :n) as created,
       make_interval(secs => 3600 + (g::bigint * 7919) % 255600) as to_contacted,
       make_interval(secs => 86400 + (g::bigint * 104729) % 1123200) as to_qualified,
       make_interval(secs => 86400 + (g::bigint * 15485863) % 2505600) as to_converted,
       case when g % 5 < 3 then case when g % 10 < 3 then case when g % 30 < 3 then 'converted' else 'qualified' end
                                     else 'contacted' end
            when g % 10 = 3 then 'disqualified' else 'new' end as stage
from generate_series(1, :n) g;
insert into lead (id, given_name, family_name, email, source, campaign, pipeline_id, stage, stage_category,
                  stage_entered_at, owner_id, score, value_amount, value_currency, lost_reason, converted_at,
                  search_text, created_at, updated_at)
select w.id, 'W14', 'Lead ' || w.n, 'w14-' || w.n || '@example.com',
       (array['web_form', 'referral', 'event', 'partner', 'import', 'ads', 'other'])[1 + w.n % 7], 'w14',
       '00000000-0000-7000-8000-00000000a001', w.stage,
       case w.stage when 'converted' then 'won' when 'disqualified' then 'lost' else 'open' end,
       case w.stage when 'contacted' then w.created + w.to_contacted
                    when 'qualified' then w.created + w.to_contacted + w.to_qualified
                    when 'converted' then w.created + w.to_contacted + w.to_qualified + w.to_converted
                    when 'disqualified' then w.created + w.to_contacted else w.created end,
       'owner' || w.n % 20, w.n % 100, 1000 * (1 + w.n % 50), (array['EUR', 'USD'])[1 + w.n % 2],
       case when w.stage = 'disqualified' then (array['budget', 'timing', 'competitor', 'no reply'])[1 + w.n % 4] end,
       case when w.stage = 'converted' then w.created + w.to_contacted + w.to_qualified + w.to_converted end,
       'w14 lead ' || w.n, w.created, w.created
from w14 w;
insert into lead_stage_stay (lead_id, pipeline_id, stage, entered_at, left_at, next_stage, actor)
select id, uuid '00000000-0000-7000-8000-00000000a001', 'new', created,
       case when stage = 'new' then null else created + to_contacted end,
       case when stage = 'new' then null when stage = 'disqualified' then 'disqualified' else 'contacted' end, 'bench'
from w14
union all
select id, uuid '00000000-0000-7000-8000-00000000a001', 'contacted', created + to_contacted,
       case when stage = 'contacted' then null else created + to_contacted + to_qualified end,
       case when stage = 'contacted' then null else 'qualified' end, 'bench'
from w14 where stage in ('contacted', 'qualified', 'converted')
union all
select id, uuid '00000000-0000-7000-8000-00000000a001', 'qualified', created + to_contacted + to_qualified,
       case when stage = 'qualified' then null else created + to_contacted + to_qualified + to_converted end,
       case when stage = 'qualified' then null else 'converted' end, 'bench'
from w14 where stage in ('qualified', 'converted')
union all
select id, uuid '00000000-0000-7000-8000-00000000a001', 'converted', created + to_contacted + to_qualified + to_converted,
       null, null, 'bench'
from w14 where stage = 'converted'
union all
select id, uuid '00000000-0000-7000-8000-00000000a001', 'disqualified', created + to_contacted, null, null, 'bench'
from w14 where stage = 'disqualified';
commit;
analyze lead;
analyze lead_stage_stay;
