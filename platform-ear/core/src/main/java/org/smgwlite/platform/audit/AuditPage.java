package org.smgwlite.platform.audit;

import java.util.List;
import java.util.Optional;

/**
 * One page of audit events, newest first.
 *
 * @param next where the following page starts; empty on the last page
 */
public record AuditPage(List<AuditEvent> events, Optional<AuditCursor> next) {
}
