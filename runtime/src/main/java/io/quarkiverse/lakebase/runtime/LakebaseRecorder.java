package io.quarkiverse.lakebase.runtime;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.ConfigProvider;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkiverse.lakebase.Lakebase;
import io.quarkiverse.lakebase.runtime.config.LakebaseRuntimeConfig;
import io.quarkiverse.lakebase.runtime.databricks.TlsWarmUp;
import io.quarkiverse.lakebase.runtime.pool.StaggeredRetirement;
import io.quarkiverse.lakebase.runtime.user.UserPools;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.Arc;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.annotations.Recorder;
import io.smallrye.config.SmallRyeConfig;

/**
 * The runtime values of the extension's build steps: the datasource names found at build time, each datasource's
 * {@link Lakebase} bean and pool interceptor, and the first mint begun early.
 */
@Recorder
public class LakebaseRecorder {

    /** The Lakebase datasources found at build time, as a bean. */
    public Supplier<LakebaseDatasourceNames> datasourceNames(List<String> names) {
        return () -> new LakebaseDatasourceNames(names);
    }

    /**
     * The {@link Lakebase} bean of one datasource. Its pool and the users' pools are looked up when first used, not
     * now: injecting the bean of an inactive datasource must not fail.
     */
    public Function<SyntheticCreationalContext<Lakebase>, Lakebase> lakebase(String datasource) {
        return context -> new Lakebase(datasource,
                () -> AgroalDataSourceUtil.dataSourceInstance(datasource).get(),
                context.getInjectedReference(LakebaseLogins.class),
                context.getInjectedReference(LakebaseRuntimeConfig.class),
                () -> Arc.container().instance(UserPools.class).get());
    }

    /**
     * Sets TLS up for an HTTPS workspace on a thread of its own, as runtime initialisation begins, before the pools
     * open their first connection: for the active datasources that mint tokens, the only ones that call the workspace.
     */
    public void warmUpTls(List<String> datasources) {
        LakebaseRuntimeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(LakebaseRuntimeConfig.class);
        TlsWarmUp.beginFor(datasources.stream().filter(LakebaseDatasourceNames::isActive).map(config::datasource)
                .filter(datasource -> datasource.nativePassword().isEmpty())
                .map(datasource -> datasource.databricks().host()).toList(), System::getenv);
    }

    /** The pool interceptor that staggers the connection lifetimes of one datasource. */
    public Supplier<AgroalPoolInterceptor> staggeredRetirement(String datasource) {
        return () -> StaggeredRetirement.forDatasource(datasource);
    }

    /**
     * Starts minting the first token, and checking the endpoint's host, on the refresh threads once the other
     * extensions' runtime initialisation is done, before the start-up observers and the HTTP server: {@code start} then
     * waits for it. When start-up opened a connection before (a schema migration at start), that connection minted
     * the token on its own path and nothing more is minted here.
     */
    public void mintFirstTokenEarly() {
        try {
            Arc.container().instance(LakebaseLogins.class).get().mintEarly();
        } catch (RuntimeException e) {
            // configuration errors are reported, with their message, by the start-up check
        }
    }
}
