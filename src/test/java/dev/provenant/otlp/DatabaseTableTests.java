package dev.provenant.otlp;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Database client spans name the tables OpenLineage producers name for the same tables,
 * so that an agent's read joins a pipeline's lineage.
 */
class DatabaseTableTests {

	@Test
	void postgresqlTakesOpenLineagesSchemeItsDefaultPortAndDatabaseSchemaTable() {
		assertThat(table(Map.of("db.system.name", "postgresql", "server.address", "DB.Internal", "db.namespace",
				"loans|public", "db.collection.name", "applications")))
			.isEqualTo("dataset:postgres://db.internal:5432:loans.public.applications");
	}

	@Test
	void aPortOtherThanTheDefaultIsKept() {
		assertThat(table(Map.of("db.system.name", "mysql", "server.address", "fraud-db", "server.port", 3307L,
				"db.namespace", "fraud", "db.collection.name", "events")))
			.isEqualTo("dataset:mysql://fraud-db:3307:fraud.events");
	}

	@Test
	void theDeprecatedSystemAttributeAndOtherSystemsAreNamedToo() {
		assertThat(table(Map.of("db.system", "mssql", "server.address", "sql1", "db.namespace", "crm",
				"db.collection.name", "dbo.users")))
			.isEqualTo("dataset:sqlserver://sql1:1433:crm.dbo.users");
		assertThat(table(Map.of("db.system.name", "mariadb", "server.address", "m", "db.namespace", "shop",
				"db.collection.name", "orders")))
			.isEqualTo("dataset:mysql://m:3306:shop.orders");
		assertThat(table(Map.of("db.system.name", "sqlite", "server.address", "local", "db.collection.name", "t")))
			.isEqualTo("dataset:sqlite://local:t");
	}

	@Test
	void aSpanThatDoesNotSayWhichServerAndTableReadsNoTable() {
		assertThat(table(Map.of("db.system.name", "postgresql", "db.collection.name", "t"))).isNull();
		assertThat(table(Map.of("db.system.name", "postgresql", "server.address", "h"))).isNull();
		assertThat(table(Map.of("db.system.name", "postgresql", "server.address", "/tmp/.s.PGSQL.5432",
				"db.collection.name", "t")))
			.isNull();
		assertThat(table(Map.of("server.address", "h", "db.collection.name", "t"))).isNull();
	}

	@Test
	void contentAttributesAreRecognisedAndOthersAreNot() {
		assertThat(SpanContent.isContent("gen_ai.input.messages")).isTrue();
		assertThat(SpanContent.isContent("gen_ai.prompt.0.content")).isTrue();
		assertThat(SpanContent.isContent("db.query.parameter.id")).isTrue();
		assertThat(SpanContent.isContent("llm.input_messages.0.message.content")).isTrue();
		assertThat(SpanContent.isContent("gen_ai.request.model")).isFalse();
		assertThat(SpanContent.isContent("db.collection.name")).isFalse();
	}

	private static String table(Map<String, Object> attributes) {
		KeptSpan span = new KeptSpan("t", "s", null, "db", "CLIENT", 1, 2, "UNSET", new TreeMap<>(attributes), Map.of(),
				null);
		DatabaseTable table = DatabaseTable.of(span);
		return (table == null) ? null : table.id();
	}

}
