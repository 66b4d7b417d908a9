package dev.rapport.platform.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * The one rule for text that enters: no control characters but tab, line feed and carriage return. NUL cannot be
 * stored by PostgreSQL at all (it answered with an error of its own), and the other C0 controls and DEL mean
 * nothing in a name, an address, a tag or a note. Every string field of every JSON body is read through
 * {@link Reader}; query parameters (the same rule), paths and headers (one line: tab only) are checked by
 * {@code RequestChecks}, GraphQL variables by {@code GraphQLRequests}.
 */
public final class PlainText {

    private PlainText() {}

    /** The index of the first control character {@code text} may not hold, or -1. */
    public static int controlAt(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first control character a one-line value (a header, a path) may not hold, or -1: tab only. */
    public static int lineControlAt(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    /** What a caller is told about a text with a control character. */
    public static String refusal(CharSequence text) {
        return String.format(
                "must not contain control characters (U+%04X at position %d)",
                (int) text.charAt(controlAt(text)), controlAt(text));
    }

    /** Jackson's string reader, refusing control characters as a wrongly formed value of the field. */
    static final class Reader extends StdScalarDeserializer<String> {

        Reader() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            // not a subclass of StringDeserializer: Jackson would take it for its own and read strings directly
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && controlAt(text) >= 0) {
                return (String) context.handleWeirdStringValue(String.class, text, refusal(text));
            }
            return text;
        }
    }
}
