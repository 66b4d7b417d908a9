package dev.rapport.platform.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** How a filter argument matches a stored attribute value: in its text form, and typed as a number or boolean. */
final class Attributes {

    private Attributes() {}

    /** The values an argument of == matches: itself as text, and as the number or boolean it spells. */
    static List<Object> candidates(String arg) {
        List<Object> values = new ArrayList<>(3);
        values.add(arg);
        BigDecimal number = Condition.number(arg, arg, false);
        if (number != null) {
            values.add(number);
        }
        if (arg.equals("true") || arg.equals("false")) {
            values.add(Boolean.valueOf(arg));
        }
        return values;
    }

    /** Whether a stored scalar (String, Number or Boolean) equals a candidate, as jsonb containment decides. */
    static boolean matches(Object stored, Object candidate) {
        if (stored instanceof Number number && candidate instanceof BigDecimal decimal) {
            return decimal(number).compareTo(decimal) == 0;
        }
        if (stored instanceof String || stored instanceof Boolean) {
            return stored.equals(candidate);
        }
        return false;
    }

    static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }
}
