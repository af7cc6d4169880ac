package dev.provenant.store;

import org.neo4j.driver.Logging;

import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the Neo4j driver's logging to SLF4J, which checks the level before it formats a
 * line. The driver's default (the JDK's System.Logger) formats every debug line first,
 * and its Bolt layer logs each message it sends with its parameters: every statement's
 * parameters were written out as text, the audit head's state digest in hex among them,
 * and thrown away. That was 1.6% of the service's CPU under one small writer, more with
 * large batches.
 */
@Configuration(proxyBeanMethods = false)
class DriverLogging {

	@Bean
	ConfigBuilderCustomizer driverLogsThroughSlf4j() {
		return builder -> builder.withLogging(Logging.slf4j());
	}

}
