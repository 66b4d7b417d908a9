package dev.rapport.event;

import java.util.List;

/** An event payload that names the fields a write changed; the audit log records them. */
public interface ChangeSummary {

    List<String> changedFields();
}
