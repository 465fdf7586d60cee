package io.quarkiverse.lakebase.deployment.devservices;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.lakebase.runtime.jdbc.ConnectionEvents;
import io.quarkiverse.lakebase.runtime.token.ExecutorRefreshScheduler;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;

/**
 * Part of the dev-mode application under test: {@code GET /leaks} tells what lives on in the JVM, and the application
 * fails to start, after the extension started, when {@code leak-probe.fail-start} is true.
 */
@ApplicationScoped
public class LeakProbe {

    void routes(@Observes Router router) {
        router.get("/leaks").handler(request -> request.response().end("refresh-threads="
                + Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> thread.getName().equals(ExecutorRefreshScheduler.THREAD_NAME)).count()
                + " listeners=" + ConnectionEvents.listenerCount() + " logins=" + ConnectionEvents.recoveryCount()));
    }

    /** After the extension's own start-up observer, which has the default priority. */
    void failIfAsked(@Observes @Priority(5000) StartupEvent event) {
        if (ConfigProvider.getConfig().getOptionalValue("leak-probe.fail-start", Boolean.class).orElse(false)) {
            throw new IllegalStateException("start-up failed on purpose, after the Lakebase extension started");
        }
    }
}
