package dev.rapport.platform.web;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.error.DomainException;

/** Arguments of GraphQL fields as the services take them, with REST's errors for bad ones. */
public final class GraphQLArguments {

    private GraphQLArguments() {}

    /** An id argument; a malformed one names no record, like an unknown one. */
    public static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("record", id);
        }
    }

    /** A JSON document passed as text (a merge patch), or malformed-request. */
    public static JsonNode json(ObjectMapper json, String document) {
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw DomainException.malformed(e);
        }
    }
}
