package dev.rapport.customer;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.rapport.platform.error.DomainException;

/**
 * The rows of an import's parts, as stored and as customers: an NDJSON line is kept as it came (it is read when
 * applied, so that a bad line is that row's error); a CSV record (quoted fields may hold separators and line breaks)
 * is kept as a JSON array of its values and becomes a customer through the header and the column mapping.
 */
final class CustomerImportRows {

    /** The fields a CSV column may hold, besides {@code consents.<channel>} and {@code attributes.<key>}. */
    static final List<String> CSV_FIELDS = List.of(
            "externalId",
            "givenName",
            "familyName",
            "email",
            "phone",
            "birthday",
            "locale",
            "timeZone",
            "ownerId",
            "tags");

    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private CustomerImportRows() {}

    /** The rows of a part as stored: NDJSON lines (blank ones left out) or CSV records as JSON arrays. */
    static List<String> split(String format, String body, ObjectMapper json) {
        List<String> rows = new ArrayList<>();
        if ("ndjson".equals(format)) {
            for (String line : body.split("\r?\n", -1)) {
                if (!line.isBlank()) {
                    rows.add(line);
                }
            }
            return rows;
        }
        try (CSVParser parser = CSV.parse(new StringReader(body))) {
            for (CSVRecord record : parser) {
                ArrayNode values = json.createArrayNode();
                record.forEach(values::add);
                rows.add(values.toString());
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw DomainException.invalid("body", "is not CSV: " + e.getMessage());
        }
        return rows;
    }

    /**
     * The field each header column holds: the mapping's, else the column's own name when it is a field; null for a
     * column left out.
     */
    static List<String> fields(List<String> header, Map<String, String> columns) {
        List<String> fields = new ArrayList<>(header.size());
        for (String column : header) {
            String name = column.strip();
            String field = columns != null && columns.containsKey(name) ? columns.get(name) : name;
            fields.add(field != null && isField(field) ? field : null);
        }
        return fields;
    }

    static boolean isField(String field) {
        return CSV_FIELDS.contains(field)
                || field.matches("consents\\.(email|sms|push)")
                || field.matches("attributes\\.[A-Za-z0-9_]{1,64}");
    }

    /** A stored row as a customer document (the fields of a customer and externalId). */
    static ObjectNode customer(String format, String data, List<String> fields, ObjectMapper json) {
        if ("ndjson".equals(format)) {
            JsonNode node;
            try {
                node = json.readTree(data);
            } catch (IOException e) {
                throw DomainException.invalid("row", "is not a JSON object on one line");
            }
            if (node == null || !node.isObject()) {
                throw DomainException.invalid("row", "is not a JSON object on one line");
            }
            return (ObjectNode) node;
        }
        JsonNode values;
        try {
            values = json.readTree(data);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable stored CSV record", e);
        }
        if (values.size() != fields.size()) {
            throw DomainException.invalid("row", "has " + values.size() + " columns, the header " + fields.size());
        }
        ObjectNode customer = json.createObjectNode();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            String value = values.get(i).asText();
            if (field == null || value.isBlank()) {
                continue;
            }
            put(customer, field, value.strip());
        }
        return customer;
    }

    private static void put(ObjectNode customer, String field, String value) {
        switch (field) {
            case "email" -> customer.putArray("emails").addObject().put("address", value);
            case "phone" -> customer.putArray("phones").addObject().put("number", value);
            case "tags" -> {
                ArrayNode tags = customer.putArray("tags");
                for (String tag : value.split("\\|")) {
                    if (!tag.isBlank()) {
                        tags.add(tag.strip());
                    }
                }
            }
            default -> {
                if (field.startsWith("consents.")) {
                    String granted = value.toLowerCase(Locale.ROOT);
                    if (!granted.equals("true") && !granted.equals("false")) {
                        throw DomainException.invalid(field, "must be true or false");
                    }
                    ObjectNode consents = customer.has("consents")
                            ? (ObjectNode) customer.get("consents")
                            : customer.putObject("consents");
                    consents.putObject(field.substring("consents.".length()))
                            .put("granted", Boolean.parseBoolean(granted));
                } else if (field.startsWith("attributes.")) {
                    ObjectNode attributes = customer.has("attributes")
                            ? (ObjectNode) customer.get("attributes")
                            : customer.putObject("attributes");
                    attributes.put(field.substring("attributes.".length()), value);
                } else {
                    customer.put(field, value);
                }
            }
        }
    }
}
