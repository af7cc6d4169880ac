package dev.provenant.store;

import java.util.List;

import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Config;
import org.neo4j.driver.Logging;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver logs through SLF4J, which formats only what it logs: its default formats
 * every Bolt message it sends, parameters included, before finding debug is off.
 */
class DriverLoggingIT extends GraphQlIT {

	@Autowired
	private List<ConfigBuilderCustomizer> customizers;

	@Test
	void theDriverIsConfiguredToLogThroughSlf4j() {
		Config.ConfigBuilder builder = Config.builder();
		this.customizers.forEach(customizer -> customizer.customize(builder));
		Logging logging = builder.build().logging();
		assertThat(logging).isInstanceOf(Logging.slf4j().getClass());
		assertThat(logging.getLog("org.neo4j.driver").isDebugEnabled())
			.as("debug is off for the driver (application.yaml), so nothing is formatted for it")
			.isFalse();
	}

}
