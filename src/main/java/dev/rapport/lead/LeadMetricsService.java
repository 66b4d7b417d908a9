package dev.rapport.lead;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.lead.api.LeadMetrics;
import dev.rapport.lead.api.Money;
import dev.rapport.lead.api.PipelineStage;
import dev.rapport.lead.api.PipelineView;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import io.smallrye.mutiny.Uni;

/**
 * Pipeline figures, computed in SQL from the leads and their stage stays ({@link LeadMetricsQueries}) over the leads
 * of one pipeline captured in [from, to): per period of capture and group, how many were captured, converted (before
 * {@code to}) and lost, the conversion rate and the won value; per stage, the leads in it now, the stage-to-stage
 * conversion, the mean and median time in it and the weighted value; in total, the weighted pipeline value, the won
 * value and the lost reasons.
 */
@ApplicationScoped
public class LeadMetricsService {

    private static final Set<String> INTERVALS = Set.of("week", "month");
    private static final int MAX_DAYS = 3 * 366;

    private final LeadMetricsQueries queries;
    private final PipelineQueries pipelines;
    private final Caller caller;
    private final Clock clock;

    LeadMetricsService(LeadMetricsQueries queries, PipelineQueries pipelines, Caller caller, Clock clock) {
        this.queries = queries;
        this.pipelines = pipelines;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * @param from the range's start (30 days before {@code to} when null)
     * @param to the range's end, exclusive (now when null)
     * @param pipelineId the pipeline (the default one when null)
     * @param interval week or month (month when null)
     * @param groupBy source, owner, stage, or null
     */
    public Uni<LeadMetrics> metrics(
            OffsetDateTime from, OffsetDateTime to, UUID pipelineId, String interval, String groupBy) {
        OffsetDateTime end = (to == null ? Clocks.now(clock) : to).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime start = (from == null ? end.minusDays(30) : from).withOffsetSameInstant(ZoneOffset.UTC);
        String every = interval == null ? "month" : interval;
        if (!INTERVALS.contains(every)) {
            throw DomainException.invalid("interval", "must be week or month");
        }
        if (groupBy != null && !LeadMetricsQueries.GROUPS.containsKey(groupBy)) {
            throw DomainException.invalid("groupBy", "must be source, owner or stage");
        }
        if (!start.isBefore(end)) {
            throw DomainException.invalid("from", "must be before to");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw DomainException.invalid("from", "the range may span at most three years");
        }
        String scope = caller.partnerScope();
        return pipelines.pipeline(pipelineId, scope).chain(pipeline -> {
            if (pipeline == null) {
                throw DomainException.invalid("pipeline", "no pipeline with id " + pipelineId);
            }
            List<String> order =
                    pipeline.stages().stream().map(PipelineStage::key).toList();
            List<String> lost = pipeline.stages().stream()
                    .filter(stage -> LeadRecords.LOST.equals(stage.category()))
                    .map(PipelineStage::key)
                    .toList();
            return queries.cells(pipeline.id(), start, end, every, groupBy, scope)
                    .chain(cells -> queries.stays(pipeline.id(), order, lost, start, end, scope)
                            .chain(stays -> queries.lostReasons(pipeline.id(), start, end, scope)
                                    .map(reasons ->
                                            assemble(start, end, every, groupBy, pipeline, cells, stays, reasons))));
        });
    }

    private static LeadMetrics assemble(
            OffsetDateTime from,
            OffsetDateTime to,
            String interval,
            String groupBy,
            PipelineView pipeline,
            List<LeadMetricsQueries.Cell> cells,
            List<LeadMetricsQueries.StageStays> stays,
            List<Map.Entry<String, Long>> reasons) {
        record Key(OffsetDateTime start, String group) {}
        Map<Key, long[]> counts = new TreeMap<>(Comparator.comparing(Key::start)
                .thenComparing(Key::group, Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<Key, Sums> periodWon = new HashMap<>();
        Map<String, Long> inStage = new HashMap<>();
        Map<String, Sums> stageValue = new HashMap<>();
        Sums won = new Sums();
        for (LeadMetricsQueries.Cell cell : cells) {
            Key key = new Key(cell.period(), cell.group());
            long[] c = counts.computeIfAbsent(key, k -> new long[3]);
            c[0] += cell.created();
            c[1] += cell.converted();
            c[2] += cell.lost();
            periodWon.computeIfAbsent(key, k -> new Sums()).add(cell.currency(), cell.wonValue());
            won.add(cell.currency(), cell.wonValue());
            inStage.merge(cell.stage(), cell.created(), Long::sum);
            stageValue.computeIfAbsent(cell.stage(), k -> new Sums()).add(cell.currency(), cell.value());
        }
        List<LeadMetrics.Period> periods = new ArrayList<>();
        counts.forEach((key, c) -> periods.add(new LeadMetrics.Period(
                key.start(),
                key.group(),
                c[0],
                c[1],
                rate(c[1], c[0]),
                c[2],
                periodWon.get(key).list())));
        Map<String, LeadMetricsQueries.StageStays> staysOf = new HashMap<>();
        stays.forEach(s -> staysOf.put(s.stage(), s));
        List<LeadMetrics.Stage> stages = new ArrayList<>();
        Sums weighted = new Sums();
        for (PipelineStage stage : pipeline.stages()) {
            LeadMetricsQueries.StageStays s = staysOf.get(stage.key());
            Sums value = stageValue.getOrDefault(stage.key(), new Sums()).times(stage.probability());
            if (LeadRecords.OPEN.equals(stage.category())) {
                value.list().forEach(m -> weighted.add(m.currency(), m.amount()));
            }
            long reached = s == null ? 0 : s.reached();
            long advanced = s == null ? 0 : s.advanced();
            stages.add(new LeadMetrics.Stage(
                    stage.key(),
                    stage.category(),
                    stage.probability(),
                    inStage.getOrDefault(stage.key(), 0L),
                    reached,
                    advanced,
                    rate(advanced, reached),
                    seconds(s == null ? null : s.averageSeconds()),
                    seconds(s == null ? null : s.medianSeconds()),
                    value.list()));
        }
        List<LeadMetrics.ReasonCount> lost = reasons.stream()
                .map(e -> new LeadMetrics.ReasonCount(e.getKey(), e.getValue()))
                .toList();
        return new LeadMetrics(
                from, to, interval, groupBy, pipeline.id(), periods, stages, weighted.list(), won.list(), lost);
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal seconds(Double seconds) {
        return seconds == null ? null : BigDecimal.valueOf(seconds).setScale(1, RoundingMode.HALF_EVEN);
    }

    /** Exact amounts per currency. */
    private static final class Sums {

        private final Map<String, BigDecimal> amounts = new TreeMap<>();

        void add(String currency, BigDecimal amount) {
            if (currency != null && amount != null) {
                amounts.merge(currency, amount, BigDecimal::add);
            }
        }

        /** Each amount × a percentage. */
        Sums times(int percent) {
            Sums result = new Sums();
            amounts.forEach((currency, amount) -> result.add(
                    currency, amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100))));
            return result;
        }

        List<Money> list() {
            return amounts.entrySet().stream()
                    .filter(e -> Objects.nonNull(e.getValue()))
                    .map(e -> new Money(
                            e.getKey(),
                            e.getValue().stripTrailingZeros().scale() < 0
                                    ? e.getValue().setScale(0)
                                    : e.getValue().stripTrailingZeros()))
                    .toList();
        }
    }
}
