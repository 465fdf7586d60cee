package io.quarkiverse.lakebase.runtime.config;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Whether the application offers {@code LakebaseSqlTool} to its LangChain4j agents.
 */
@ConfigGroup
public interface AgentToolBuildTimeConfig {

    /**
     * Whether the read-only SQL tool is a bean, {@code io.quarkiverse.lakebase.LakebaseSqlTool}, for LangChain4j AI
     * services ({@code @RegisterAiService(tools = LakebaseSqlTool.class)}). Needs {@code langchain4j-core} on the
     * class path, which {@code quarkus-langchain4j} brings.
     */
    @WithDefault("false")
    boolean enabled();
}
