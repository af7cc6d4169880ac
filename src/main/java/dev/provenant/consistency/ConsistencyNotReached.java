package dev.provenant.consistency;

import java.time.Duration;

/** This instance did not catch up to a client's token within the wait. */
final class ConsistencyNotReached extends RuntimeException {

	ConsistencyNotReached(long sequence, Duration wait) {
		super("This instance has not caught up to the consistency token (audit sequence " + sequence + ") within "
				+ wait.toMillis() + " ms (provenant.consistency.wait); try again, or another instance");
	}

}
