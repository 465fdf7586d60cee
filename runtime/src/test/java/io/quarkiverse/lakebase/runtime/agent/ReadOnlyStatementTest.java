package io.quarkiverse.lakebase.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One reading statement passes, anything else is refused, and quoting or comments cannot smuggle a second one. */
class ReadOnlyStatementTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1",
            "select * from orders where note = 'a; DROP TABLE orders'",
            "SELECT \"weird;name\" FROM t",
            "SELECT $$ ; DELETE FROM t $$",
            "SELECT $tag$ it's ; here $tag$ AS body",
            "-- a comment; with a semicolon\nSELECT 1",
            "/* outer /* nested ; */ still comment */ SELECT 1",
            "WITH recent AS (SELECT * FROM orders) SELECT count(*) FROM recent",
            "VALUES (1), (2)",
            "TABLE orders",
            "SHOW statement_timeout",
            "EXPLAIN SELECT 1",
            "SELECT 1;",
            "SELECT 1;  -- trailing comment",
            "  (SELECT 1)" })
    void readingStatementsPass(String sql) {
        assertThat(ReadOnlyStatement.check(sql).statement()).as(sql).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO orders VALUES (1)",
            "UPDATE orders SET total = 0",
            "DELETE FROM orders",
            "CREATE TABLE x (id int)",
            "DROP TABLE orders",
            "COPY orders TO STDOUT",
            "CALL do_something()",
            "DO $$ BEGIN DELETE FROM orders; END $$",
            "SET statement_timeout = 0",
            "SELECT 1; DELETE FROM orders",
            "SELECT 1;; ",
            "/* SELECT */ DELETE FROM orders",
            "SELECT 'unclosed",
            "",
            "   ",
            "-- only a comment" })
    void anythingElseIsRefused(String sql) {
        ReadOnlyStatement.Verdict verdict = ReadOnlyStatement.check(sql);
        assertThat(verdict.statement()).as(sql).isEmpty();
        assertThat(verdict.refusal()).isNotBlank();
    }
}
