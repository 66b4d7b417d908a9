package dev.rapport.platform.json;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * Reads an ISO-8601 time as Jackson does (moved to UTC), except at the ends of Java's range, where moving it fails:
 * there the time is kept with the offset it was written with. A record stored before times were range-checked
 * (a consent recorded in year 999999999) must stay readable, and with it every list that holds it; what enters now
 * is range-checked ({@code @Plausible}) after it is read.
 */
final class StoredTimes extends StdScalarDeserializer<OffsetDateTime> {

    StoredTimes() {
        super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
        }
        String text = parser.getText().trim();
        if (text.isEmpty()) {
            return null;
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return (OffsetDateTime) context.handleWeirdStringValue(
                    OffsetDateTime.class, text, "needs an ISO-8601 date and time with an offset");
        }
        try {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return time;
        }
    }
}
