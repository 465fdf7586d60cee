package io.quarkiverse.lakebase.deployment.devui;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/** An application that uses its datasource at start-up, as one with a schema migration does: the pool fills up. */
@Singleton
public class PoolInUse {

    void connect(@Observes StartupEvent event, AgroalDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        }
    }
}
