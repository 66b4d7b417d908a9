-- W19: the plan of the statement GET /v1/surveys/metrics?interval=week runs without groupBy for a caller of every
-- partner (SurveyMetricsQueries.figures: the hourly figures summed by period), prepared and bound as the service's
-- pool sends it, over the range :'from' to :'to' (psql -v from=... -v to=...).
\set ON_ERROR_STOP on
\timing on
prepare w19_figures as
select date_trunc($1, f.hour, 'UTC'), cast(null as text), sum(f.responses), sum(f.answered_links), sum(f.delivered),
       sum(f.nps_responses), sum(f.promoters), sum(f.detractors), sum(f.csat_responses), sum(f.satisfied),
       sum(f.ces_responses), sum(f.ces_sum)
from survey_figure f
where f.hour >= $2 and f.hour < $3 and true
group by 1, 2;
explain (analyze, buffers) execute w19_figures('week', :'from', :'to');
