package dev.provenant.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The measured phase: a number of clients, each sending one request and waiting for its
 * answer before the next (a closed loop, so the load adapts to how fast the service
 * answers), until the time is up; a progress line every few seconds meanwhile.
 */
final class LoadRun {

	static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

	/** Keeps a client from spinning when the service does not answer at all. */
	private static final long PAUSE_AFTER_NO_ANSWER_MILLIS = 100;

	private final ProvenantClient client;

	private final Workload workload;

	private final Tally tally;

	LoadRun(ProvenantClient client, Workload workload, Tally tally) {
		this.client = client;
		this.workload = workload;
		this.tally = tally;
	}

	/**
	 * Runs the clients for {@code duration}; requests in flight at the end are waited for
	 * and counted.
	 * @return from the first request to the last answer
	 */
	Duration run(Duration duration, int clients, PrintStream out) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		ScheduledExecutorService progress = Executors
			.newSingleThreadScheduledExecutor((task) -> daemon(task, "load-progress"));
		progress.scheduleAtFixedRate(new ProgressLine(start, out), PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(),
				TimeUnit.MILLISECONDS);
		List<Thread> threads = new ArrayList<>();
		try {
			for (int i = 1; i <= clients; i++) {
				Thread thread = daemon(() -> callUntil(deadline), "load-client-" + i);
				threads.add(thread);
				thread.start();
			}
			for (Thread thread : threads) {
				thread.join();
			}
		}
		finally {
			progress.shutdownNow();
			threads.forEach(Thread::interrupt);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private void callUntil(long deadline) {
		Random random = ThreadLocalRandom.current();
		while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
			Step step = this.workload.next(random);
			Reply reply = this.client.send(step.request());
			this.tally.record(step, reply);
			if (reply.succeeded()) {
				this.workload.recorded(step);
			}
			else if (reply.status() == 0) {
				pause();
			}
		}
	}

	private static void pause() {
		try {
			Thread.sleep(PAUSE_AFTER_NO_ANSWER_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/** Requests done, the rate since the previous line, and errors so far. */
	private final class ProgressLine implements Runnable {

		private final long start;

		private final PrintStream out;

		private long previousRequests;

		private long previousAt;

		ProgressLine(long start, PrintStream out) {
			this.start = start;
			this.out = out;
			this.previousAt = start;
		}

		@Override
		public void run() {
			long now = System.nanoTime();
			long requests = LoadRun.this.tally.requests();
			double seconds = (now - this.previousAt) / 1e9;
			this.out.println(LoadReport.progress(Duration.ofNanos(now - this.start), requests,
					(requests - this.previousRequests) / seconds, LoadRun.this.tally.errors()));
			this.previousRequests = requests;
			this.previousAt = now;
		}

	}

}
