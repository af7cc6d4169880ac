package dev.provenant.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;

/**
 * Tells a page who is asking, so that it offers only the actions the caller may take (the
 * service refuses the others anyway). Readers may ask: the page is for them.
 */
@Controller
class ViewerController {

	private final RoleHierarchy roles;

	ViewerController(RoleHierarchy roles) {
		this.roles = roles;
	}

	@ForReaders
	@QueryMapping
	Viewer viewer(Authentication caller) {
		Set<String> held = this.roles.getReachableGrantedAuthorities(caller.getAuthorities())
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		List<String> named = Arrays.stream(Role.values())
			.filter(role -> held.contains(role.authority().getAuthority()))
			.map(Role::name)
			.toList();
		return new Viewer(caller.getName(), named);
	}

}
