package dev.provenant.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Reads timed alone, then while one writer keeps ingesting. The writer must write for the
 * whole loaded measurement: a writer that fails fails the run, since the reads timed
 * after it stopped would be reads alone reported as reads under ingest. Records are
 * counted as the writer reports them written, batch by batch.
 */
final class MixedLoad {

	private final Supplier<?> read;

	private final int samples;

	private final Duration warmUp;

	private final Duration budget;

	MixedLoad(Supplier<?> read, int samples, Duration warmUp, Duration budget) {
		this.read = read;
		this.samples = samples;
		this.warmUp = warmUp;
		this.budget = budget;
	}

	/** Writes one batch of the mixed load. */
	@FunctionalInterface
	interface Writer {

		/**
		 * @param round how many batches this writer wrote before
		 * @return how many records the batch wrote
		 */
		int write(int round);

	}

	/**
	 * @param alone the reads with nothing else running
	 * @param loaded the same reads while the writer wrote
	 * @param batches the batches the writer wrote
	 * @param records the records those batches wrote
	 * @param writerSeconds from the writer's start to the end of its last batch
	 */
	record Result(Measurement alone, Measurement loaded, int batches, long records, double writerSeconds) {

		double recordsPerSecond() {
			return this.records / this.writerSeconds;
		}

		/** How much slower the p99 read is under ingest; null where a p99 is. */
		Double p99Ratio() {
			return (this.alone.p99() == null || this.loaded.p99() == null) ? null
					: this.loaded.p99() / this.alone.p99();
		}

	}

	/**
	 * @throws IllegalStateException if the writer fails, with its reason
	 */
	Result run(Writer writer) {
		Measurement alone = Measurement.of(this.read, this.samples, this.warmUp, this.budget);
		Background background = new Background(writer);
		Measurement loaded;
		background.start();
		try {
			loaded = Measurement.of(() -> {
				background.failIfFailed();
				return this.read.get();
			}, this.samples, this.warmUp, this.budget);
		}
		finally {
			background.stop();
		}
		background.failIfFailed();
		return new Result(alone, loaded, background.batches.get(), background.records.get(),
				(background.finished - background.started) / 1e9);
	}

	/** The writer's thread: at least one batch, then batches until it is stopped. */
	private static final class Background implements Runnable {

		private final Writer writer;

		private final Thread thread = new Thread(this, "bench-writer");

		private final AtomicBoolean writing = new AtomicBoolean(true);

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		private final AtomicInteger batches = new AtomicInteger();

		private final AtomicLong records = new AtomicLong();

		private volatile long started;

		private volatile long finished;

		Background(Writer writer) {
			this.writer = writer;
		}

		void start() {
			this.started = System.nanoTime();
			this.thread.start();
		}

		@Override
		public void run() {
			try {
				do {
					this.records.addAndGet(this.writer.write(this.batches.get()));
					this.batches.incrementAndGet();
				}
				while (this.writing.get());
			}
			catch (RuntimeException | Error ex) {
				this.failure.set(ex);
			}
			finally {
				this.finished = System.nanoTime();
			}
		}

		/** Waits for the batch in flight. */
		void stop() {
			this.writing.set(false);
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the mixed load's writer", ex);
			}
		}

		void failIfFailed() {
			Throwable cause = this.failure.get();
			if (cause != null) {
				throw new IllegalStateException(
						"The writer ingesting during the reads under ingest failed after " + this.batches.get()
								+ " batches, so the reads were no longer under ingest: " + cause.getMessage(),
						cause);
			}
		}

	}

}
