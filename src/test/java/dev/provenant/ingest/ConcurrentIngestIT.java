package dev.provenant.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.Story;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers racing with the same records: every call succeeds, each record is created
 * exactly once, and the others count it as unchanged (the unique id constraint turns the
 * race into a retry, not an error or a duplicate). Readers see a batch whole or not at
 * all.
 */
class ConcurrentIngestIT extends GraphQlIT {

	@Test
	void racingIdenticalBatchesCreateEachRecordOnce() throws Exception {
		Story story = story().dataSource("crm").feature("f", "crm");
		for (int i = 0; i < 50; i++) {
			story.decision("d" + i, "2026-11-01T10:00:00Z", "f");
		}
		int writers = 6;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				calls.add(() -> story.ingest(this.graphQl).path("ingest.created").entity(Integer.class).get());
			}
			int created = 0;
			for (Future<Integer> result : pool.invokeAll(calls)) {
				created += result.get();
			}
			assertThat(created).isEqualTo(52);
		}
		finally {
			pool.shutdownNow();
		}
		try (var session = this.driver.session()) {
			long stored = session
				.run("MATCH (n:Node) WHERE n.id STARTS WITH $prefix RETURN count(n) AS c",
						java.util.Map.of("prefix", story.id("")))
				.single()
				.get("c")
				.asLong();
			long edges = session
				.run("MATCH (n:Node)-[r]->() WHERE n.id STARTS WITH $prefix RETURN count(r) AS c",
						java.util.Map.of("prefix", story.id("")))
				.single()
				.get("c")
				.asLong();
			assertThat(stored).isEqualTo(52);
			assertThat(edges).isEqualTo(51);
		}
	}

	@Test
	void overlappingBatchesShareTheirCommonRecordsWithoutConflictOrDuplicate() throws Exception {
		Story first = story().dataSource("crm").feature("f", "crm");
		Story second = story().dataSource("crm").feature("f", "crm");
		for (int i = 0; i < 40; i++) {
			(i < 30 ? first : second).decision("d" + i, "2026-11-01T10:00:00Z", "f");
			if (i >= 20 && i < 30) {
				second.decision("d" + i, "2026-11-01T10:00:00Z", "f");
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Story story = (i % 2 == 0) ? first : second;
				calls.add(() -> story.ingest(this.graphQl).path("ingest.created").entity(Integer.class).get());
			}
			int created = 0;
			for (Future<Integer> result : pool.invokeAll(calls)) {
				created += result.get();
			}
			assertThat(created).isEqualTo(42);
		}
		finally {
			pool.shutdownNow();
		}
		try (var session = this.driver.session()) {
			assertThat(session
				.run("MATCH (n:Node) WHERE n.id STARTS WITH $prefix RETURN count(n) AS c",
						java.util.Map.of("prefix", first.id("")))
				.single()
				.get("c")
				.asLong()).isEqualTo(42);
		}
	}

	@Test
	void readersDuringWritesNeverSeeHalfABatch() throws Exception {
		story().dataSource("crm").ingest(this.graphQl);
		int initial = downstreamOfCrm();
		int batches = 15;
		int perBatch = 11;
		java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<List<Integer>> seen = pool.submit(() -> {
				List<Integer> counts = new ArrayList<>(List.of(initial));
				while (writing.get()) {
					counts.add(downstreamOfCrm());
				}
				return counts;
			});
			for (int b = 0; b < batches; b++) {
				Story batch = story().feature("f" + b, "crm");
				for (int d = 0; d < perBatch - 1; d++) {
					batch.decision("b" + b + "d" + d, "2026-11-01T10:00:00Z", "f" + b);
				}
				batch.ingest(this.graphQl);
			}
			writing.set(false);
			List<Integer> counts = seen.get();
			int before = counts.get(0);
			assertThat(downstreamOfCrm()).isEqualTo(before + batches * perBatch);
			assertThat(counts)
				.allSatisfy(count -> assertThat((count - before) % perBatch).as("nodes seen: %d", count).isZero());
		}
		finally {
			writing.set(false);
			pool.shutdownNow();
		}
	}

	/** One traversal statement: what the reader sees of the batches at one moment. */
	private int downstreamOfCrm() {
		return this.graphQl.documentName("lineage")
			.variable("id", id("crm"))
			.variable("direction", "DOWNSTREAM")
			.variable("depth", 2)
			.execute()
			.path("lineage.nodes")
			.entityList(Object.class)
			.get()
			.size();
	}

}
