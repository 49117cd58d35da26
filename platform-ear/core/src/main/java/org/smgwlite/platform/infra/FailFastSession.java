package org.smgwlite.platform.infra;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink would retry a read that failed on a broken connection three times, five seconds apart, holding the
 * request for fifteen seconds while the database is down. The pool already validates connections
 * ({@link PlatformDataSource}), so a broken one is never handed out twice; a failure goes to the caller at once,
 * and the caller is told when to come back ({@link DatabaseUnavailable}, 503 with {@code Retry-After}).
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
