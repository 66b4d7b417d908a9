package dev.rapport.platform.filter;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text {@code ?q=} searches: stored search text and queries both lower case without accents, matched with a
 * trigram-indexed {@code LIKE}.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {}

    /** Lower case without accents: "Zoë Ørsted" becomes "zoe orsted", both in stored search text and in queries. */
    public static String searchable(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        String unmarked = MARKS.matcher(decomposed).replaceAll("");
        StringBuilder out = new StringBuilder(unmarked.length());
        for (int i = 0; i < unmarked.length(); i++) {
            char c = unmarked.charAt(i);
            out.append(
                    switch (c) {
                        // Letters that are not a base letter plus a combining mark, so NFD leaves them alone.
                        case 'ø' -> "o";
                        case 'æ' -> "ae";
                        case 'œ' -> "oe";
                        case 'ß' -> "ss";
                        case 'ł' -> "l";
                        case 'đ', 'ð' -> "d";
                        case 'þ' -> "th";
                        case 'ı' -> "i";
                        default -> String.valueOf(c);
                    });
        }
        return out.toString().trim();
    }

    /** The {@code LIKE} pattern that finds {@code query} anywhere in search text. */
    public static String containing(String query) {
        String text = searchable(query);
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
