-- W19: the plans of the two statements GET /v1/surveys/metrics?interval=week runs without groupBy for a caller of
-- every partner (SurveyMetricsQueries: the completed responses by period, the personal links delivered by period),
-- prepared and bound as the service's pool sends them, over the range :'from' to :'to' (psql -v from=... -v to=...).
\set ON_ERROR_STOP on
\timing on
prepare w19_responses as
select date_trunc($1, r.submitted_at, 'UTC'), cast(null as text), count(*),
       count(*) filter (where r.customer_id is not null), count(r.nps), count(*) filter (where r.nps >= 9),
       count(*) filter (where r.nps <= 6), count(r.csat), count(*) filter (where r.csat >= 4), count(r.ces),
       coalesce(sum(r.ces), 0)
from survey_response r
where r.status = 'completed' and r.submitted_at >= $2 and r.submitted_at < $3 and true
group by 1, 2;
prepare w19_delivered as
select date_trunc($1, d.created_at, 'UTC'), cast(null as text), count(*)
from survey_distribution d
where d.status <> 'suppressed' and d.customer_id is not null and d.created_at >= $2 and d.created_at < $3 and true
group by 1, 2;
explain (analyze, buffers) execute w19_responses('week', :'from', :'to');
explain (analyze, buffers) execute w19_delivered('week', :'from', :'to');
