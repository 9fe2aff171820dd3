package ru.smetabot.views;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** A DataSource that records the SQL of every statement prepared through it, to count writes. */
final class RecordingDataSource {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final DataSource dataSource;

    RecordingDataSource(DataSource target) {
        this.dataSource = proxy(DataSource.class, target);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Statements whose SQL contains {@code fragment}, e.g. "UPDATE core.publications". */
    List<String> statementsContaining(String fragment) {
        return statements.stream().filter(sql -> sql.replaceAll("\\s+", " ").contains(fragment)).toList();
    }

    List<String> statements() {
        return List.copyOf(statements);
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                statements.add(sql);
            }
            try {
                Object result = method.invoke(target, args);
                return result instanceof Connection c && type == DataSource.class ? proxy(Connection.class, c) : result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
