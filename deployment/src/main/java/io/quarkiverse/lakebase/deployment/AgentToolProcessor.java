package io.quarkiverse.lakebase.deployment;

import io.quarkiverse.lakebase.LakebaseSqlTool;
import io.quarkiverse.lakebase.runtime.config.LakebaseBuildTimeConfig;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The read-only SQL tool for AI agents: a bean only when enabled, and only with LangChain4j on the class path, so that
 * an application without LangChain4j never loads it.
 */
class AgentToolProcessor {

    static final String LANGCHAIN4J_TOOL = "dev.langchain4j.agent.tool.Tool";

    @BuildStep
    AdditionalBeanBuildItem registerAgentTool(LakebaseBuildTimeConfig config) {
        if (!config.agentTool().enabled()) {
            return null;
        }
        if (!QuarkusClassLoader.isClassPresentAtRuntime(LANGCHAIN4J_TOOL)) {
            throw new ConfigurationException("quarkus.lakebase.agent-tool.enabled=true needs LangChain4j: add"
                    + " quarkus-langchain4j (or dev.langchain4j:langchain4j-core) to the application, or set"
                    + " quarkus.lakebase.agent-tool.enabled=false");
        }
        return AdditionalBeanBuildItem.builder().addBeanClass(LakebaseSqlTool.class)
                .setDefaultScope(BuiltinScope.SINGLETON.getName()).setUnremovable().build();
    }

    /**
     * quarkus-langchain4j finds {@code @Tool} methods in the application's index, which the extension's runtime jar is
     * not part of.
     */
    @BuildStep
    AdditionalIndexedClassesBuildItem indexAgentToolForLangChain4j(LakebaseBuildTimeConfig config) {
        return config.agentTool().enabled() ? new AdditionalIndexedClassesBuildItem(LakebaseSqlTool.class.getName())
                : null;
    }
}
