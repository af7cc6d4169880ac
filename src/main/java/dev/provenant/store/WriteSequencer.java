package dev.provenant.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;

import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Group commit (ADR 11): request threads hand their write to one queue and wait; one
 * thread takes every write waiting at that moment (up to a bound) and commits them in one
 * transaction, in arrival order, then answers each. Writes that arrive while a group
 * commits wait for the next one, so the more writers, the larger the groups and the fewer
 * commits and head-lock waits per write; a lone writer commits alone, as before.
 */
final class WriteSequencer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WriteSequencer.class);

	private final BlockingQueue<Request<?>> queue = new LinkedBlockingQueue<>();

	private final int maxGroup;

	private final Consumer<List<Request<?>>> commit;

	private final Thread thread;

	private volatile boolean closed;

	/**
	 * @param commit commits a group in one transaction and completes every request of it,
	 * each with its result or its failure
	 */
	WriteSequencer(int maxGroup, Consumer<List<Request<?>>> commit) {
		this.maxGroup = maxGroup;
		this.commit = commit;
		this.thread = new Thread(this::run, "provenant-write-sequencer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Whether the caller is the sequencer itself (a write nested in a write). */
	boolean isSequencerThread() {
		return Thread.currentThread() == this.thread;
	}

	/** How many writes wait for the next group. */
	int waiting() {
		return this.queue.size();
	}

	/** Runs {@code work} in the next group; returns once it has committed. */
	<T> T submit(Function<TransactionContext, T> work) {
		return submit(work, null, null);
	}

	/**
	 * Runs {@code work} in the next group, together with the other writes of
	 * {@code shared} that wait beside it (see {@link SharedWrite}); {@code work} is what
	 * it runs alone. Returns once it has committed.
	 */
	<T> T submit(Function<TransactionContext, T> work, SharedWrite<?, T> shared, Object input) {
		if (this.closed) {
			throw new IllegalStateException("The store is shutting down; the write was not made");
		}
		Request<T> request = new Request<>(work, shared, input, MDC.getCopyOfContextMap(), new CompletableFuture<>());
		this.queue.add(request);
		try {
			return request.outcome().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the write waited for its commit", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private void run() {
		List<Request<?>> group = new ArrayList<>(this.maxGroup);
		while (!this.closed) {
			try {
				group.add(this.queue.take());
				this.queue.drainTo(group, this.maxGroup - 1);
				this.commit.accept(group);
			}
			catch (InterruptedException ex) {
				break;
			}
			catch (RuntimeException | Error ex) {
				// The commit strategy completes every request; this is a fault of its
				// own.
				log.error("A write group failed outside its transaction", ex);
				group.forEach(request -> request.outcome().completeExceptionally(ex));
			}
			finally {
				group.clear();
			}
		}
		IllegalStateException stopped = new IllegalStateException("The store is shutting down; the write was not made");
		Request<?> left;
		while ((left = this.queue.poll()) != null) {
			left.outcome().completeExceptionally(stopped);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.thread.interrupt();
	}

	/**
	 * One write waiting for its group: the work, the kind of write it shares statements
	 * with and what it asks (null for a write that runs on its own), the logging context
	 * of the thread that sent it (so that what the work logs names its request), and its
	 * outcome.
	 */
	record Request<T>(Function<TransactionContext, T> work, SharedWrite<?, T> shared, Object input,
			Map<String, String> mdc, CompletableFuture<T> outcome) {

		T apply(TransactionContext tx) {
			return inContext(() -> this.work.apply(tx));
		}

		/**
		 * Runs {@code action} with the sender's logging context, so that what it logs
		 * (the work, and what it announces after the commit) names the request.
		 */
		<R> R inContext(java.util.function.Supplier<R> action) {
			Map<String, String> previous = MDC.getCopyOfContextMap();
			if (this.mdc != null) {
				MDC.setContextMap(this.mdc);
			}
			try {
				return action.get();
			}
			finally {
				if (previous != null) {
					MDC.setContextMap(previous);
				}
				else {
					MDC.clear();
				}
			}
		}

		@SuppressWarnings("unchecked")
		void complete(Object result) {
			this.outcome.complete((T) result);
		}

	}

}
