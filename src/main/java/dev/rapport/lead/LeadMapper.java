package dev.rapport.lead;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import dev.rapport.lead.api.CreateLeadAssignmentRuleRequest;
import dev.rapport.lead.api.CreateLeadRequest;
import dev.rapport.lead.api.CreateLeadScoringRuleRequest;
import dev.rapport.lead.api.CreatePipelineRequest;
import dev.rapport.lead.api.LeadAssignmentRuleView;
import dev.rapport.lead.api.LeadCompany;
import dev.rapport.lead.api.LeadNoteView;
import dev.rapport.lead.api.LeadScoringRuleView;
import dev.rapport.lead.api.LeadUtm;
import dev.rapport.lead.api.LeadView;
import dev.rapport.lead.api.PipelineStage;
import dev.rapport.lead.api.PipelineView;
import dev.rapport.platform.money.Amounts;

/** Maps leads, notes, pipelines and rules to their API shapes, and the lead to the document a patch applies to. */
@Mapper(componentModel = "cdi", imports = Amounts.class)
public interface LeadMapper {

    @Mapping(target = "company", expression = "java(company(lead))")
    @Mapping(target = "estimatedValue", expression = "java(Amounts.scaled(lead.valueAmount, lead.valueCurrency))")
    @Mapping(target = "currency", source = "valueCurrency")
    LeadView toView(Lead lead);

    /** The lead's writable fields, the document a merge patch applies to. */
    @Mapping(target = "company", expression = "java(company(lead))")
    @Mapping(target = "estimatedValue", expression = "java(Amounts.scaled(lead.valueAmount, lead.valueCurrency))")
    @Mapping(target = "currency", source = "valueCurrency")
    CreateLeadRequest toRequest(Lead lead);

    LeadNoteView toView(LeadNote note);

    @Mapping(target = "isDefault", source = "isDefault")
    PipelineView toView(Pipeline pipeline);

    CreatePipelineRequest toRequest(Pipeline pipeline);

    LeadScoringRuleView toScoringView(LeadRule rule);

    CreateLeadScoringRuleRequest toScoringRequest(LeadRule rule);

    LeadAssignmentRuleView toAssignmentView(LeadRule rule);

    CreateLeadAssignmentRuleRequest toAssignmentRequest(LeadRule rule);

    default LeadCompany company(Lead lead) {
        return LeadCompany.of(lead.companyName, lead.companySize, lead.industry, lead.website);
    }

    default LeadUtm utm(LeadRecords.Utm utm) {
        return utm == null ? null : new LeadUtm(utm.source(), utm.medium(), utm.campaign(), utm.term(), utm.content());
    }

    default LeadRecords.Utm utm(LeadUtm utm) {
        return utm == null
                ? null
                : new LeadRecords.Utm(utm.source(), utm.medium(), utm.campaign(), utm.term(), utm.content());
    }

    default List<PipelineStage> stages(LeadRecords.Stages stages) {
        return stages.items().stream()
                .map(s -> new PipelineStage(s.key(), s.name(), s.probability(), s.category()))
                .toList();
    }

    default LeadRecords.Stages stages(List<PipelineStage> stages) {
        return new LeadRecords.Stages(stages.stream()
                .map(s -> new LeadRecords.Stage(s.key(), s.name().trim(), s.probability(), s.category()))
                .toList());
    }

    default List<String> strings(String[] values) {
        return values == null ? null : List.of(values);
    }

    default String[] strings(List<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }
}
