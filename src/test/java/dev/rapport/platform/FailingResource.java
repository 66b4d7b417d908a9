package dev.rapport.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only endpoint that fails the way a bug would, to see what a caller gets. Hidden from the API document. */
@Path("/test-only/failure")
public class FailingResource {

    @GET
    @PermitAll
    @Operation(hidden = true)
    public String fail() {
        throw new IllegalStateException("secret internal detail from dev.rapport.Internals");
    }
}
