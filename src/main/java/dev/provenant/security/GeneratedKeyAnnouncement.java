package dev.provenant.security;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Shows a generated admin key once the service is ready, just before the ready line
 * (which is the last of the ready listeners), so that it is not lost among the startup
 * logs.
 */
@Component
class GeneratedKeyAnnouncement {

	private final ApiKeys keys;

	GeneratedKeyAnnouncement(ApiKeys keys) {
		this.keys = keys;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE - 1)
	void announce() {
		this.keys.announceGeneratedKey();
	}

}
