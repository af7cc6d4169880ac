package dev.provenant.audit;

import java.time.OffsetDateTime;

import dev.provenant.api.Connection;
import dev.provenant.security.ForAuditors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class AuditController {

	private final AuditService audit;

	private final AuditVerifier verifier;

	AuditController(AuditService audit, AuditVerifier verifier) {
		this.audit = audit;
		this.verifier = verifier;
	}

	@ForAuditors
	@QueryMapping
	Connection<AuditEvent> auditLog(@Argument OffsetDateTime from, @Argument OffsetDateTime to, @Argument Integer first,
			@Argument String after) {
		return this.audit.log(from, to, first, after);
	}

	@ForAuditors
	@QueryMapping
	Connection<AuditEvent> auditTrail(@Argument String id, @Argument Integer first, @Argument String after) {
		return this.audit.trail(id, first, after);
	}

	@ForAuditors
	@QueryMapping
	AuditVerification verifyAuditLog(@Argument Integer fromSequence, @Argument Integer toSequence,
			@Argument String checkpoint) {
		return this.verifier.verify(fromSequence, toSequence, checkpoint);
	}

	@ForAuditors
	@QueryMapping
	Checkpoint auditCheckpoint() {
		return this.verifier.checkpoint();
	}

}
