package io.quarkiverse.lakebase.runtime.config;

import java.util.OptionalInt;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigSourceInterceptorFactory;

/**
 * An interceptor registered with its priority stated. Registered as an instance, an interceptor's priority is read
 * from its {@code @Priority} annotation, and that first annotation read while the configuration is built loads the
 * JDK's annotation parser and generates proxies at start-up.
 */
public final class PrioritizedInterceptor implements ConfigSourceInterceptorFactory {

    private final ConfigSourceInterceptor interceptor;
    private final int priority;

    private PrioritizedInterceptor(ConfigSourceInterceptor interceptor, int priority) {
        this.interceptor = interceptor;
        this.priority = priority;
    }

    /**
     * The extension's interceptors: the Databricks Apps environment fallbacks and both spellings of named datasources'
     * keys, and the session limits when asked for (at run time; the build has no connections to limit).
     */
    public static ConfigSourceInterceptorFactory[] lakebaseInterceptors(boolean withSessionLimits) {
        ConfigSourceInterceptorFactory environment = new PrioritizedInterceptor(new DatabricksAppsEnvironmentInterceptor(),
                DatabricksAppsEnvironmentInterceptor.PRIORITY);
        ConfigSourceInterceptorFactory spelling = new PrioritizedInterceptor(new NamedDatasourceSpellingInterceptor(),
                NamedDatasourceSpellingInterceptor.PRIORITY);
        if (!withSessionLimits) {
            return new ConfigSourceInterceptorFactory[] { environment, spelling };
        }
        return new ConfigSourceInterceptorFactory[] { environment, spelling,
                new PrioritizedInterceptor(new SessionLimitsInterceptor(), SessionLimitsInterceptor.PRIORITY) };
    }

    @Override
    public ConfigSourceInterceptor getInterceptor(ConfigSourceInterceptorContext context) {
        return interceptor;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(priority);
    }
}
