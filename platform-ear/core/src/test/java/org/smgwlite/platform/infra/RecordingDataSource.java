package org.smgwlite.platform.infra;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;

/** A data source that notes the SQL of every statement prepared on its connections: what a test says reached the database. */
public final class RecordingDataSource {

    private RecordingDataSource() {
    }

    /** {@code target}, adding each prepared statement's SQL (stripped) to {@code sql}. */
    public static DataSource of(DataSource target, List<String> sql) {
        return (DataSource) Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? recording(c, sql) : result;
                });
    }

    private static Connection recording(Connection target, List<String> sql) {
        return (Connection) Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String s) {
                        sql.add(s.strip());
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
