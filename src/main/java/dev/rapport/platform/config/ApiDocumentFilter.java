package dev.rapport.platform.config;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Completes the scanned OpenAPI document with what the annotations cannot say, in this order: the problem
 * responses, the HTTP conventions (headers and conditional and idempotent request headers), the merge-patch body
 * schemas and the security schemes. It runs at startup, so that the security schemes name the realm this instance
 * trusts. The event payloads are tied to their types at build time ({@link EventPayloadsFilter}).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ApiDocumentFilter implements OASFilter {

    private final List<OASFilter> steps = List.of(
            new ProblemResponsesFilter(),
            new HttpConventionsFilter(),
            new MergePatchSchemasFilter(),
            new SecuritySchemesFilter());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        steps.forEach(step -> step.filterOpenAPI(openAPI));
    }
}
