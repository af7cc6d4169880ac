package dev.provenant.store;

import java.util.List;
import java.util.function.IntConsumer;

import org.neo4j.driver.TransactionContext;

/**
 * A kind of write whose writes, when several wait for the same group commit, run
 * together: one statement for what each would have run apart (ingest reads what is stored
 * for all of them at once, creates all their records at once, appends all their audit
 * events at once). What each is answered is still its own.
 *
 * @param <I> what one write is asked
 * @param <T> what one write is answered
 */
public interface SharedWrite<I, T> {

	/**
	 * Runs {@code inputs} in {@code tx}, in order, each seeing what the ones before it
	 * wrote, as if each ran after the other.
	 * @param attribute called with an input's position before anything it announces after
	 * the commit ({@link GraphStore#afterCommit}) is registered
	 * @return for each input, in order, its answer, or its refusal: a refused input wrote
	 * nothing, and the others commit. Throwing instead rolls back the whole group, whose
	 * writes then run one at a time.
	 */
	List<Outcome<T>> applyAll(TransactionContext tx, List<I> inputs, IntConsumer attribute);

	/** What one input of {@link #applyAll} came to: its answer, or why it was refused. */
	record Outcome<T>(T answer, RuntimeException refusal) {

		public static <T> Outcome<T> answered(T answer) {
			return new Outcome<>(answer, null);
		}

		public static <T> Outcome<T> refused(RuntimeException refusal) {
			return new Outcome<>(null, refusal);
		}

		/** The answer, or the refusal thrown. */
		public T get() {
			if (this.refusal != null) {
				throw this.refusal;
			}
			return this.answer;
		}

	}

}
