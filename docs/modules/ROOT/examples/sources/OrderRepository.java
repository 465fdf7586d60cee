package io.quarkiverse.lakebase.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Orders in {@code app.orders} (created by the Flyway migration), with plain JDBC on the Lakebase datasource. */
// tag::inject[]
@ApplicationScoped
public class OrderRepository {

    private final DataSource dataSource;

    public OrderRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }
    // end::inject[]

    public Order insert(NewOrder order) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO app.orders (user_id, product,"
                        + " quantity) VALUES (?, ?, ?) RETURNING id, created_at")) {
            insert.setString(1, order.userId());
            insert.setString(2, order.product());
            insert.setInt(3, order.quantity());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new Order(row.getLong(1), order.userId(), order.product(), order.quantity(),
                        row.getObject(2, OffsetDateTime.class));
            }
        }
    }

    // tag::query[]
    public List<Order> findByUser(String userId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT id, user_id, product, quantity,"
                        + " created_at FROM app.orders WHERE user_id = ? ORDER BY id")) {
            select.setString(1, userId);
            List<Order> orders = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    orders.add(new Order(row.getLong(1), row.getString(2), row.getString(3), row.getInt(4),
                            row.getObject(5, OffsetDateTime.class)));
                }
            }
            return orders;
        }
    }
    // end::query[]

    /** The PostgreSQL backend serving this request: a new one means a new physical connection and login. */
    public int backendPid() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }
}
