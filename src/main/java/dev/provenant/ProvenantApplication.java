package dev.provenant;

import java.time.Clock;
import java.util.Arrays;

import dev.provenant.bench.BenchCommand;
import dev.provenant.load.LoadCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Provenant: provenance of AI decisions, kept as a graph in Neo4j and served over
 * GraphQL. Scheduling runs the periodic checks (overdue reviews, webhook retries).
 */
@SpringBootApplication
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
