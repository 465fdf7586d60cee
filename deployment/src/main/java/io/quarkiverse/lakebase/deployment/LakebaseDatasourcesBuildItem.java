package io.quarkiverse.lakebase.deployment;

import java.util.List;

import io.quarkus.builder.item.SimpleBuildItem;

/** The datasources the extension serves: the default one, then those configured with {@code quarkus.lakebase."name".*}. */
public final class LakebaseDatasourcesBuildItem extends SimpleBuildItem {

    private final List<String> names;

    public LakebaseDatasourcesBuildItem(List<String> names) {
        this.names = List.copyOf(names);
    }

    public List<String> names() {
        return names;
    }
}
