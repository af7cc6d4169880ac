package dev.provenant.audit;

import java.util.List;
import java.util.Map;

import dev.provenant.events.GovernanceEvent;
import dev.provenant.events.GovernanceEvents;
import dev.provenant.store.GraphStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the audit log's signed checkpoint every
 * {@code provenant.audit.checkpoint-interval} as an {@code AUDIT_CHECKPOINT} governance
 * event, so webhook receivers keep a copy outside Provenant without asking. The event id
 * names the checkpoint's sequence: several instances, or an unchanged log, publish it
 * once.
 */
@Component
class CheckpointPublisher {

	private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

	private final GraphStore store;

	private final AuditVerifier verifier;

	private final GovernanceEvents events;

	CheckpointPublisher(GraphStore store, AuditVerifier verifier, GovernanceEvents events) {
		this.store = store;
		this.verifier = verifier;
		this.events = events;
	}

	@Scheduled(initialDelayString = "${provenant.audit.checkpoint-interval:PT1H}",
			fixedDelayString = "${provenant.audit.checkpoint-interval:PT1H}")
	void scheduledPublish() {
		try {
			publish();
		}
		catch (RuntimeException ex) {
			log.warn("Publishing the audit checkpoint failed; trying again at the next interval: {}", ex.toString());
		}
	}

	/** Publishes the current checkpoint, unless the log is empty; returns it. */
	Checkpoint publish() {
		Checkpoint checkpoint = this.verifier.checkpoint();
		if (checkpoint.sequence() == 0) {
			return checkpoint;
		}
		this.store.write(tx -> {
			this.events.record(tx, List.of(event(checkpoint)));
			return null;
		});
		return checkpoint;
	}

	static GovernanceEvent event(Checkpoint checkpoint) {
		return GovernanceEvent.of(GovernanceEvent.Type.AUDIT_CHECKPOINT, Long.toString(checkpoint.sequence()),
				checkpoint.at(), "audit-log",
				Map.of("sequence", checkpoint.sequence(), "hash", checkpoint.hash(), "stateDigest",
						checkpoint.stateDigest(), "at", checkpoint.at().toInstant().toString(), "signature",
						checkpoint.signature()));
	}

}
