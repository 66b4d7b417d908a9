package dev.rapport.platform.json;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Free tags as every domain stores them: trimmed, lower-cased, each once, in the order first given. */
public final class Tags {

    private Tags() {}

    /** One tag in stored form (null stays null). */
    public static String normalized(String tag) {
        return tag == null ? null : tag.trim().toLowerCase(Locale.ROOT);
    }

    /** The tags in stored form; none for null. */
    public static List<String> normalized(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        tags.forEach(tag -> distinct.add(normalized(tag)));
        return List.copyOf(distinct);
    }
}
