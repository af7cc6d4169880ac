package dev.provenant.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Instances starting together on one database: one migrates, the others wait for its lock
 * instead of failing; a lock nobody releases stops the start with what to do.
 */
// A store of its own: the lock taken here must not hold up other tests' contexts.
@TestPropertySource(properties = "provenant.test.store=migrations-lock")
class SchemaMigrationsIT extends GraphQlIT {

	@Test
	void anInstanceWaitsWhileAnotherHoldsTheMigrationsLock() throws Exception {
		takeLock();
		CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> new SchemaMigrations(this.driver));
		Thread.sleep(1500);
		assertThat(starting).as("waiting for the lock").isNotDone();
		this.driver.executableQuery("MATCH (l:__Neo4jMigrationsLock) DELETE l").execute();
		starting.get(60, TimeUnit.SECONDS);
	}

	@Test
	void aLockNobodyReleasesStopsTheStartSayingWhatToDo() {
		takeLock();
		try {
			assertThatIllegalStateException().isThrownBy(() -> new SchemaMigrations(this.driver, Duration.ofSeconds(2)))
				.withMessageContaining("delete the (:__Neo4jMigrationsLock) node");
		}
		finally {
			this.driver.executableQuery("MATCH (l:__Neo4jMigrationsLock) DELETE l").execute();
		}
	}

	private void takeLock() {
		this.driver.executableQuery("CREATE (:__Neo4jMigrationsLock {id: randomUUID(), name: 'John Doe'})").execute();
	}

}
