package dev.provenant.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a principal may do. Admin may do everything; the others are independent. */
public enum Role {

	/**
	 * All graph queries: nodes, lineage, blast radius, rollback scope, governance,
	 * signals.
	 */
	READER,
	/** Ingest records, except governance records (policies, approvers). */
	WRITER,
	/**
	 * Ingest governance records too: policies, approvers and approvers' roles. Kept apart
	 * from writer, so that the agent being governed cannot write the rules that govern
	 * it.
	 */
	GOVERNOR,
	/** Review pending decisions, as the approver the principal stands for. */
	REVIEWER,
	/** Quarantine, release, mark actions rolled back. */
	OPERATOR,
	/** The audit log, its verification, and point-in-time reads. */
	AUDITOR,
	/** Everything, including the actuator endpoints other than health. */
	ADMIN;

	public GrantedAuthority authority() {
		return new SimpleGrantedAuthority("ROLE_" + name());
	}

	/** The role a configuration or token names, in any case; empty when it names none. */
	public static Optional<Role> named(String name) {
		String wanted = name.trim().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(role -> role.name().equals(wanted)).findFirst();
	}

}
