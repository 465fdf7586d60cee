package io.quarkiverse.lakebase.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * TLS on the local PostgreSQL, as Lakebase requires it ({@code PGSSLMODE=require} on Databricks Apps): switched on in
 * the running server, which keeps accepting connections without TLS for the other scenarios.
 */
final class PostgresTls {

    private PostgresTls() {
    }

    /** Switches TLS on with a certificate for 127.0.0.1, and checks that a connection asking for it gets it. */
    static void switchOn(int port) throws Exception {
        LoopbackCertificate certificate = LoopbackCertificate.create("postgres");
        Path key = certificate.privateKeyPem();
        try (Connection admin = DriverManager.getConnection(url(port), "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("ALTER SYSTEM SET ssl_cert_file = '" + certificate.certificatePem() + "'");
            statement.execute("ALTER SYSTEM SET ssl_key_file = '" + key + "'");
            statement.execute("ALTER SYSTEM SET ssl = on");
            statement.execute("SELECT pg_reload_conf()");
        }
        awaitEncryptedConnection(port);
    }

    /** The reload is asynchronous: new connections get TLS once the server has read its settings again. */
    private static void awaitEncryptedConnection(int port) throws Exception {
        Properties encrypted = new Properties();
        encrypted.setProperty("user", "postgres");
        encrypted.setProperty("sslmode", "require");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            SQLException lastFailure = null;
            try (Connection connection = DriverManager.getConnection(url(port), encrypted);
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                if (row.next() && row.getBoolean(1)) {
                    return;
                }
            } catch (SQLException notYet) {
                lastFailure = notYet;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL did not switch TLS on", lastFailure);
            }
        }
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }
}
