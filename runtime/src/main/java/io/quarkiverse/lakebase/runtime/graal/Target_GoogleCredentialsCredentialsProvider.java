package io.quarkiverse.lakebase.runtime.graal;

import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.HeaderFactory;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

@TargetClass(className = "com.databricks.sdk.core.GoogleCredentialsCredentialsProvider", onlyWith = GoogleAuthenticationLeftOut.class)
final class Target_GoogleCredentialsCredentialsProvider {

    @Substitute
    public HeaderFactory configure(DatabricksConfig config) {
        return GoogleAuthenticationLeftOut.configureGoogleCredentials(config);
    }
}
