package io.quarkiverse.lakebase.deployment.devservices;

/** Another local Lakebase, a second endpoint with its own workspace; its coordinates are {@code lakebase.second.*}. */
public class SecondLocalLakebase extends LocalLakebaseExtension {

    public SecondLocalLakebase() {
        super("lakebase.second");
    }
}
