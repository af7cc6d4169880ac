package dev.provenant.security;

import dev.provenant.api.Forbidden;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The approver a reviewer acts as: the one {@code provenant.security.approvers} maps its
 * principal to, else the approver whose id is the principal's name. A reviewer cannot
 * review in someone else's name; an admin may, and the audit log records the admin as the
 * actor.
 */
@Component
public class ApproverIdentity {

	private final AccessProperties access;

	ApproverIdentity(AccessProperties access) {
		this.access = access;
	}

	/**
	 * The approver id to record for this caller, given the one it asked for (or none).
	 */
	public String actingAs(Authentication caller, String requested) {
		String own = this.access.approvers().getOrDefault(caller.getName(), caller.getName());
		if (requested == null || requested.equals(own)) {
			return own;
		}
		if (caller.getAuthorities().stream().anyMatch(a -> a.equals(Role.ADMIN.authority()))) {
			return requested;
		}
		throw new Forbidden("Principal '" + caller.getName() + "' reviews as approver '" + own
				+ "' and may not review as '" + requested + "'");
	}

}
