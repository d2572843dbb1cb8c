package org.candor.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Two people at once, made repeatable: another connection changes a row in a transaction it keeps open, the action
 * under test starts and runs until it waits for that row, then the other transaction commits and the action goes on.
 */
public final class Contention {

    private Contention() {
    }

    /** Runs {@code action} behind an uncommitted {@code update} (with {@code params}) and returns what it returned. */
    public static <T> T behind(String update, Callable<T> action, Object... params) throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection other = DriverManager.getConnection(url)) {
            other.setAutoCommit(false);
            try (PreparedStatement st = other.prepareStatement(update)) {
                for (int i = 0; i < params.length; i++) {
                    st.setObject(i + 1, params[i]);
                }
                st.executeUpdate();
            }
            CompletableFuture<T> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return action.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> running.isDone()
                    || ((Number) TestData.sql("select count(*) from pg_locks where not granted")).longValue() > 0);
            other.commit();
            return running.get(20, TimeUnit.SECONDS);
        }
    }
}
