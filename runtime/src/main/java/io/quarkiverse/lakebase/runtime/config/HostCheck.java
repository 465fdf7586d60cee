package io.quarkiverse.lakebase.runtime.config;

/**
 * What start-up does when the configured host is not one of the Lakebase endpoint's hosts.
 */
public enum HostCheck {
    /** Start-up fails, naming both hosts and what to fix. */
    STRICT,
    /** A warning is logged, and start-up goes on. */
    LENIENT,
    /** The endpoint's hosts are not asked for. */
    DISABLED
}
