package io.quarkiverse.lakebase.deployment.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.LakebaseSqlTool;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The read-only SQL tool as an agent meets it: discovered and called through LangChain4j's own tool machinery, against
 * the local Lakebase. It answers rows as text, refuses anything but one reading statement, and cannot write even
 * through a function that writes; the pool is left as it was.
 */
class SqlToolForAgentsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.lakebase.agent-tool.enabled", "true")
            .overrideConfigKey("quarkus.lakebase.agent-tool.max-rows", "3")
            .overrideConfigKey("quarkus.lakebase.agent-tool.timeout", "1S")
            // a schema of the application's role: as on Lakebase, the role may not create in public
            .overrideConfigKey("quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema", "shop");

    @Inject
    LakebaseSqlTool tool;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void tableWithRows() throws SQLException {
        execute("CREATE SCHEMA IF NOT EXISTS shop", "DROP TABLE IF EXISTS fruit",
                "CREATE TABLE fruit (id int PRIMARY KEY, name text, note text)",
                "INSERT INTO fruit VALUES (1, 'apple', NULL), (2, 'pear', 'ripe'), (3, 'plum', NULL), (4, 'fig', NULL)",
                "CREATE OR REPLACE FUNCTION plant(n text) RETURNS int LANGUAGE plpgsql AS"
                        + " $$ BEGIN INSERT INTO fruit VALUES (99, n, NULL); RETURN 1; END $$");
    }

    @Test
    void langChain4jSeesOneToolWithOneSqlParameter() {
        List<ToolSpecification> specifications = ToolSpecifications.toolSpecificationsFrom(tool);
        assertThat(specifications).singleElement().satisfies(specification -> {
            assertThat(specification.description()).contains("read-only SQL query");
            assertThat(specification.parameters().properties()).containsOnlyKeys("sql");
        });
    }

    @Test
    void aSelectReturnsRowsAsText() throws Exception {
        String answer = call("SELECT id, name, note FROM fruit WHERE id <= 2 ORDER BY id");
        assertThat(answer).isEqualTo("id | name | note\n1 | apple | NULL\n2 | pear | ripe\n(2 rows)");
    }

    @Test
    void rowsAreCappedAndTheAnswerSaysSo() throws Exception {
        assertThat(call("SELECT name FROM fruit ORDER BY id"))
                .isEqualTo("name\napple\npear\nplum\n(first 3 rows; more were not returned)");
    }

    @Test
    void writesDdlAndChainedStatementsAreRefusedAndNothingChanges() throws Exception {
        assertThat(call("INSERT INTO fruit VALUES (5, 'kiwi', NULL)")).startsWith("Refused: ").contains("not INSERT");
        assertThat(call("CREATE TABLE other (id int)")).startsWith("Refused: ").contains("not CREATE");
        assertThat(call("SELECT 1; DELETE FROM fruit")).startsWith("Refused: ").contains("only one statement");
        assertThat(count("SELECT count(*) FROM fruit")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'other'")).isZero();
    }

    @Test
    void aFunctionThatWritesCannotWrite() throws Exception {
        assertThat(call("SELECT plant('kiwi')")).startsWith("Query failed (SQLState 25006)");
        assertThat(call("WITH gone AS (DELETE FROM fruit RETURNING id) SELECT count(*) FROM gone"))
                .startsWith("Query failed (SQLState 25006)");
        assertThat(count("SELECT count(*) FROM fruit")).isEqualTo(4);
    }

    @Test
    void anAdvisoryLockDoesNotGoBackToThePool() throws Exception {
        call("SELECT pg_advisory_lock(42)");
        assertThat(count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).isZero();
    }

    @Test
    void aLongQueryIsCancelledAtTheTimeOut() throws Exception {
        assertThat(call("SELECT pg_sleep(5)")).startsWith("Query failed (SQLState 57014)");
    }

    @Test
    void anAgentCalledInsideTheApplicationsTransactionStillReads() throws Exception {
        String answer = QuarkusTransaction.requiringNew().call(() -> call("SELECT name FROM fruit WHERE id = 2"));

        assertThat(answer).isEqualTo("name\npear\n(1 row)");
    }

    @Test
    void thePoolsConnectionsAreLeftAsTheyWere() throws Exception {
        call("SELECT 1");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(connection.isReadOnly()).isFalse();
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO fruit VALUES (6, 'lime', NULL)");
            }
        }
        assertThat(count("SELECT count(*) FROM fruit")).isEqualTo(5);
    }

    /** Calls the tool as LangChain4j does for a model's tool call: by name, with JSON arguments. */
    private String call(String sql) throws Exception {
        Method query = LakebaseSqlTool.class.getMethod("query", String.class);
        ToolExecutionRequest request = ToolExecutionRequest.builder().id("1").name("query")
                .arguments(new ObjectMapper().writeValueAsString(java.util.Map.of("sql", sql))).build();
        return new DefaultToolExecutor(tool, query).execute(request, "memory");
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
