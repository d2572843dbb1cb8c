package org.candor.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/** Records the SQL the application sends while a test asks it to, so the test can look at the plans. */
@PersistenceUnitExtension
@ApplicationScoped
public class SqlRecorder implements StatementInspector {

    private static volatile boolean recording;
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    public static void start() {
        SEEN.clear();
        recording = true;
    }

    /** Stops recording and returns every distinct statement seen. */
    public static Set<String> stop() {
        recording = false;
        return Set.copyOf(SEEN);
    }

    @Override
    public String inspect(String sql) {
        if (recording && SEEN.size() < 10_000) {
            SEEN.add(sql);
        }
        return sql;
    }
}
