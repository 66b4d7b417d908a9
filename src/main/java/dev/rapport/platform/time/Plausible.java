package dev.rapport.platform.time;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date or time a caller gives must be one the domain can mean and the database can keep: not before
 * {@link #since()} (1900 by default: birthdays, purchases, consents) and not more than {@link #ahead()} after now
 * (a day by default, for clocks that run a little ahead). Java reads years up to ±999,999,999 and PostgreSQL keeps
 * far fewer, so without this a year 300000 was stored as infinity and a year before 1 lost its era.
 */
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Plausible.Check.class)
public @interface Plausible {

    String message() default "is out of range";

    /** The earliest value allowed, an ISO date (UTC midnight for times). */
    String since() default "1900-01-01";

    /** How far after now a value may be, an ISO-8601 duration. */
    String ahead() default "P1D";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Checks {@link LocalDate}, {@link OffsetDateTime} and {@link Instant} values against the clock of the service,
     * which bean validation is given ({@link Clocks#validationClock}). One instance per annotation, made by bean
     * validation, so that each keeps its own bounds.
     */
    class Check implements ConstraintValidator<Plausible, Object> {

        private Instant since;
        private Duration ahead;
        private String range;

        @Override
        public void initialize(Plausible plausible) {
            LocalDate first = LocalDate.parse(plausible.since());
            since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
            ahead = Duration.parse(plausible.ahead());
            range = "must be from " + first + " to " + describe(ahead) + " from now";
        }

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Instant instant = instant(value);
            Instant now = context.getClockProvider().getClock().instant();
            if (!instant.isBefore(since) && !instant.isAfter(now.plus(ahead))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(range).addConstraintViolation();
            return false;
        }

        private static Instant instant(Object value) {
            if (value instanceof LocalDate date) {
                return date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (value instanceof OffsetDateTime time) {
                return time.toInstant();
            }
            if (value instanceof Instant time) {
                return time;
            }
            throw new IllegalArgumentException("@Plausible does not apply to " + value.getClass());
        }

        private static String describe(Duration ahead) {
            long days = ahead.toDays();
            return days * 86_400 == ahead.toSeconds() ? days + (days == 1 ? " day" : " days") : ahead.toString();
        }
    }
}
