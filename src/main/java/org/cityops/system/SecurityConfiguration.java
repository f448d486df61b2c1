package org.cityops.system;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import java.util.function.Supplier;

/**
 * Staff sign in with a form for pages; machines and scripts use HTTP Basic on
 * {@code /api/**}. Pages that call the API from the browser use their session and send
 * the CSRF token; Basic-authenticated calls need none.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String[] PUBLIC = { "/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
			"/error", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs.yaml",
			"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	AuthenticationProvider staffAuthentication(StaffAccounts accounts, PasswordEncoder passwordEncoder,
			@Value("${cityops.security.credential-cache:60s}") Duration ttl, Clock clock) {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
		dao.setPasswordEncoder(passwordEncoder);
		return new CachedCredentials(dao, ttl, clock);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ApiClients clients, SignIns signIns,
			@Value("${cityops.map.tile-url:}") String tileUrl) throws Exception {
		AuthenticationEntryPoint badKey = (request, response, ex) -> problem(json, request, response,
				HttpStatus.UNAUTHORIZED, ex.getMessage());
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(
					(requests) -> requests.anyRequest().access(SecurityConfiguration::staffOrScopedClient))
			.addFilterBefore(new ApiKeyFilter(clients, badKey), BasicAuthenticationFilter.class)
			.addFilterBefore(new SignInThrottle(signIns, json), BasicAuthenticationFilter.class)
			.headers((headers) -> browserHeaders(headers, tileUrl))
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> problem(json, request,
					response, HttpStatus.UNAUTHORIZED, "Sign in with a staff account (HTTP Basic) to use the API")))
			// a request that signs in by itself (Basic, API key) needs no CSRF token; any
			// other,
			// a cookie session's, does, whatever other headers it carries
			.csrf((csrf) -> csrf.ignoringRequestMatchers(
					(request) -> SignInThrottle.basicUser(request.getHeader("Authorization")) != null
							|| request.getHeader(ApiKeyFilter.HEADER) != null))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint((request, response, ex) -> problem(json, request, response,
						HttpStatus.UNAUTHORIZED, "Sign in with a staff account (HTTP Basic) to use the API"))
				.accessDeniedHandler((request, response, ex) -> problem(json, request, response, HttpStatus.FORBIDDEN,
						"Your role may not do this. Ask an administrator if you need it.")))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, SignIns signIns, ObjectMapper json,
			@Value("${cityops.map.tile-url:}") String tileUrl) throws Exception {
		return http
			.addFilterBefore(new SignInThrottle(signIns, json),
					org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.headers((headers) -> browserHeaders(headers, tileUrl))
			.build();
	}

	/**
	 * No script, style or frame but the platform's own (no inline script anywhere: page
	 * behaviour lives in /js files), images also from the configured map tiles; no
	 * referrer sent elsewhere; the phone's location for the report form, no camera,
	 * microphone or payment access.
	 */
	private static void browserHeaders(
			org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers,
			String tileUrl) {
		headers.frameOptions(Customizer.withDefaults())
			.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
					+ "style-src 'self'; img-src 'self' data: blob:" + tileSource(tileUrl) + "; connect-src 'self'; "
					+ "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"))
			.referrerPolicy((referrer) -> referrer.policy(
					org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader((permissions) -> permissions
				.policy("geolocation=(self), camera=(), microphone=(), payment=(), usb=()"));
	}

	/**
	 * The origin of a tile URL template
	 * ({@code https://{s}.tile.example.org/{z}/{x}/{y}.png}).
	 */
	static String tileSource(String tileUrl) {
		if (tileUrl == null || tileUrl.isBlank()) {
			return "";
		}
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(https?://[^/]+)").matcher(tileUrl.trim());
		return m.find() ? " " + m.group(1).replace("{s}", "*") : "";
	}

	/**
	 * Staff may call any API (each endpoint checks the role); a machine client only the
	 * paths of its scopes.
	 */
	private static AuthorizationDecision staffOrScopedClient(Supplier<Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication a = authentication.get();
		if (a instanceof ApiKeyFilter.ClientAuthentication client) {
			return new AuthorizationDecision(client.client().mayCall(context.getRequest().getRequestURI()));
		}
		return new AuthorizationDecision(
				a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken));
	}

	private static void problem(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
			HttpStatus status, String detail) throws IOException {
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"CityOps\"");
		}
		ProblemResponses.write(json, request, response, status, ProblemDetail.forStatusAndDetail(status, detail));
	}

}
