package io.quarkiverse.lakebase;

import java.util.function.Supplier;

/**
 * How to connect to the Lakebase endpoint, for libraries that build their own connections or pools. The password is a
 * supplier that answers the current token every time it is called (never a frozen copy), from the application's one
 * token cache.
 */
public record LakebaseConnectionConfig(String host, int port, String database, String username, String sslMode,
        String jdbcUrl, Supplier<String> password) {

    /** The same settings in the shape ORM and query-builder libraries expect (AppKit's {@code getOrmConfig()}). */
    public Orm orm() {
        return new Orm(host, port, database, username, !"disable".equals(sslMode), password);
    }

    @Override
    public String toString() {
        return "LakebaseConnectionConfig[" + username + "@" + host + ":" + port + "/" + database + ", sslMode=" + sslMode
                + ", password=***]";
    }

    /** Connection settings with {@code ssl} as a flag, as ORMs take them. */
    public record Orm(String host, int port, String database, String username, boolean ssl, Supplier<String> password) {

        @Override
        public String toString() {
            return "Orm[" + username + "@" + host + ":" + port + "/" + database + ", ssl=" + ssl + ", password=***]";
        }
    }
}
