package io.quarkiverse.lakebase;

/**
 * A configuration the user must fix; the message names the property and the environment variable to set.
 */
public class LakebaseConfigurationException extends RuntimeException {

    public LakebaseConfigurationException(String message) {
        super(message);
    }
}
