package dev.rapport;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.rapport.customer.CustomerEvent;
import dev.rapport.platform.error.Problem;
import dev.rapport.webhook.WebhookEvent;

/**
 * The REST application, where the domains come together: the parts of its OpenAPI document shared by every
 * operation, the problem+json error responses (which {@code platform/config/ProblemResponsesFilter} attaches to
 * each operation that can return them), and the domains' event payloads that are not views (each names its event
 * types, see {@code platform/config/EventPayloadsFilter}).
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Rapport API",
                        version = "1",
                        description = "Headless CRM and customer-experience API. Every operation needs a bearer token. "
                                + "Errors are RFC 9457 problem+json documents with a stable `code`."),
        components =
                @Components(
                        schemas = {
                            @Schema(name = "CustomerUpdatedData", implementation = CustomerEvent.Updated.class),
                            @Schema(name = "CustomerDeletedData", implementation = CustomerEvent.Deleted.class),
                            @Schema(
                                    name = "WebhookEndpointEventData",
                                    implementation = WebhookEvent.EndpointChanged.class)
                        },
                        responses = {
                            @APIResponse(
                                    name = "BadRequest",
                                    responseCode = "400",
                                    description =
                                            "The request is malformed or not valid; `errors` lists each invalid field",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "Unauthorized",
                                    responseCode = "401",
                                    description = "No valid bearer token",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "Forbidden",
                                    responseCode = "403",
                                    description = "The caller's roles or scopes do not allow this operation",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "NotFound",
                                    responseCode = "404",
                                    description = "No such resource",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "Conflict",
                                    responseCode = "409",
                                    description =
                                            "Conflicts with the current state, for example an email address already in use",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "PreconditionFailed",
                                    responseCode = "412",
                                    description = "If-Match does not match the current ETag",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "PayloadTooLarge",
                                    responseCode = "413",
                                    description = "The body exceeds the size limit",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "UnsupportedMediaType",
                                    responseCode = "415",
                                    description = "The body's content type is not accepted here",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "IdempotencyKeyReused",
                                    responseCode = "422",
                                    description = "The Idempotency-Key was already used with a different body",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "RateLimited",
                                    responseCode = "429",
                                    description =
                                            "The caller's rate limit is exhausted; Retry-After says when to retry. Every "
                                                    + "response carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "InternalError",
                                    responseCode = "500",
                                    description = "Unexpected error; the problem carries a request id to report",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class)))
                        }))
public class RapportApplication extends Application {}
