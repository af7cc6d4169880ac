package dev.provenant.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sequencer alone, with a commit that records its groups instead of a transaction:
 * writes waiting together go in one group, in arrival order, up to the bound; each caller
 * gets its own result or failure.
 */
class WriteSequencerTests {

	@Test
	void writesWaitingWhileAGroupCommitsGoTogetherInTheNextUpToTheBound() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
		try (WriteSequencer sequencer = new WriteSequencer(4, group -> {
			List<Integer> values = new ArrayList<>();
			for (WriteSequencer.Request<?> request : group) {
				Integer value = (Integer) request.apply(null);
				values.add(value);
				request.complete(value * 10);
			}
			groups.add(values);
			if (values.contains(0)) {
				firstStarted.countDown();
				await(release);
			}
		})) {
			ExecutorService writers = Executors.newFixedThreadPool(11);
			try {
				Future<Integer> first = writers.submit(() -> sequencer.submit(tx -> 0));
				assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
				List<Future<Integer>> waiting = new ArrayList<>();
				for (int i = 1; i <= 10; i++) {
					int value = i;
					waiting.add(writers.submit(() -> sequencer.submit(tx -> value)));
				}
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
				while (sequencer.waiting() < 10 && System.nanoTime() < deadline) {
					Thread.sleep(10);
				}
				assertThat(sequencer.waiting()).isEqualTo(10);
				release.countDown();
				assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
				for (int i = 0; i < waiting.size(); i++) {
					assertThat(waiting.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((i + 1) * 10);
				}
			}
			finally {
				writers.shutdownNow();
			}
		}
		assertThat(groups.get(0)).containsExactly(0);
		assertThat(groups.subList(1, groups.size())).as("the ten that waited, in groups of at most four")
			.hasSize(3)
			.allSatisfy(group -> assertThat(group).hasSizeLessThanOrEqualTo(4));
		assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(11);
	}

	@Test
	void eachCallerGetsItsOwnFailure() {
		try (WriteSequencer sequencer = new WriteSequencer(8, group -> group.forEach(request -> {
			try {
				request.complete(request.apply(null));
			}
			catch (RuntimeException ex) {
				request.outcome().completeExceptionally(ex);
			}
		}))) {
			String fine = sequencer.submit(tx -> "fine");
			assertThat(fine).isEqualTo("fine");
			assertThatThrownBy(() -> sequencer.submit(tx -> {
				throw new IllegalArgumentException("bad write");
			})).isInstanceOf(IllegalArgumentException.class).hasMessage("bad write");
		}
	}

	@Test
	void aClosedSequencerTakesNoWrite() {
		WriteSequencer sequencer = new WriteSequencer(8, group -> group.forEach(request -> request.complete(null)));
		sequencer.close();
		assertThatIllegalStateException().isThrownBy(() -> sequencer.submit(tx -> 1))
			.withMessageContaining("shutting down");
	}

	@Test
	void theSequencerKnowsItsOwnThreadSoANestedWriteDoesNotWaitForItself() {
		WriteSequencer[] self = new WriteSequencer[1];
		try (WriteSequencer sequencer = new WriteSequencer(8,
				group -> group.forEach(request -> request.complete(self[0].isSequencerThread())))) {
			self[0] = sequencer;
			assertThat(sequencer.isSequencerThread()).isFalse();
			Object onItsThread = sequencer.submit(tx -> null);
			assertThat(onItsThread).isEqualTo(true);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
