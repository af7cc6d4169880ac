package dev.provenant.otlp;

import java.util.Locale;
import java.util.Map;

/**
 * The table a database client span read, named as OpenLineage names it, so that an
 * agent's read and a pipeline's lineage meet on one DATA_SOURCE: namespace
 * {@code <scheme>://<host>:<port>} with OpenLineage's scheme for the system and the
 * system's default port when the span leaves it out (the conventions require
 * {@code server.port} only when it is not the default), and name
 * {@code <db.namespace>.<db.collection.name>}, where a namespace of several parts
 * ({@code database|schema}) is joined with dots as OpenLineage joins them.
 */
record DatabaseTable(String namespace, String name) {

	/** OpenLineage's scheme and default port for each {@code db.system.name}. */
	private static final Map<String, Scheme> SCHEMES = Map.ofEntries(
			Map.entry("postgresql", new Scheme("postgres", 5432)), Map.entry("mysql", new Scheme("mysql", 3306)),
			Map.entry("mariadb", new Scheme("mysql", 3306)),
			Map.entry("microsoft.sql_server", new Scheme("sqlserver", 1433)),
			Map.entry("mssql", new Scheme("sqlserver", 1433)), Map.entry("oracle.db", new Scheme("oracle", 1521)),
			Map.entry("oracle", new Scheme("oracle", 1521)), Map.entry("mongodb", new Scheme("mongodb", 27017)),
			Map.entry("cassandra", new Scheme("cassandra", 9042)),
			Map.entry("aws.redshift", new Scheme("redshift", 5439)),
			Map.entry("redshift", new Scheme("redshift", 5439)), Map.entry("trino", new Scheme("trino", 443)),
			Map.entry("ibm.db2", new Scheme("db2", 6789)), Map.entry("db2", new Scheme("db2", 6789)),
			Map.entry("teradata", new Scheme("teradata", 1025)),
			Map.entry("clickhouse", new Scheme("clickhouse", 8123)), Map.entry("hive", new Scheme("hive", 10000)),
			Map.entry("cockroachdb", new Scheme("postgres", 26257)));

	private record Scheme(String name, int defaultPort) {
	}

	/**
	 * The table the span read, or {@code null} when it is no database client span or does
	 * not say which server and table (a query span without {@code server.address} or
	 * {@code db.collection.name}, a unix socket).
	 */
	static DatabaseTable of(KeptSpan span) {
		String system = span.text("db.system.name");
		if (system == null) {
			system = span.text("db.system");
		}
		String host = span.text("server.address");
		String collection = span.text("db.collection.name");
		if (system == null || host == null || host.isBlank() || host.startsWith("/") || collection == null
				|| collection.isBlank()) {
			return null;
		}
		system = system.toLowerCase(Locale.ROOT);
		Scheme scheme = SCHEMES.getOrDefault(system, new Scheme(system, -1));
		Double port = span.number("server.port");
		int effectivePort = (port != null) ? port.intValue() : scheme.defaultPort();
		String namespace = scheme.name() + "://" + host.toLowerCase(Locale.ROOT)
				+ ((effectivePort > 0) ? ":" + effectivePort : "");
		String database = span.text("db.namespace");
		String name = (database == null || database.isBlank()) ? collection
				: database.replace('|', '.') + "." + collection;
		return new DatabaseTable(namespace, name);
	}

	/** The DATA_SOURCE id, as OpenLineage datasets are named in Provenant. */
	String id() {
		return "dataset:" + this.namespace + ":" + this.name;
	}

}
