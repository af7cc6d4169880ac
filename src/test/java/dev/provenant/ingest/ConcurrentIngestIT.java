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
 * race into a retry, not an error or a duplicate).
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

}
