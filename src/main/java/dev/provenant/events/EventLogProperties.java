package dev.provenant.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often an instance looks for events committed through the others
 * (its own it reads at once after they commit)
 * @param retention how long the event log keeps an event for subscribers that resume
 * after a cursor
 */
@ConfigurationProperties("provenant.events")
public record EventLogProperties(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("7d") Duration retention) {

	public EventLogProperties {
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("provenant.events.poll-interval must be positive, got " + pollInterval);
		}
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("provenant.events.retention must be positive, got " + retention);
		}
	}

}
