package dev.rapport.ticket;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import dev.rapport.ticket.api.TicketMetrics;
import dev.rapport.ticket.api.TicketMetricsBucket;
import io.smallrye.mutiny.Uni;

/**
 * Support figures by period and group, computed in SQL from the stored history ({@link TicketMetricsQueries}):
 * created, solved, backlog at each period's end, TTR exactly as the product brief defines it (the sum of the
 * solved tickets' resolution times divided by their number) in calendar and business time, median and p90
 * resolution, first-response time, SLA attainment per target and the reopen rate.
 */
@ApplicationScoped
public class TicketMetricsService {

    private static final Set<String> INTERVALS = Set.of("day", "week", "month");
    private static final int MAX_PERIODS = 400;

    private final TicketMetricsQueries queries;
    private final Caller caller;
    private final Clock clock;

    TicketMetricsService(TicketMetricsQueries queries, Caller caller, Clock clock) {
        this.queries = queries;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * @param from the range's start (30 days before {@code to} when null)
     * @param to the range's end, exclusive (now when null)
     * @param interval day, week or month (week when null)
     * @param groupBy priority, channel, team, assignee, or null
     */
    public Uni<TicketMetrics> metrics(OffsetDateTime from, OffsetDateTime to, String interval, String groupBy) {
        OffsetDateTime end = (to == null ? Clocks.now(clock) : to).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime start = (from == null ? end.minusDays(30) : from).withOffsetSameInstant(ZoneOffset.UTC);
        String every = interval == null ? "week" : interval;
        if (!INTERVALS.contains(every)) {
            throw DomainException.invalid("interval", "must be day, week or month");
        }
        if (groupBy != null && !TicketMetricsQueries.GROUPS.containsKey(groupBy)) {
            throw DomainException.invalid("groupBy", "must be priority, channel, team or assignee");
        }
        if (!start.isBefore(end)) {
            throw DomainException.invalid("from", "must be before to");
        }
        List<OffsetDateTime> periods = periods(start, end, every);
        if (periods.size() > MAX_PERIODS) {
            throw DomainException.invalid(
                    "interval", "the range holds more than " + MAX_PERIODS + " periods; use a longer one");
        }
        String scope = caller.partnerScope();
        return queries.activity(start, end, every, groupBy, scope)
                .chain(activity -> queries.backlog(start, end, every, groupBy, scope)
                        .chain(backlog -> queries.attainment(start, end, every, groupBy, scope)
                                .map(attainment ->
                                        assemble(start, end, every, groupBy, periods, activity, backlog, attainment))));
    }

    private static TicketMetrics assemble(
            OffsetDateTime from,
            OffsetDateTime to,
            String interval,
            String groupBy,
            List<OffsetDateTime> periods,
            List<TicketMetricsQueries.Activity> activity,
            List<TicketMetricsQueries.BacklogChange> backlog,
            List<TicketMetricsQueries.Attainment> attainment) {
        Set<String> groups = new TreeSet<>(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        Stream.of(
                        activity.stream().map(TicketMetricsQueries.Activity::group),
                        backlog.stream().map(TicketMetricsQueries.BacklogChange::group),
                        attainment.stream().map(TicketMetricsQueries.Attainment::group))
                .flatMap(s -> s)
                .forEach(groups::add);
        if (groups.isEmpty()) {
            groups.add(null);
        }
        Map<Key, TicketMetricsQueries.Activity> byKey = new HashMap<>();
        activity.forEach(a -> byKey.put(new Key(a.kind(), a.period(), a.group()), a));
        Map<Key, TicketMetricsQueries.Attainment> attained = new HashMap<>();
        attainment.forEach(a -> attained.put(new Key(a.metric(), a.period(), a.group()), a));
        List<TicketMetricsBucket> buckets = new ArrayList<>();
        List<TicketMetricsBucket> totals = new ArrayList<>();
        for (String group : groups) {
            long atEnd = 0;
            Map<OffsetDateTime, Long> changes = new HashMap<>();
            for (TicketMetricsQueries.BacklogChange b : backlog) {
                if (!Objects.equals(b.group(), group)) {
                    continue;
                }
                switch (b.kind()) {
                    case "open" -> atEnd += b.change();
                    case "after" -> atEnd -= b.change();
                    default -> changes.merge(utc(b.period()), b.change(), Long::sum);
                }
            }
            long open = atEnd;
            for (int i = 0; i < periods.size(); i++) {
                OffsetDateTime period = periods.get(i);
                OffsetDateTime periodEnd = i + 1 < periods.size() ? periods.get(i + 1) : to;
                long later = changes.entrySet().stream()
                        .filter(e -> !e.getKey().isBefore(periodEnd))
                        .mapToLong(Map.Entry::getValue)
                        .sum();
                buckets.add(bucket(
                        period.isBefore(from) ? from : period,
                        periodEnd,
                        group,
                        byKey,
                        attained,
                        period,
                        open - later));
            }
            totals.add(bucket(from, to, group, byKey, attained, null, open));
        }
        buckets.sort(java.util.Comparator.comparing(TicketMetricsBucket::start));
        return new TicketMetrics(from, to, interval, groupBy, buckets, totals);
    }

    private record Key(String kind, OffsetDateTime period, String group) {

        Key {
            period = period == null ? null : utc(period);
        }
    }

    private static TicketMetricsBucket bucket(
            OffsetDateTime start,
            OffsetDateTime end,
            String group,
            Map<Key, TicketMetricsQueries.Activity> activity,
            Map<Key, TicketMetricsQueries.Attainment> attained,
            OffsetDateTime period,
            long backlog) {
        TicketMetricsQueries.Activity created = activity.get(new Key("created", period, group));
        TicketMetricsQueries.Activity solved = activity.get(new Key("solved", period, group));
        TicketMetricsQueries.Activity responded = activity.get(new Key("responded", period, group));
        return new TicketMetricsBucket(
                start,
                end,
                group,
                created == null ? 0 : created.count(),
                solved == null ? 0 : solved.count(),
                backlog,
                solved == null ? null : solved.ttr(),
                solved == null ? null : solved.ttrBusiness(),
                solved == null ? null : solved.medianResolution(),
                solved == null ? null : solved.p90Resolution(),
                responded == null ? 0 : responded.count(),
                responded == null ? null : responded.meanFirstResponse(),
                responded == null ? null : responded.medianFirstResponse(),
                share(attained.get(new Key("first_response", period, group))),
                share(attained.get(new Key("next_reply", period, group))),
                share(attained.get(new Key("resolution", period, group))),
                solved == null ? null : solved.reopenRate());
    }

    private static Double share(TicketMetricsQueries.Attainment attainment) {
        return attainment == null || attainment.decided() == 0
                ? null
                : (double) attainment.met() / attainment.decided();
    }

    /** The UTC period starts covering [from, to): the first one may start before {@code from}. */
    static List<OffsetDateTime> periods(OffsetDateTime from, OffsetDateTime to, String interval) {
        OffsetDateTime first = switch (interval) {
            case "day" -> from.truncatedTo(ChronoUnit.DAYS);
            case "week" -> from.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> from.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        };
        List<OffsetDateTime> periods = new ArrayList<>();
        for (OffsetDateTime p = first; p.isBefore(to) && periods.size() <= MAX_PERIODS; p = next(p, interval)) {
            periods.add(p);
        }
        return periods;
    }

    private static OffsetDateTime next(OffsetDateTime period, String interval) {
        return switch (interval) {
            case "day" -> period.plusDays(1);
            case "week" -> period.plusWeeks(1);
            default -> period.plusMonths(1);
        };
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.toInstant().atOffset(ZoneOffset.UTC);
    }
}
