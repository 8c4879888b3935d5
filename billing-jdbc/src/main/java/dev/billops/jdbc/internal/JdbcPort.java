package dev.billops.jdbc.internal;

import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/** What each port implementation shares: its session, and error translation around writes. */
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

    /** Runs a write, translating driver errors into the exceptions the ports promise. */
    static <T> T write(Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw SqlErrors.translate(e);
        }
    }

    static void write(Runnable work) {
        try {
            work.run();
        } catch (JdbiException e) {
            throw SqlErrors.translate(e);
        }
    }
}
