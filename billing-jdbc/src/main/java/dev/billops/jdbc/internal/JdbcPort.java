package dev.billops.jdbc.internal;

import org.jdbi.v3.core.Handle;

/**
 * What each port implementation shares: its session. Driver errors are not caught here; the
 * session hands every port out behind {@code TranslatingPort}, which translates them.
 */
abstract class JdbcPort {

    final JdbcSession session;

    JdbcPort(JdbcSession session) {
        this.session = session;
    }

    final Handle h() {
        return session.handle();
    }

    final String t() {
        return session.tenantId();
    }

    final StoreContext ctx() {
        return session.context();
    }
}
