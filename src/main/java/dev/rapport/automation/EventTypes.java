package dev.rapport.automation;

/** Event type patterns as webhook endpoints and triggers write them: {@code *} stands for any text. */
final class EventTypes {

    private EventTypes() {}

    /** Whether {@code type} matches {@code pattern}, as SQL LIKE matches it with {@code *} for {@code %}. */
    static boolean matches(String pattern, String type) {
        String[] parts = pattern.split("\\*", -1);
        if (parts.length == 1) {
            return pattern.equals(type);
        }
        if (!type.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = type.indexOf(parts[i], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return type.length() - at >= last.length() && type.endsWith(last);
    }
}
