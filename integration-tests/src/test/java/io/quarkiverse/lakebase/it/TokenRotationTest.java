package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.Lakebase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Tokens of three seconds, connections recycled every second: requests keep succeeding across several rotations, the
 * workspace sees one mint per rotation rather than one per connection, and a token that has been replaced and has
 * expired is refused by PostgreSQL.
 */
@QuarkusTest
@TestProfile(ShortLivedTokens.class)
class TokenRotationTest {

    @Inject
    Lakebase lakebase;

    @Test
    void requestsSucceedAcrossRotationsWithOneMintPerRotation() throws Exception {
        String first = lakebase.connectionConfig().password().get();
        RotatingOrders.placeAcrossRotations("rotation", 3);

        assertThatThrownBy(() -> login(first)).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    private void login(String token) throws SQLException {
        var config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        properties.setProperty("user", config.getValue("quarkus.lakebase.databricks.client-id", String.class));
        properties.setProperty("password", token);
        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                + config.getValue("quarkus.lakebase.port", String.class) + "/"
                + config.getValue("quarkus.lakebase.database", String.class), properties).close();
    }
}
