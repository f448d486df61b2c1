package org.cityops.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in attempt (the form's POST /login, or an HTTP Basic header) of an account
 * or address that must still wait ({@link SignIns}), before its password is looked at:
 * the form says how long, the API answers 429 with Retry-After.
 */
class SignInThrottle extends OncePerRequestFilter {

	private final SignIns signIns;

	private final ObjectMapper json;

	SignInThrottle(SignIns signIns, ObjectMapper json) {
		this.signIns = signIns;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
		String username = form ? request.getParameter("username") : basicUser(request.getHeader("Authorization"));
		if (username != null) {
			Duration wait = this.signIns.waitFor(username, request.getRemoteAddr());
			if (!wait.isZero()) {
				long seconds = Math.max(1, wait.toSeconds() + ((wait.toMillis() % 1000 > 0) ? 1 : 0));
				this.signIns.throttled(username, request.getRemoteAddr(), form ? "FORM" : "BASIC");
				if (form) {
					response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds);
					return;
				}
				response.setHeader("Retry-After", String.valueOf(seconds));
				ProblemResponses.write(this.json, request, response, HttpStatus.TOO_MANY_REQUESTS, ProblemDetail
					.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
							"Too many failed sign-ins for this account or address; try again in " + seconds + " s"));
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** The user name of an HTTP Basic header, or null. */
	static String basicUser(String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon > 0) ? decoded.substring(0, colon) : null;
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
	}

}
