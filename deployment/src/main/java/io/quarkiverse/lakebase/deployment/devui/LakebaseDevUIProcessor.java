package io.quarkiverse.lakebase.deployment.devui;

import io.quarkiverse.lakebase.runtime.devui.LakebaseJsonRpcService;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Lakebase card of the Dev UI: for each Lakebase datasource, the token's life and the pool, with "refresh token now"
 * and "flush pool".
 */
class LakebaseDevUIProcessor {

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    CardPageBuildItem card() {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title("Tokens and pools")
                .icon("font-awesome-solid:key")
                .componentLink("qwc-lakebase-token.js"));
        return card;
    }

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    JsonRPCProvidersBuildItem jsonRpcService() {
        return new JsonRPCProvidersBuildItem(LakebaseJsonRpcService.class);
    }
}
