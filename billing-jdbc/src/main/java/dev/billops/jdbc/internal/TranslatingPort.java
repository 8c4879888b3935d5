package dev.billops.jdbc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;

/**
 * A port as a session hands it out: every call goes to the JDBC implementation, and a database
 * error it throws leaves as the {@link dev.billops.core.error.BillingException} of
 * {@link SqlErrors}. Exceptions that are not database errors (the port's own
 * {@code BillingException}s, a host's sink failing) pass unchanged. One wrapper for every port,
 * so that no port method can forget the translation.
 */
final class TranslatingPort implements InvocationHandler {

    private final Object target;

    private TranslatingPort(Object target) {
        this.target = target;
    }

    /** {@code impl} behind a proxy of {@code port} that translates database errors. */
    static <S> S wrap(Class<S> port, S impl) {
        Objects.requireNonNull(impl, "impl");
        if (!port.isInterface()) {
            throw new IllegalArgumentException("port " + port.getName() + " is not an interface");
        }
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                new TranslatingPort(impl)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> target.toString();
            };
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            if (thrown instanceof RuntimeException r) {
                throw SqlErrors.translateIfDatabaseError(r);
            }
            throw thrown;
        }
    }
}
