package dev.provenant.consistency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code provenant.consistency.*}. A class rather than a record: a record cannot have a
 * component named {@code wait}.
 */
@ConfigurationProperties("provenant.consistency")
public class ConsistencyProperties {

	/**
	 * How long a request that sends a consistency token waits for this instance to catch
	 * up to it before it is refused as UNAVAILABLE.
	 */
	private Duration wait = Duration.ofSeconds(5);

	public Duration getWait() {
		return this.wait;
	}

	public void setWait(Duration wait) {
		if (wait == null || wait.isNegative()) {
			throw new IllegalArgumentException("provenant.consistency.wait must not be negative, got " + wait);
		}
		this.wait = wait;
	}

}
