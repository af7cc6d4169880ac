package dev.provenant.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may write governance records (policies, approvers and their roles): the governor
 * role and admins, never writers alone.
 */
public final class GovernanceAuthority {

	private GovernanceAuthority() {
	}

	public static boolean mayWrite(Authentication caller) {
		if (caller == null) {
			return false;
		}
		for (GrantedAuthority authority : caller.getAuthorities()) {
			String name = authority.getAuthority();
			if (Role.GOVERNOR.authority().getAuthority().equals(name)
					|| Role.ADMIN.authority().getAuthority().equals(name)) {
				return true;
			}
		}
		return false;
	}

}
