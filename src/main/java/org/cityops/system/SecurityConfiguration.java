package org.cityops.system;

import java.io.IOException;
import java.net.URI;

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
import org.springframework.http.MediaType;
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
	SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ApiClients clients) throws Exception {
		AuthenticationEntryPoint badKey = (request, response, ex) -> problem(json, request, response,
				HttpStatus.UNAUTHORIZED, ex.getMessage());
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(
					(requests) -> requests.anyRequest().access(SecurityConfiguration::staffOrScopedClient))
			.addFilterBefore(new ApiKeyFilter(clients, badKey), BasicAuthenticationFilter.class)
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> problem(json, request,
					response, HttpStatus.UNAUTHORIZED, "Sign in with a staff account (HTTP Basic) to use the API")))
			.csrf((csrf) -> csrf.ignoringRequestMatchers((request) -> request.getHeader("Authorization") != null
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
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.headers((headers) -> headers.frameOptions(Customizer.withDefaults()))
			.build();
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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"CityOps\"");
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

}
