package dev.rapport.customer.api;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A bulk import of customers: the format of its rows and how a row finds the customer it updates")
public record ImportRequest(
        @Schema(
                description = "ndjson: one customer object per line, with the fields of a customer (and"
                        + " externalId); csv: a header line, then one customer per line, its columns named by"
                        + " columns",
                enumeration = {"ndjson", "csv"},
                required = true)
        @NotNull
        @Pattern(regexp = "ndjson|csv", message = "must be ndjson or csv")
        String format,

        @Schema(
                description = "CSV only: the field each column of the header holds, where the header does not name"
                        + " it already. Fields: externalId, givenName, familyName, email, phone, birthday, locale,"
                        + " timeZone, ownerId, tags (separated by |), consents.email, consents.sms, consents.push"
                        + " (true or false) and attributes.<key>; a column mapped to nothing (or not a field) is"
                        + " left out.",
                examples = "{\"First name\": \"givenName\", \"E-mail\": \"email\", \"Customer no\": \"externalId\"}")
        @Size(max = 100)
        Map<String, String> columns,

        @Schema(
                description = "How a row finds the customer it updates: by its externalId, by its (first) email,"
                        + " or by the external id and else the email (default). A row that finds none creates one.",
                enumeration = {"externalId", "email", "externalIdOrEmail"})
        @Pattern(
                regexp = "externalId|email|externalIdOrEmail",
                message = "must be externalId, email or externalIdOrEmail")
        String match) {}
