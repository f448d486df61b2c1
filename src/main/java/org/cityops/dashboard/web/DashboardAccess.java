package org.cityops.dashboard.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;

/** Who may do what on the dashboard's pages and API. */
final class DashboardAccess {

	private DashboardAccess() {
	}

	/** The account's role ({@code ROLE_…}), or null for a machine key. */
	static String role(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith("ROLE_"))
			.findFirst()
			.orElse(null);
	}

	/** The operations centre and administrators make (and make again) monthly reports. */
	static boolean makesReports(Authentication authentication) {
		String role = role(authentication);
		return "ROLE_ADMIN".equals(role) || "ROLE_OPERATOR".equals(role);
	}

	static void requireReportMaker(Authentication authentication) {
		if (!makesReports(authentication)) {
			throw problem(HttpStatus.FORBIDDEN, "The operations centre or an administrator makes reports");
		}
	}

	static ErrorResponseException problem(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

}
