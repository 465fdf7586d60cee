package io.quarkiverse.lakebase.runtime.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the read-only SQL tool for AI agents may read, and how much.
 */
@ConfigMapping(prefix = "quarkus.lakebase.agent-tool")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface AgentToolConfig {

    /**
     * The Lakebase datasource the tool queries, by its Quarkus name. Not set: the default datasource. Its role's grants
     * still apply: give the tool a datasource whose role can read only what an agent may see.
     */
    Optional<String> datasource();

    /**
     * The most rows one query returns to the agent; the answer says when there were more.
     */
    @WithDefault("100")
    int maxRows();

    /**
     * The longest time one query may run before PostgreSQL cancels it.
     */
    @WithDefault("10S")
    Duration timeout();
}
