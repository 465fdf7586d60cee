package io.quarkiverse.lakebase.deployment.devservices;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL 17 on 127.0.0.1 where the application's role can only log in with a password
 * ({@code scram-sha-256}); the workspace emulator sets that password to each token it mints.
 */
final class LocalPostgres implements AutoCloseable {

    /** The only address PostgreSQL listens on. */
    static final String HOST = "127.0.0.1";

    private static final String HBA = String.join("\n",
            "local all all trust",
            // the emulator's own superuser connection
            "host all postgres 127.0.0.1/32 trust",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256",
            "");

    /** SQLState of a role that does not exist. */
    private static final String UNDEFINED_OBJECT = "42704";

    private final EmbeddedPostgres postgres;
    private final String role;

    private LocalPostgres(EmbeddedPostgres postgres, String role) {
        this.postgres = postgres;
        this.role = role;
    }

    /**
     * Starts PostgreSQL, creates the role (no password yet: nobody can log in as it) and the database, where the role may
     * connect and create schemas.
     */
    static LocalPostgres start(Integer fixedPort, String role, String database) {
        File serverLog = serverLog();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // the server's own log goes to a file: its start-up chatter would drown the application's log
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog))
                .setServerConfig("listen_addresses", HOST)
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("fsync", "off")
                .setDataDirectoryCustomizer(LocalPostgres::requirePasswords);
        if (fixedPort != null) {
            builder.setPort(fixedPort);
        }
        try {
            LocalPostgres local = new LocalPostgres(builder.start(), role);
            local.execute("CREATE ROLE " + identifier(role) + " LOGIN");
            // what a Databricks app's service principal gets from its database resource ("Can connect and create"):
            // not the database, so, as on PostgreSQL 15 and later, nothing in its schema public
            local.execute("CREATE DATABASE " + identifier(database));
            local.execute("GRANT CONNECT, CREATE ON DATABASE " + identifier(database) + " TO " + identifier(role));
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local Lakebase PostgreSQL", e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String role() {
        return role;
    }

    /** Makes the token the role's only valid password until it expires. */
    void setPassword(String token, Instant expiresAt) {
        setPassword(role, token, expiresAt);
    }

    /**
     * Makes the token the only valid password of the named role until it expires. A role that does not exist is left
     * so: Lakebase mints a token for a user without a role too, and PostgreSQL then refuses the login.
     */
    void setPassword(String name, String token, Instant expiresAt) {
        try {
            execute("ALTER ROLE " + identifier(name) + " PASSWORD " + literal(token) + " VALID UNTIL "
                    + literal(expiresAt.toString()));
        } catch (IllegalStateException e) {
            if (!e.getMessage().endsWith(UNDEFINED_OBJECT)) {
                throw e;
            }
        }
    }

    /** A role that logs in only with a password the workspace sets: a user's, as Lakebase names it after the user. */
    void createUserRole(String name) {
        execute("CREATE ROLE " + identifier(name) + " LOGIN");
    }

    private synchronized void execute(String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            // the statement may hold a token: report only the failure itself
            throw new IllegalStateException("Local Lakebase PostgreSQL statement failed: SQLState " + e.getSQLState());
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File serverLog() {
        try {
            return Files.createTempFile("lakebase-postgres-", ".log").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requirePasswords(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
