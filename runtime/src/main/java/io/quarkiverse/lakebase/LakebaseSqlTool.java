package io.quarkiverse.lakebase;

import jakarta.enterprise.event.Observes;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.agent.ReadOnlyQuery;
import io.quarkiverse.lakebase.runtime.config.AgentToolConfig;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * A LangChain4j tool that lets an AI agent read the application's Lakebase database, as Databricks AppKit's
 * {@code exposeAsAgentTool}: one reading statement at a time, in a read-only transaction that is rolled back, with a row
 * cap and a time-out ({@code quarkus.lakebase.agent-tool.*}). It is a bean only with
 * {@code quarkus.lakebase.agent-tool.enabled=true}:
 *
 * <pre>
 * &#64;RegisterAiService(tools = LakebaseSqlTool.class)
 * public interface SalesAnalyst {
 *     String answer(&#64;UserMessage String question);
 * }
 * </pre>
 *
 * The datasource's role still decides what can be read: give the tool a datasource whose role sees only what an agent
 * may see. Answers are text, failures included, so the model can correct its query.
 */
public class LakebaseSqlTool {

    private final ReadOnlyQuery query;

    public LakebaseSqlTool(AgentToolConfig config, LakebaseLogins logins) {
        String name = config.datasource().orElse(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        if (!logins.datasources().contains(name)) {
            throw new LakebaseConfigurationException("quarkus.lakebase.agent-tool.datasource names '" + name
                    + "', which is not a Lakebase datasource; Lakebase datasources: " + logins.datasources());
        }
        AgroalDataSource dataSource = AgroalDataSourceUtil.dataSourceInstance(name).get();
        this.query = new ReadOnlyQuery(dataSource, config.maxRows(), config.timeout());
    }

    /** Created at start-up, so that a wrong {@code agent-tool.datasource} stops the application rather than a query. */
    void checkedAtStartup(@Observes StartupEvent event) {
        // the constructor checked the settings
    }

    /**
     * Runs one reading statement and answers with its rows as text, or with why it did not run. Outside the caller's
     * transaction: an agent called while the application's transaction is open reads on a connection of its own, which
     * it may roll back. (Suspended here, not with {@code @Transactional}: an intercepted subclass would hide the
     * {@code @Tool} method from LangChain4j's reflection.)
     */
    @Tool("Runs one read-only SQL query (PostgreSQL dialect) against the application's Lakebase database and returns"
            + " the rows as text: a header line of column names, one line per row with values separated by |, and a"
            + " last line with the row count. Only one SELECT, WITH, VALUES, TABLE, SHOW or EXPLAIN statement is"
            + " accepted; nothing can be written. Long results are cut: select the columns and rows you need.")
    public String query(@P("one read-only PostgreSQL statement") String sql) {
        return QuarkusTransaction.suspendingExisting().call(() -> query.run(sql));
    }
}
