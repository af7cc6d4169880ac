package dev.provenant.consistency;

import java.time.Duration;

import dev.provenant.audit.AuditLog;
import dev.provenant.dependency.DependencyIndex;
import dev.provenant.signing.ServiceKey;
import dev.provenant.store.GraphStore;

import org.springframework.stereotype.Component;

/**
 * Issues consistency tokens for what this instance has committed, and waits for the state
 * a token names before a request that sends one is answered.
 */
@Component
public class Consistency {

	private static final Duration POLL = Duration.ofMillis(20);

	private final GraphStore store;

	private final AuditLog audit;

	private final DependencyIndex index;

	private final ServiceKey key;

	private final ConsistencyProperties properties;

	Consistency(GraphStore store, AuditLog audit, DependencyIndex index, ServiceKey key,
			ConsistencyProperties properties) {
		this.store = store;
		this.audit = audit;
		this.index = index;
		this.key = key;
		this.properties = properties;
	}

	/**
	 * The last token issued: the writes of one group commit are answered with the same
	 * state, so they share one signature.
	 */
	private volatile ConsistencyToken.Issued lastIssued;

	/**
	 * Tokens verified lately, by their text: the writers that were answered together send
	 * the same token back, and a text that verified once verifies again. Bounded, so that
	 * no caller can grow it.
	 */
	private final com.github.benmanes.caffeine.cache.Cache<String, ConsistencyToken> verified = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.maximumSize(1024)
		.build();

	/** A token for everything this instance has seen committed so far. */
	public String token() {
		ConsistencyToken token = new ConsistencyToken(
				Math.max(0, Math.max(this.audit.committedSequence(), this.index.sequence())), this.store.bookmarks());
		ConsistencyToken.Issued last = this.lastIssued;
		if (last != null && last.token().equals(token)) {
			return last.text();
		}
		String text = token.encode(this.key);
		this.lastIssued = new ConsistencyToken.Issued(token, text);
		return text;
	}

	/**
	 * Returns once this instance's reads include everything up to the token: its database
	 * reads (the token's bookmarks, then the audit head) and, when built, its dependency
	 * index.
	 * @throws InvalidConsistencyToken when the text is not a token this service issued
	 * @throws ConsistencyNotReached when that takes longer than
	 * {@code provenant.consistency.wait}
	 */
	public void await(String text) {
		ConsistencyToken token = this.verified.getIfPresent(text);
		if (token == null) {
			token = ConsistencyToken.decode(text, this.key).orElseThrow(InvalidConsistencyToken::new);
			this.verified.put(text, token);
		}
		if (this.index.ready() && this.index.sequence() >= token.sequence()) {
			// There already, without a round trip: the index read that far, and every
			// read of this instance comes after the reads that took it there (one
			// bookmark manager).
			return;
		}
		long deadline = System.nanoTime() + this.properties.getWait().toNanos();
		long head = this.store.readAfter(token.bookmarks(), this.index::head);
		while (head < token.sequence()) {
			// no bookmark to wait on (or a store that ignores them): look again
			pauseUntil(deadline, token);
			head = this.store.read(this.index::head);
		}
		while (this.index.ready() && !this.index.reach(token.sequence())) {
			pauseUntil(deadline, token);
		}
	}

	private void pauseUntil(long deadline, ConsistencyToken token) {
		if (System.nanoTime() >= deadline) {
			throw new ConsistencyNotReached(token.sequence(), this.properties.getWait());
		}
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConsistencyNotReached(token.sequence(), this.properties.getWait());
		}
	}

}
