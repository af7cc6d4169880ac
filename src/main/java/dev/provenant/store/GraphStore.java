package dev.provenant.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.provenant.api.QueryTimedOut;
import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;

import org.springframework.stereotype.Component;

/**
 * Runs units of work in managed Neo4j transactions: reads on any member of a cluster,
 * writes on the leader, each retried by the driver on transient failures. Every feature
 * reaches the database through here, and every statement run is counted by name in the
 * {@code provenant.cypher.statements} metric.
 */
@Component
public class GraphStore {

	private static final ThreadLocal<List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

	private final Driver driver;

	private final CypherQueries queries;

	private final MeterRegistry meters;

	private final StoreProperties properties;

	private final TransactionConfig limited;

	public GraphStore(Driver driver, CypherQueries queries, SchemaMigrations schema, MeterRegistry meters,
			StoreProperties properties) {
		this.driver = driver;
		this.queries = queries;
		this.meters = meters;
		this.properties = properties;
		this.limited = TransactionConfig.builder().withTimeout(properties.transactionTimeout()).build();
	}

	public <T> T read(Function<TransactionContext, T> work) {
		try (Session session = this.driver.session()) {
			return session.executeRead(work::apply, this.limited);
		}
		catch (ClientException ex) {
			throw timedOutOr(ex);
		}
	}

	public <T> T write(Function<TransactionContext, T> work) {
		List<Runnable> callbacks = new ArrayList<>();
		AFTER_COMMIT.set(callbacks);
		try (Session session = this.driver.session()) {
			T result = session.executeWrite(tx -> {
				// The driver may run the work again after a transient failure: keep only
				// the last attempt's callbacks.
				callbacks.clear();
				return work.apply(tx);
			}, this.limited);
			callbacks.forEach(Runnable::run);
			return result;
		}
		catch (ClientException ex) {
			throw timedOutOr(ex);
		}
		finally {
			AFTER_COMMIT.remove();
		}
	}

	/** Neo4j reports a transaction stopped at its timeout with one of these codes. */
	private RuntimeException timedOutOr(ClientException ex) {
		if (ex.code() != null && ex.code().startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
			return new QueryTimedOut(this.properties.transactionTimeout());
		}
		return ex;
	}

	/**
	 * Runs {@code callback} once the current write transaction has committed, and never
	 * if it rolls back. For what must only be announced for a fact that is really stored
	 * (log lines, metrics).
	 */
	public void afterCommit(Runnable callback) {
		List<Runnable> callbacks = AFTER_COMMIT.get();
		if (callbacks == null) {
			throw new IllegalStateException("afterCommit is only for work inside GraphStore.write");
		}
		callbacks.add(callback);
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
