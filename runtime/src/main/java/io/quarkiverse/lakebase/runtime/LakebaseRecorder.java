package io.quarkiverse.lakebase.runtime;

import java.util.List;
import java.util.function.Supplier;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkiverse.lakebase.runtime.pool.StaggeredRetirement;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.annotations.Recorder;

/**
 * The runtime values of the extension's build steps: the datasource names found at build time, each datasource's pool
 * interceptor, and the first mint begun early.
 */
@Recorder
public class LakebaseRecorder {

    /** The Lakebase datasources found at build time, as a bean. */
    public Supplier<LakebaseDatasourceNames> datasourceNames(List<String> names) {
        return () -> new LakebaseDatasourceNames(names);
    }

    /** The pool interceptor that staggers the connection lifetimes of one datasource. */
    public Supplier<AgroalPoolInterceptor> staggeredRetirement(String datasource) {
        return () -> StaggeredRetirement.forDatasource(datasource);
    }

    /**
     * Starts minting the first token as soon as the application's runtime initialisation begins, on the refresh
     * threads, so that the Databricks SDK's start-up (class loading, configuration and OIDC discovery) overlaps with
     * the rest of start-up instead of adding to it. Start-up still waits for the token when it must fail fast.
     */
    public void mintFirstTokenEarly() {
        try {
            Arc.container().instance(LakebaseLogins.class).get().mintEarly();
        } catch (RuntimeException e) {
            // configuration errors are reported, with their message, by the start-up check
        }
    }
}
