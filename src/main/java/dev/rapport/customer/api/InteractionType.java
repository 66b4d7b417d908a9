package dev.rapport.customer.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Description("Kind of interaction on a customer's timeline")
@Schema(description = "Kind of interaction on a customer's timeline")
public enum InteractionType {
    call,
    email,
    chat,
    note,
    meeting,
    visit,
    purchase,
    survey,
    ticket
}
