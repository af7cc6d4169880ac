package dev.provenant.store;

import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

import org.springframework.stereotype.Component;

/**
 * Runs units of work in managed Neo4j transactions: reads on any member of a cluster, writes on the leader, each
 * retried by the driver on transient failures. Every feature reaches the database through here.
 */
@Component
public class GraphStore {

	private final Driver driver;

	private final CypherQueries queries;

	public GraphStore(Driver driver, CypherQueries queries, SchemaMigrations schema) {
		this.driver = driver;
		this.queries = queries;
	}

	public <T> T read(Function<TransactionContext, T> work) {
		try (Session session = this.driver.session()) {
			return session.executeRead(work::apply);
		}
	}

	public <T> T write(Function<TransactionContext, T> work) {
		try (Session session = this.driver.session()) {
			return session.executeWrite(work::apply);
		}
	}

	/** The named statement, see {@link CypherQueries}. */
	public String query(String name) {
		return this.queries.get(name);
	}

	/** The named statement with integer literals filled in, see {@link CypherQueries#render}. */
	public String query(String name, Map<String, Integer> literals) {
		return this.queries.render(name, literals);
	}

}
