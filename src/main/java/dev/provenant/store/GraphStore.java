package dev.provenant.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.provenant.api.QueryTimedOut;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs units of work in managed Neo4j transactions: reads on any member of a cluster,
 * writes on the leader, each retried by the driver on transient failures. Every feature
 * reaches the database through here, and every statement run is counted by name in the
 * {@code provenant.cypher.statements} metric.
 * <p>
 * Every session shares one bookmark manager: on a cluster, a read starts only on a member
 * that has applied every transaction this instance has seen committed, so a read after a
 * write (the audit head, then the index's catch-up) never lands on a member that lags
 * behind it. A client's consistency token brings another instance's bookmarks in the same
 * way ({@link #readAfter}).
 * <p>
 * The driver's observations (its pool and transaction metrics) start detached from the
 * caller's: with the GraphQL field being fetched as their parent, each connection
 * acquisition kept that field's answer, its source object and its request's data loaders
 * in the pool's acquisition-timeout task, which stays queued for the whole timeout (60 s
 * by default) however soon the connection came. Under load that held every answer of the
 * last minute beyond any cache's bound: a heap dump showed 21.5M blast-radius entries on
 * a store of 116k. Detached, each acquisition still keeps its own observations there
 * (~1.5 KB), which is why application.yaml shortens the timeout to 10 s.
 */
@Component
public class GraphStore {

	private static final Logger log = LoggerFactory.getLogger(GraphStore.class);

	private static final ThreadLocal<List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

	/** The statements waiting to be carried in the write transaction this thread runs. */
	private static final ThreadLocal<CarriedStatements> CARRIED = new ThreadLocal<>();

	private final Driver driver;

	private final CypherQueries queries;

	private final MeterRegistry meters;

	private final StoreProperties properties;

	private final TransactionConfig limited;

	private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();

	private final ObservationRegistry observations;

	private final BookmarkManager bookmarks = BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build());

	private final WriteSequencer sequencer;

	private final DistributionSummary groupSizes;

	private final Counter groupsRunAlone;

	private final Timer groupCommits;

	private final Counter carriedStatements;

	/**
	 * The statement counter of each named statement, looked up once: the registry's
	 * lookup builds and hashes the tags on every call, several times per small write.
	 */
	private final Map<String, Counter> statementCounters = new java.util.concurrent.ConcurrentHashMap<>();

	public GraphStore(Driver driver, CypherQueries queries, SchemaMigrations schema, MeterRegistry meters,
			StoreProperties properties, ObservationRegistry observations) {
		this.driver = driver;
		this.observations = observations;
		this.queries = queries;
		this.meters = meters;
		this.properties = properties;
		this.limited = TransactionConfig.builder().withTimeout(properties.transactionTimeout()).build();
		this.groupSizes = DistributionSummary.builder("provenant.store.write.group.size")
			.description("Writes committed together in one transaction (group commit)")
			.register(meters);
		this.groupsRunAlone = Counter.builder("provenant.store.write.group.rerun")
			.description("Groups rolled back because one write failed, whose writes then ran one at a time")
			.register(meters);
		this.groupCommits = Timer.builder("provenant.store.write.group")
			.description("Group commits, from taking the waiting writes to answering them: the write path's "
					+ "one serial step, so its time bounds the writes per second")
			.register(meters);
		this.carriedStatements = Counter.builder("provenant.cypher.carried")
			.description("Statements sent with another statement of their write rather than on their own "
					+ "(GraphStore.runLater): round trips to the database saved")
			.register(meters);
		this.sequencer = new WriteSequencer(properties.writeGroupMax(),
				group -> this.groupCommits.record(() -> commitGroup(group)));
	}

	public <T> T read(Function<TransactionContext, T> work) {
		return detached(() -> readNow(work));
	}

	private <T> T readNow(Function<TransactionContext, T> work) {
		try (Session session = session(AccessMode.READ, Set.of())) {
			return session.executeRead(work::apply, this.limited);
		}
		catch (ClientException ex) {
			throw timedOutOr(ex, this.properties.transactionTimeout());
		}
	}

	/**
	 * Runs {@code work} in a write transaction, committed with the other writes waiting
	 * at the same moment (group commit, ADR 11): in arrival order, each seeing what the
	 * ones before it wrote. Returns once it has committed. If any write of a group fails,
	 * nothing of the group is committed and each of its writes runs again alone, so one
	 * bad write fails only itself. The work may therefore run more than once (as the
	 * driver's retries already require): it must not act outside its transaction except
	 * through {@link #afterCommit}.
	 */
	public <T> T write(Function<TransactionContext, T> work) {
		if (this.sequencer.isSequencerThread()) {
			// A write inside a write's work: its own transaction, as it always had.
			return writeNow(work);
		}
		return detached(() -> this.sequencer.submit(work));
	}

	/**
	 * As {@link #write}, for a write of a kind whose writes waiting in the same group run
	 * together (see {@link SharedWrite}): {@code input} is what this one asks, and the
	 * answer is its own. Alone, it runs as a group of one.
	 */
	public <I, T> T write(SharedWrite<I, T> kind, I input) {
		Function<TransactionContext, T> alone = tx -> kind.applyAll(tx, List.of(input), position -> {
		}).get(0).get();
		if (this.sequencer.isSequencerThread()) {
			return writeNow(alone);
		}
		return detached(() -> this.sequencer.submit(alone, kind, input));
	}

	/** How many writes wait for the next group commit (for tests and metrics). */
	public int writesWaiting() {
		return this.sequencer.waiting();
	}

	/** Commits a group of writes in one transaction; see {@link #write}. */
	private void commitGroup(List<WriteSequencer.Request<?>> group) {
		this.groupSizes.record(group.size());
		if (group.size() == 1) {
			alone(group.get(0));
			return;
		}
		List<List<Runnable>> callbacks = new ArrayList<>(group.size());
		group.forEach(request -> callbacks.add(new ArrayList<>()));
		Object[] results = new Object[group.size()];
		try (Session session = session(AccessMode.WRITE, Set.of())) {
			session.executeWrite(tx -> {
				// The driver may run the group again after a transient failure: keep only
				// the last attempt's callbacks.
				callbacks.forEach(List::clear);
				CARRIED.set(new CarriedStatements(tx));
				for (int i = 0; i < group.size();) {
					WriteSequencer.Request<?> request = group.get(i);
					if (request.shared() == null) {
						AFTER_COMMIT.set(callbacks.get(i));
						results[i] = request.apply(tx);
						i++;
					}
					else {
						i = applyShared(tx, group, i, callbacks, results);
					}
				}
				sendCarried(tx);
				return null;
			}, this.limited);
		}
		catch (RuntimeException ex) {
			this.groupsRunAlone.increment();
			log.debug("A write group of {} failed; running its writes one at a time", group.size(), ex);
			group.forEach(this::alone);
			return;
		}
		finally {
			AFTER_COMMIT.remove();
			CARRIED.remove();
		}
		for (int i = 0; i < group.size(); i++) {
			List<Runnable> announcements = callbacks.get(i);
			group.get(i).inContext(() -> {
				for (Runnable callback : announcements) {
					try {
						callback.run();
					}
					catch (RuntimeException ex) {
						log.warn("An after-commit callback failed; the write is committed", ex);
					}
				}
				return null;
			});
		}
		this.commitListeners.forEach(Runnable::run);
		for (int i = 0; i < group.size(); i++) {
			if (!(results[i] instanceof SharedWrite.Outcome<?> outcome)) {
				group.get(i).complete(results[i]);
			}
			else if (outcome.refusal() != null) {
				group.get(i).outcome().completeExceptionally(outcome.refusal());
			}
			else {
				group.get(i).complete(outcome.answer());
			}
		}
	}

	/**
	 * Runs the writes of one shared kind that wait side by side from {@code from} on
	 * together; their outcomes go to {@code results}. Returns the position after them.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int applyShared(TransactionContext tx, List<WriteSequencer.Request<?>> group, int from,
			List<List<Runnable>> callbacks, Object[] results) {
		SharedWrite kind = group.get(from).shared();
		int to = from;
		List<Object> inputs = new ArrayList<>();
		while (to < group.size() && group.get(to).shared() == kind) {
			inputs.add(group.get(to).input());
			to++;
		}
		AFTER_COMMIT.set(callbacks.get(from));
		List<SharedWrite.Outcome<?>> outcomes = group.get(from)
			.inContext(() -> kind.applyAll(tx, inputs, position -> AFTER_COMMIT.set(callbacks.get(from + position))));
		for (int i = 0; i < outcomes.size(); i++) {
			results[from + i] = outcomes.get(i);
		}
		return to;
	}

	private void alone(WriteSequencer.Request<?> request) {
		try {
			request.complete(request.inContext(() -> writeNow(request.work())));
		}
		catch (RuntimeException | Error ex) {
			request.outcome().completeExceptionally(ex);
		}
	}

	/** Stops taking writes; those still waiting fail with a retryable error. */
	@PreDestroy
	void stopWriting() {
		this.sequencer.close();
	}

	/**
	 * As {@link #write}, for state kept beside the record that no one follows (the shared
	 * rate-limit buckets): the commit listeners are not told.
	 */
	public <T> T writeSideState(Function<TransactionContext, T> work) {
		return detached(() -> {
			try (Session session = session(AccessMode.WRITE, Set.of())) {
				return session.executeWrite(work::apply, this.limited);
			}
			catch (ClientException ex) {
				throw timedOutOr(ex, this.properties.transactionTimeout());
			}
		});
	}

	private <T> T writeNow(Function<TransactionContext, T> work) {
		// A write nested in a write's work (on the sequencer's thread) gives the outer
		// write its after-commit list back when it ends.
		List<Runnable> outer = AFTER_COMMIT.get();
		CarriedStatements outerCarried = CARRIED.get();
		if (outerCarried != null) {
			// The outer write's statements run before this one begins, as they would
			// have had they not waited.
			send(outerCarried);
		}
		List<Runnable> callbacks = new ArrayList<>();
		AFTER_COMMIT.set(callbacks);
		try (Session session = session(AccessMode.WRITE, Set.of())) {
			T result = session.executeWrite(tx -> {
				// The driver may run the work again after a transient failure: keep only
				// the last attempt's callbacks.
				callbacks.clear();
				CARRIED.set(new CarriedStatements(tx));
				T done = work.apply(tx);
				sendCarried(tx);
				return done;
			}, this.limited);
			callbacks.forEach(Runnable::run);
			this.commitListeners.forEach(Runnable::run);
			return result;
		}
		catch (ClientException ex) {
			throw timedOutOr(ex, this.properties.transactionTimeout());
		}
		finally {
			if (outer != null) {
				AFTER_COMMIT.set(outer);
			}
			else {
				AFTER_COMMIT.remove();
			}
			if (outerCarried != null) {
				CARRIED.set(outerCarried);
			}
			else {
				CARRIED.remove();
			}
		}
	}

	/**
	 * Runs {@code listener} after every write transaction this instance commits through
	 * {@link #write}, on the writer's thread: it must be quick.
	 */
	public void onCommit(Runnable listener) {
		this.commitListeners.add(listener);
	}

	/**
	 * As {@link #read}, on a member that has applied {@code theirs} too (bookmarks of
	 * another instance, from a client's consistency token); every read of this instance
	 * after it includes them.
	 */
	public <T> T readAfter(Set<Bookmark> theirs, Function<TransactionContext, T> work) {
		return detached(() -> {
			try (Session session = session(AccessMode.READ, theirs)) {
				return session.executeRead(work::apply, this.limited);
			}
			catch (ClientException ex) {
				throw timedOutOr(ex, this.properties.transactionTimeout());
			}
		});
	}

	/** What this instance has seen committed, for a client's consistency token. */
	public Set<Bookmark> bookmarks() {
		return this.bookmarks.getBookmarks();
	}

	/**
	 * Runs {@code work} once, in one explicit read transaction under
	 * {@code provenant.store.bulk-transaction-timeout}: for long scans (the dependency
	 * index's build), which on a cluster run on a secondary rather than the leader.
	 */
	public <T> T onceRead(Function<SimpleQueryRunner, T> work) {
		return detached(() -> {
			try (Session session = session(AccessMode.READ, Set.of());
					Transaction tx = session.beginTransaction(TransactionConfig.builder()
						.withTimeout(this.properties.bulkTransactionTimeout())
						.build())) {
				T result = work.apply(tx);
				tx.commit();
				return result;
			}
			catch (ClientException ex) {
				throw timedOutOr(ex, this.properties.bulkTransactionTimeout());
			}
		});
	}

	private Session session(AccessMode mode, Set<Bookmark> theirs) {
		return this.driver.session(SessionConfig.builder()
			.withDefaultAccessMode(mode)
			.withBookmarkManager(this.bookmarks)
			.withBookmarks(theirs)
			.build());
	}

	/**
	 * Runs {@code work} once, in one explicit write transaction under
	 * {@code provenant.store.bulk-transaction-timeout}, committing when it returns. Never
	 * retried: for work that streams (an export writing to a response, an import reading
	 * a request) and so cannot be run twice.
	 */
	public <T> T once(Function<SimpleQueryRunner, T> work) {
		return detached(() -> onceNow(work));
	}

	private <T> T onceNow(Function<SimpleQueryRunner, T> work) {
		try (Session session = session(AccessMode.WRITE, Set.of());
				Transaction tx = session.beginTransaction(
						TransactionConfig.builder().withTimeout(this.properties.bulkTransactionTimeout()).build())) {
			T result = work.apply(tx);
			tx.commit();
			return result;
		}
		catch (ClientException ex) {
			throw timedOutOr(ex, this.properties.bulkTransactionTimeout());
		}
	}

	/**
	 * Runs {@code work} with no current observation, so that the driver's observations
	 * keep nothing of the caller's (see the class comment); the caller's is current again
	 * afterwards.
	 */
	private <T> T detached(Supplier<T> work) {
		Observation.Scope scope = this.observations.getCurrentObservationScope();
		if (scope == null) {
			return work.get();
		}
		scope.reset();
		try {
			return work.get();
		}
		finally {
			scope.makeCurrent();
		}
	}

	/** Neo4j reports a transaction stopped at its timeout with one of these codes. */
	private static RuntimeException timedOutOr(ClientException ex, Duration limit) {
		if (ex.code() != null && ex.code().startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
			return new QueryTimedOut(limit);
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
	public Result run(SimpleQueryRunner tx, String name, Map<String, Object> parameters) {
		return run(tx, name, this.queries.get(name), parameters);
	}

	/**
	 * Runs the named statement with integer literals filled in, see
	 * {@link CypherQueries#render}.
	 */
	public Result run(SimpleQueryRunner tx, String name, Map<String, Integer> literals,
			Map<String, Object> parameters) {
		return run(tx, name, this.queries.render(name, literals), parameters);
	}

	private Result run(SimpleQueryRunner tx, String name, String statement, Map<String, Object> parameters) {
		count(name);
		CarriedStatements carried = CARRIED.get();
		if (carried == null || !carried.isFor(tx) || carried.isEmpty()) {
			return tx.run(statement, parameters);
		}
		CarriedStatements.Composed composed = carried.take(statement, parameters);
		composed.carried().forEach(this::count);
		this.carriedStatements.increment(composed.carried().size());
		return tx.run(composed.statement(), composed.parameters());
	}

	/**
	 * Runs the named statement, which returns nothing, in {@code tx}, a write transaction
	 * of {@link #write}: sent with the next statement the transaction runs, as a unit
	 * subquery ahead of it, or on its own before the transaction commits. What it writes
	 * is there for every statement after it, as if it had run alone; if it fails, the
	 * statement that carries it fails with its error, and so does the write. For the
	 * statements of a small write whose answer nobody reads: each round trip costs the
	 * write latency and both sides CPU (ADR 11; 9–21% more small writes a second under
	 * eight writers, measured in docs/performance.md).
	 */
	public void runLater(TransactionContext tx, String name, Map<String, Object> parameters) {
		CarriedStatements carried = CARRIED.get();
		if (carried == null || !carried.isFor(tx)) {
			throw new IllegalStateException("runLater is only for work inside GraphStore.write, in its transaction");
		}
		if (carried.isFull()) {
			sendCarried(tx);
		}
		carried.add(name, this.queries.get(name), parameters);
	}

	/** Sends what waits to be carried in {@code tx} on its own, if anything does. */
	private void sendCarried(SimpleQueryRunner tx) {
		CarriedStatements carried = CARRIED.get();
		if (carried != null && carried.isFor(tx)) {
			send(carried);
		}
	}

	private void send(CarriedStatements carried) {
		if (!carried.isEmpty()) {
			CarriedStatements.Composed composed = carried.take(null, Map.of());
			composed.carried().forEach(this::count);
			this.carriedStatements.increment(composed.carried().size() - 1);
			carried.transaction().run(composed.statement(), composed.parameters()).consume();
		}
	}

	private void count(String name) {
		this.statementCounters
			.computeIfAbsent(name, key -> this.meters.counter("provenant.cypher.statements", "query", key))
			.increment();
	}

}
