package io.quarkiverse.lakebase.runtime.graal;

import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.HeaderFactory;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

@TargetClass(className = "com.databricks.sdk.core.GoogleIdCredentialsProvider", onlyWith = GoogleAuthenticationLeftOut.class)
final class Target_GoogleIdCredentialsProvider {

    @Substitute
    public HeaderFactory configure(DatabricksConfig config) {
        return GoogleAuthenticationLeftOut.configureGoogleId(config);
    }
}
