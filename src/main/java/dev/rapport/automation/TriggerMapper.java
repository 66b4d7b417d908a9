package dev.rapport.automation;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import dev.rapport.automation.api.CreateTriggerRequest;
import dev.rapport.automation.api.FrequencyCap;
import dev.rapport.automation.api.TriggerAction;
import dev.rapport.automation.api.TriggerDate;
import dev.rapport.automation.api.TriggerSchedule;
import dev.rapport.automation.api.TriggerView;

/** Maps triggers to their API shapes. */
@Mapper(componentModel = "cdi")
public interface TriggerMapper {

    DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Mapping(target = "date", source = ".")
    @Mapping(target = "schedule", source = ".")
    @Mapping(target = "frequencyCap", source = ".")
    TriggerView toView(Trigger trigger);

    /** The trigger's writable fields, the document a merge patch applies to. */
    @Mapping(target = "date", source = ".")
    @Mapping(target = "schedule", source = ".")
    @Mapping(target = "frequencyCap", source = ".")
    CreateTriggerRequest toRequest(Trigger trigger);

    default TriggerDate date(Trigger trigger) {
        return trigger.dateField == null
                ? null
                : new TriggerDate(
                        trigger.dateField,
                        trigger.offsetDays,
                        trigger.localTime == null ? null : LOCAL_TIME.format(trigger.localTime));
    }

    default TriggerSchedule schedule(Trigger trigger) {
        return trigger.cron == null ? null : new TriggerSchedule(trigger.cron, trigger.timeZone, trigger.segmentId);
    }

    default FrequencyCap frequencyCap(Trigger trigger) {
        return trigger.capCount == null ? null : new FrequencyCap(trigger.capCount, trigger.capPeriod);
    }

    default List<TriggerAction> actions(TriggerRecords.Actions actions) {
        return actions == null
                ? List.of()
                : actions.items().stream()
                        .map(action -> new TriggerAction(action.type(), action.settings()))
                        .toList();
    }
}
