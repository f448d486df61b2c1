package org.cityops.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a machine client by its {@code X-API-Key} header. The client gets one
 * authority per scope ({@code SCOPE_hotline}) and no staff role; a request outside its
 * scopes is refused by the authorization rule, a wrong key at once with 401.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "X-API-Key";

	/** The prefix of a sensors key's authorities naming what it posts for. */
	static final String SENSORS_FOR = org.cityops.shared.Access.SENSORS_FOR;

	private final ApiClients clients;

	private final AuthenticationEntryPoint entryPoint;

	ApiKeyFilter(ApiClients clients, AuthenticationEntryPoint entryPoint) {
		this.clients = clients;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		var client = this.clients.authenticate(key.trim());
		if (client.isEmpty()) {
			this.entryPoint.commence(request, response,
					new BadCredentialsException("Unknown or revoked API key; ask an administrator for a key"));
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(new ClientAuthentication(client.get()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** A machine client, authenticated by its key. */
	static final class ClientAuthentication extends AbstractAuthenticationToken {

		private final ApiClients.Client client;

		ClientAuthentication(ApiClients.Client client) {
			super(authorities(client));
			this.client = client;
			setAuthenticated(true);
		}

		/**
		 * One authority per scope, and for a sensors key one per device or gateway it
		 * posts for ({@code SENSORS_FOR_<id>}, {@code SENSORS_FOR_*} for every device).
		 */
		private static List<SimpleGrantedAuthority> authorities(ApiClients.Client client) {
			List<SimpleGrantedAuthority> out = new java.util.ArrayList<>();
			client.scopes().forEach((s) -> out.add(new SimpleGrantedAuthority("SCOPE_" + s)));
			client.devices().forEach((d) -> out.add(new SimpleGrantedAuthority(SENSORS_FOR + d)));
			return out;
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return this.client;
		}

		@Override
		public String getName() {
			return "api:" + this.client.name();
		}

		ApiClients.Client client() {
			return this.client;
		}

		List<String> scopes() {
			return this.client.scopes();
		}

	}

}
