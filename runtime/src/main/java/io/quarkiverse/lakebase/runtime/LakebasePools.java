package io.quarkiverse.lakebase.runtime;

import java.util.Optional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InjectableInstance;

/**
 * Finds the Agroal pool of a Lakebase datasource by its Quarkus name, for the readers that show every datasource's
 * pool (the gauges, the Dev UI). They may run on their own threads while the application stops, and a datasource may
 * be inactive or have no JDBC pool at all (a reactive-only one): then there is no pool to read, and no failure.
 */
public final class LakebasePools {

    private LakebasePools() {
    }

    /** The datasource's pool, when it has one and is active. */
    public static Optional<AgroalDataSource> active(String datasource) {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            return Optional.empty();
        }
        InjectableInstance<AgroalDataSource> pool = AgroalDataSourceUtil.dataSourceInstance(datasource);
        if (!pool.isResolvable() || !pool.getHandle().getBean().isActive()) {
            return Optional.empty();
        }
        return Optional.of(pool.get());
    }
}
