package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.OffsetDateTime;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.Lakebase;
import io.quarkiverse.lakebase.LakebaseConnectionConfig;
import io.quarkiverse.lakebase.QueryResult;
import io.quarkus.test.junit.QuarkusTest;

/** Databricks AppKit's Lakebase plugin API in Java: query with bind parameters, the pool, and connection settings. */
@QuarkusTest
class LakebaseBeanTest {

    // tag::inject[]
    @Inject
    Lakebase lakebase;
    // end::inject[]

    @Test
    void queriesWithBindParametersReturnTypedImmutableRows() throws Exception {
        // tag::query[]
        QueryResult inserted = lakebase.query("INSERT INTO app.orders (user_id, product, quantity) VALUES (?, ?, ?)",
                "bean", "widget", 3);
        assertThat(inserted.updateCount()).isEqualTo(1);
        assertThat(inserted.rows()).isEmpty();

        QueryResult rows = lakebase.query("SELECT id, product, quantity, created_at FROM app.orders WHERE user_id = ?",
                "bean");
        assertThat(rows.columns()).containsExactly("id", "product", "quantity", "created_at");
        assertThat(rows.updateCount()).isEqualTo(-1);
        QueryResult.Row row = rows.rows().get(0);
        assertThat(row.get("product", String.class)).isEqualTo("widget");
        // end::query[]
        assertThat(row.get("quantity", Long.class)).isEqualTo(3L);
        assertThat(row.get("created_at", OffsetDateTime.class)).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.rows().add(row))
                .isInstanceOf(UnsupportedOperationException.class);

        assertThat(lakebase.query("SELECT count(*) AS n FROM app.orders WHERE user_id = ?", "nobody' OR '1'='1")
                .rows().get(0).get("n", Long.class)).isZero();
    }

    @Test
    void connectionSettingsGiveTheCurrentTokenFromTheSharedCache() throws Exception {
        int mintsBefore = WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS);
        // tag::connection-config[]
        LakebaseConnectionConfig config = lakebase.connectionConfig();
        String password = config.password().get();
        // end::connection-config[]

        assertThat(password).isEqualTo(lakebase.connectionConfig().password().get());
        assertThat(config.toString()).doesNotContain(password);
        assertThat(config.orm().toString()).doesNotContain(password);
        assertThat(config.orm().ssl()).isFalse();
        // tag::own-connection[]
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.username(), password);
                ResultSet row = connection.createStatement().executeQuery("SELECT current_user")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(config.username());
        }
        // end::own-connection[]
        assertThat(lakebase.connectionConfig().password().get()).isEqualTo(password);
        assertThat(WorkspaceEmulatorClient.requests(WorkspaceEmulatorClient.CREDENTIALS))
                .as("settings share the application's token: no new mint").isEqualTo(mintsBefore);

        lakebase.refreshToken().toCompletableFuture().join();
        assertThat(config.password().get()).as("the supplier follows rotations").isNotEqualTo(password);
        assertThat(lakebase.dataSource().getConnection().isValid(1)).isTrue();
    }
}
