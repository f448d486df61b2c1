package org.cityops.cases.web;

import org.cityops.cases.Actor;
import org.cityops.cases.CaseManagement;
import org.cityops.shared.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in user as an {@link Actor}: name, role and (from the organisation)
 * department and scope.
 */
final class Actors {

	private Actors() {
	}

	static Actor of(Authentication authentication, CaseManagement cases) {
		Role role = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith("ROLE_"))
			.map((a) -> Role.valueOf(a.substring(5)))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Signed in without a role"));
		return cases.actor(authentication.getName(), role);
	}

}
