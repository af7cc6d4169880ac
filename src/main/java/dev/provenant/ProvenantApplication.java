package dev.provenant;

import java.time.Clock;
import java.util.Arrays;

import dev.provenant.bench.BenchCommand;
import dev.provenant.load.LoadCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.neo4j.autoconfigure.observation.Neo4jObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Provenant: provenance of AI decisions, kept as a graph in Neo4j and served over
 * GraphQL. Scheduling runs the periodic checks (overdue reviews, webhook retries).
 * <p>
 * The Neo4j driver's observations are left off: each connection acquisition keeps its
 * observation, and through its parent the GraphQL field being fetched (its answer, its
 * source object, the request's data loaders), in the pool's acquisition-timeout task,
 * which stays queued until the timeout (60 s) has passed, however soon the connection
 * came. Under load that held every answer of the last minute, far beyond the bounded
 * caches (a heap dump showed 21.5M blast-radius entries on a store of 116k). Requests,
 * GraphQL fields and statements are still observed and counted by the service's own
 * metrics.
 */
@SpringBootApplication(exclude = Neo4jObservationAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class ProvenantApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "load".equals(args[0])) {
			System.exit(LoadCommand.run(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && "bench".equals(args[0])) {
			System.exit(BenchCommand.run(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(ProvenantApplication.class, args);
	}

	/**
	 * Server time for recordedAt and rollbacks; UTC so that stored times read the same
	 * everywhere.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
