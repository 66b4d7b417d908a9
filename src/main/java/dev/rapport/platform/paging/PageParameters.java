package dev.rapport.platform.paging;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of every paged list ({@code @BeanParam}): page size and the cursor to continue after. */
public class PageParameters {

    @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
    @QueryParam("limit")
    String limit;

    @Parameter(description = "The nextCursor of the previous page")
    @QueryParam("after")
    String after;

    /** The page asked for, in the given order (validated: limit range, a cursor of this list and order). */
    public PageRequest page(Sort sort) {
        return PageRequest.of(limit, after, sort);
    }
}
