package io.quarkiverse.lakebase.runtime.config;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigGroup;

/**
 * The claims requested with each database token ({@code claims} of {@code POST /api/2.0/postgres/credentials}).
 */
@ConfigGroup
public interface TokenClaimsConfig {

    /**
     * The permission set requested on the tables; {@code read-only} is the one Lakebase offers. Not set: no claims are
     * requested, and the token logs in with the role's own grants only.
     */
    Optional<PermissionSet> permissionSet();

    /**
     * The Unity Catalog tables the permission set is requested on, as {@code catalog.schema.table}. Required with
     * {@code permission-set}.
     */
    Optional<List<String>> tables();

    /** The permission sets a token can be limited to. */
    enum PermissionSet {
        /** Reads only. */
        READ_ONLY
    }
}
