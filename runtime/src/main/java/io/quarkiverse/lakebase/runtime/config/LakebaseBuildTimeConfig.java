package io.quarkiverse.lakebase.runtime.config;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;

/**
 * Build-time settings of the Lakebase extension.
 */
@ConfigMapping(prefix = "quarkus.lakebase")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface LakebaseBuildTimeConfig {

    /**
     * The local Lakebase that Dev Services start in dev and test mode.
     */
    DevServicesConfig devservices();
}
