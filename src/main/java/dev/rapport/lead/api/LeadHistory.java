package dev.rapport.lead.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LeadHistory", description = "Every stay of a lead in a stage, oldest first")
public record LeadHistory(
        @Schema(description = "The stays, oldest first") List<LeadStageStayView> data) {}
