package dev.provenant.store;

import java.time.Duration;

import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver's pool keeps each connection acquisition, with its observations, until the
 * acquisition timeout has passed, whether or not the connection came at once: the timeout
 * bounds how many seconds of acquisitions the heap holds.
 */
class DriverPoolIT extends GraphQlIT {

	@Autowired
	private Neo4jProperties neo4j;

	@Test
	void aConnectionAcquisitionIsKeptForSecondsNotAMinute() {
		assertThat(this.neo4j.getPool().getConnectionAcquisitionTimeout())
			.as("spring.neo4j.pool.connection-acquisition-timeout (application.yaml), against the driver's 60 s")
			.isEqualTo(Duration.ofSeconds(10));
	}

}
