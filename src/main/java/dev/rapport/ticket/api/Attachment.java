package dev.rapport.ticket.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("Attachment")
@Input("AttachmentInput")
@Description("A file attached to a message: metadata only; the file itself lives at its URL")
@Schema(description = "A file attached to a message: metadata only; the file itself lives at its URL")
public record Attachment(
        @Schema(description = "File name", examples = "screenshot.png", required = true)
        @Description("File name")
        @NotBlank
        @Size(max = 255)
        String name,

        @Schema(description = "Media type", examples = "image/png", required = true)
        @Description("Media type")
        @NotBlank
        @Size(max = 127)
        @Pattern(regexp = "[\\w.+-]+/[\\w.+-]+", message = "must be a media type such as image/png")
        String contentType,

        @Schema(description = "Size in bytes", examples = "48213", required = true)
        @Description("Size in bytes")
        @NotNull
        @PositiveOrZero
        @Max(10_000_000_000L)
        Long size,

        @Schema(
                description = "Where the file is, https",
                examples = "https://files.example.com/a/screenshot.png",
                required = true)
        @Description("Where the file is, https")
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = "https://\\S+", message = "must be an https URL")
        String url) {}
