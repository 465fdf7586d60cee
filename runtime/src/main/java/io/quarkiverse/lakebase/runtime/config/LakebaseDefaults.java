package io.quarkiverse.lakebase.runtime.config;

/**
 * Values that the configuration, the derived datasource settings and the local Lakebase share: each is written once,
 * here.
 */
public final class LakebaseDefaults {

    /** The extension's feature name, as Quarkus lists installed features and Dev Services. */
    public static final String FEATURE = "lakebase";
    /** The PostgreSQL port of a Lakebase endpoint. */
    public static final String PORT = "5432";
    /** Lakebase accepts TLS connections only; the platform's {@code PGSSLMODE} says the same. */
    public static final String SSL_MODE = "require";
    /** The database every Lakebase branch has. */
    public static final String DATABASE = "databricks_postgres";

    private LakebaseDefaults() {
    }

    /** {@code postgresql://host:port/database}: the URL of the JDBC ({@code jdbc:} before it) and reactive clients. */
    public static String postgresqlUrl(String host, String port, String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }
}
