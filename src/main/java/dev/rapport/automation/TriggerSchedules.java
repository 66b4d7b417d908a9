package dev.rapport.automation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * Schedule triggers' cron expressions, written as Unix cron writes them (minute hour day-of-month month
 * day-of-week) and read in the trigger's time zone: across a DST change, a time the clocks skip does not come due
 * that day, and one that occurs twice comes due once.
 */
final class TriggerSchedules {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private TriggerSchedules() {}

    /** The parsed expression, or IllegalArgumentException saying what is wrong. */
    static Cron parse(String cron) {
        return PARSER.parse(cron).validate();
    }

    /** The latest time {@code cron} came due after {@code from} and at or before {@code to}, if any. */
    static Optional<Instant> lastDue(String cron, ZoneId zone, Instant from, Instant to) {
        ExecutionTime times = ExecutionTime.forCron(parse(cron));
        return times.lastExecution(ZonedDateTime.ofInstant(to.plusSeconds(1), zone))
                .map(ZonedDateTime::toInstant)
                .filter(due -> due.isAfter(from) && !due.isAfter(to));
    }
}
