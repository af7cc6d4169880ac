package dev.provenant.store;

import java.util.Map;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

import org.springframework.stereotype.Component;

/**
 * Runs units of work in managed Neo4j transactions: reads on any member of a cluster,
 * writes on the leader, each retried by the driver on transient failures. Every feature
 * reaches the database through here, and every statement run is counted by name in the
 * {@code provenant.cypher.statements} metric.
 */
@Component
public class GraphStore {

	private final Driver driver;

	private final CypherQueries queries;

	private final MeterRegistry meters;

	public GraphStore(Driver driver, CypherQueries queries, SchemaMigrations schema, MeterRegistry meters) {
		this.driver = driver;
		this.queries = queries;
		this.meters = meters;
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

	/**
	 * Runs the named statement (see {@link CypherQueries}) and counts it, by name, in the
	 * metrics.
	 */
	public Result run(TransactionContext tx, String name, Map<String, Object> parameters) {
		return run(tx, name, this.queries.get(name), parameters);
	}

	/**
	 * Runs the named statement with integer literals filled in, see
	 * {@link CypherQueries#render}.
	 */
	public Result run(TransactionContext tx, String name, Map<String, Integer> literals,
			Map<String, Object> parameters) {
		return run(tx, name, this.queries.render(name, literals), parameters);
	}

	private Result run(TransactionContext tx, String name, String statement, Map<String, Object> parameters) {
		this.meters.counter("provenant.cypher.statements", "query", name).increment();
		return tx.run(statement, parameters);
	}

}
