package dev.rapport.survey;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import dev.rapport.survey.api.SurveyLimits;
import dev.rapport.survey.api.SurveyMetrics;
import dev.rapport.survey.api.SurveyMetricsBucket;
import io.smallrye.mutiny.Uni;

/**
 * Survey figures over a range, in total and by UTC day, week (from Monday) or month, optionally by survey,
 * touchpoint, channel or segment (the segments the respondent was in when the answer was followed up; a response
 * counts in each of them, and links are not cut by segment, so there is no response rate by segment).
 */
@ApplicationScoped
public class SurveyMetricsService {

    private static final Set<String> INTERVALS = Set.of("day", "week", "month");
    private static final long MAX_DAYS = 800;

    private final SurveyMetricsQueries queries;
    private final Caller caller;
    private final Clock clock;

    SurveyMetricsService(SurveyMetricsQueries queries, Caller caller, Clock clock) {
        this.queries = queries;
        this.caller = caller;
        this.clock = clock;
    }

    public Uni<SurveyMetrics> metrics(
            OffsetDateTime from, OffsetDateTime to, String interval, String groupBy, UUID surveyId, String touchpoint) {
        OffsetDateTime end = (to == null ? Clocks.now(clock) : to).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime start = (from == null ? end.minusDays(30) : from).withOffsetSameInstant(ZoneOffset.UTC);
        String every = interval == null ? "week" : interval;
        if (!INTERVALS.contains(every)) {
            throw DomainException.invalid("interval", "must be day, week or month");
        }
        if (groupBy != null
                && !SurveyMetricsQueries.GROUPS.containsKey(groupBy)
                && !SurveyMetricsQueries.SEGMENT.equals(groupBy)) {
            throw DomainException.invalid("groupBy", "must be survey, touchpoint, channel or segment");
        }
        if (touchpoint != null && !touchpoint.matches(SurveyLimits.TOUCHPOINT)) {
            throw DomainException.invalid("touchpoint", "must be 1 to 60 lower-case letters, digits or _");
        }
        if (!start.isBefore(end)) {
            throw DomainException.invalid("from", "must be before to");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw DomainException.invalid("from", "the range is at most " + MAX_DAYS + " days");
        }
        String scope = caller.partnerScope();
        // the figures are kept per hour: the range is widened to whole UTC hours
        OffsetDateTime first = start.truncatedTo(ChronoUnit.HOURS);
        OffsetDateTime last = end.truncatedTo(ChronoUnit.HOURS).equals(end)
                ? end
                : end.truncatedTo(ChronoUnit.HOURS).plusHours(1);
        SurveyMetricsQueries.Range range = new SurveyMetricsQueries.Range(first, last, every, surveyId, touchpoint);
        boolean bySegment = SurveyMetricsQueries.SEGMENT.equals(groupBy);
        Uni<List<SurveyMetricsQueries.Row>> grouped =
                bySegment ? queries.bySegment(range, scope) : queries.figures(range, groupBy, scope);
        return grouped.chain(rows -> (bySegment
                        ? queries.figures(range, null, scope)
                        : Uni.createFrom().<List<SurveyMetricsQueries.Row>>nullItem())
                .map(ungrouped -> assemble(first, last, every, groupBy, rows, ungrouped)));
    }

    private static SurveyMetrics assemble(
            OffsetDateTime from,
            OffsetDateTime to,
            String interval,
            String groupBy,
            List<SurveyMetricsQueries.Row> rows,
            List<SurveyMetricsQueries.Row> ungrouped) {
        Comparator<String> groups = Comparator.nullsFirst(Comparator.naturalOrder());
        Map<OffsetDateTime, Map<String, SurveyScores.Counts>> byPeriod = new TreeMap<>();
        SurveyScores.Counts total = SurveyScores.Counts.NONE;
        for (SurveyMetricsQueries.Row row : rows) {
            byPeriod.computeIfAbsent(row.period().withOffsetSameInstant(ZoneOffset.UTC), p -> new TreeMap<>(groups))
                    .merge(row.group() == null ? "" : row.group(), row.counts(), SurveyScores.Counts::plus);
            total = total.plus(row.counts());
        }
        if (ungrouped != null) {
            total = ungrouped.stream()
                    .map(SurveyMetricsQueries.Row::counts)
                    .reduce(SurveyScores.Counts.NONE, SurveyScores.Counts::plus);
        }
        List<SurveyMetricsBucket> buckets = new ArrayList<>();
        byPeriod.forEach((period, byGroup) -> byGroup.forEach((group, counts) -> buckets.add(
                new SurveyMetricsBucket(period, Objects.equals(group, "") ? null : group, counts.figures()))));
        return new SurveyMetrics(from, to, interval, groupBy, total.figures(), buckets);
    }
}
