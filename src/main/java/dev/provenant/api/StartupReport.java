package dev.provenant.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the service where to find it, once it is ready to answer. */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	/**
	 * Last of the ready listeners: what the service prints before it is the generated
	 * key, if any.
	 */
	@EventListener
	@Order(Ordered.LOWEST_PRECEDENCE)
	void ready(ApplicationReadyEvent event) {
		Environment env = event.getApplicationContext().getEnvironment();
		String base = "http://localhost:" + env.getProperty("local.server.port", "8080");
		log.info("Provenant is ready: GraphQL {}/graphql, GraphiQL {}/graphiql, health {}/actuator/health", base, base,
				base);
	}

}
