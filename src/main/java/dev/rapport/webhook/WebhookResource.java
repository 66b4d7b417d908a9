package dev.rapport.webhook;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.platform.db.ETags;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.idempotency.IdempotentRequests;
import dev.rapport.platform.idempotency.StoredResponse;
import dev.rapport.platform.json.MergePatch;
import dev.rapport.platform.paging.Page;
import dev.rapport.platform.paging.PageParameters;
import dev.rapport.platform.security.Roles;
import dev.rapport.webhook.api.CreateWebhookEndpointRequest;
import dev.rapport.webhook.api.WebhookDeliveryPage;
import dev.rapport.webhook.api.WebhookDeliveryView;
import dev.rapport.webhook.api.WebhookEndpointPage;
import dev.rapport.webhook.api.WebhookEndpointView;
import io.smallrye.mutiny.Uni;

@Path("/v1/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed event deliveries to your endpoints (Standard Webhooks)")
public class WebhookResource {

    private final WebhookService service;
    private final IdempotentRequests idempotency;

    WebhookResource(WebhookService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "createWebhookEndpoint",
            summary = "Register a webhook endpoint",
            description = "The URL must be https and resolve to public addresses only. The response carries the "
                    + "signing secret (whsec_...) once: store it to verify the webhook-signature header.")
    @APIResponse(
            responseCode = "201",
            description = "Registered; the body carries the secret",
            content = @Content(schema = @Schema(implementation = WebhookEndpointView.class)),
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")})
    public Uni<Response> create(
            @Parameter(description = "Makes a retry safe: a repeat returns the stored response")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @Valid @NotNull CreateWebhookEndpointRequest request) {
        return idempotency.run(
                idempotencyKey,
                "POST /v1/webhook-endpoints",
                request,
                () -> service.create(request)
                        .map(view -> StoredResponse.created(
                                view, "/v1/webhook-endpoints/" + view.id(), ETags.of(view.version()))));
    }

    @GET
    @RolesAllowed(Roles.WEBHOOKS_MANAGE)
    @Operation(operationId = "listWebhookEndpoints", summary = "List webhook endpoints, newest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of endpoints",
            content = @Content(schema = @Schema(implementation = WebhookEndpointPage.class)))
    public Uni<Page<WebhookEndpointView>> list(@BeanParam PageParameters paging) {
        return service.list(paging);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.WEBHOOKS_MANAGE)
    @Operation(operationId = "getWebhookEndpoint", summary = "Get a webhook endpoint")
    @APIResponse(
            responseCode = "200",
            description = "The endpoint; ETag carries its version",
            content = @Content(schema = @Schema(implementation = WebhookEndpointView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id).map(view -> ETags.ok(view, view.version()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed(Roles.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "updateWebhookEndpoint",
            summary = "Change a webhook endpoint with a JSON merge patch",
            description = "Set enabled to true to re-enable an endpoint that was disabled automatically.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = CreateWebhookEndpointRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The changed endpoint; ETag carries its new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookEndpointView.class)),
            headers = @Header(name = "ETag", ref = "ETag"))
    public Uni<Response> update(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version the change was based on") @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull JsonNode patch) {
        return service.update(id, patch, ifMatch).map(view -> ETags.ok(view, view.version()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.WEBHOOKS_MANAGE)
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint and its delivery log")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return service.delete(id).map(nothing -> Response.noContent().build());
    }

    @POST
    @Path("{id}/rotate-secret")
    @RolesAllowed(Roles.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate the signing secret",
            description = "Returns the new secret once. Until the overlap ends (24 h by default) deliveries carry two "
                    + "signatures, one per secret, so receivers can switch without losing events.")
    @APIResponse(
            responseCode = "200",
            description = "The endpoint with its new secret",
            content = @Content(schema = @Schema(implementation = WebhookEndpointView.class)))
    public Uni<WebhookEndpointView> rotateSecret(@PathParam("id") UUID id) {
        return service.rotateSecret(id);
    }

    @POST
    @Path("{id}/test")
    @RolesAllowed(Roles.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "sendWebhookTestEvent",
            summary = "Send a test event",
            description = "Queues a signed webhook.test event for this endpoint; it is sent like any delivery.")
    @APIResponse(
            responseCode = "202",
            description = "Queued",
            content = @Content(schema = @Schema(implementation = WebhookDeliveryView.class)))
    public Uni<Response> sendTest(@PathParam("id") UUID id) {
        return service.sendTest(id).map(view -> Response.accepted(view).build());
    }

    @GET
    @Path("{id}/deliveries")
    @RolesAllowed(Roles.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The delivery log of an endpoint, newest first, with every attempt")
    @APIResponse(
            responseCode = "200",
            description = "A page of deliveries",
            content = @Content(schema = @Schema(implementation = WebhookDeliveryPage.class)))
    public Uni<Page<WebhookDeliveryView>> deliveries(
            @PathParam("id") UUID id,
            @Parameter(description = "Only deliveries in this state: pending, succeeded, dead") @QueryParam("status")
                    String status,
            @BeanParam PageParameters paging) {
        return service.deliveries(id, status, paging);
    }

    @POST
    @Path("{id}/replay")
    @RolesAllowed(Roles.WEBHOOKS_MANAGE)
    @Operation(
            operationId = "replayWebhookDeliveries",
            summary = "Send deliveries again",
            description = "One delivery (deliveryId) or all deliveries created in [from, to). They keep their "
                    + "webhook-id, so receivers can recognise them, and get a fresh retry schedule.")
    @APIResponse(
            responseCode = "202",
            description = "How many deliveries were queued again",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            requiredProperties = "replayed",
                                            properties =
                                                    @SchemaProperty(
                                                            name = "replayed",
                                                            type = SchemaType.INTEGER,
                                                            minimum = "0",
                                                            description = "Deliveries queued again"))))
    public Uni<Response> replay(
            @PathParam("id") UUID id,
            @Parameter(description = "One delivery to send again") @QueryParam("deliveryId") String deliveryId,
            @Parameter(description = "Start of the time range, ISO-8601") @QueryParam("from") String from,
            @Parameter(description = "End of the time range, ISO-8601") @QueryParam("to") String to) {
        if (deliveryId == null && from == null && to == null) {
            throw DomainException.invalid("deliveryId", "name a delivery or a time range (from, to)");
        }
        return service.replay(id, uuid("deliveryId", deliveryId), time("from", from), time("to", to))
                .map(count -> Response.accepted(Map.of("replayed", count)).build());
    }

    private static UUID uuid(String field, String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "must be a delivery id (UUID)");
        }
    }

    private static OffsetDateTime time(String field, String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalid(field, "must be an ISO-8601 timestamp such as 2026-11-23T10:00:00Z");
        }
    }
}
