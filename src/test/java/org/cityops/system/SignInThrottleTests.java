package org.cityops.system;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.cityops.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing passwords costs time: after five failures an account must wait (the clock is
 * held still here, so the wait cannot run out mid-test), even with the right password;
 * every failure and refusal is in the administrator's audit. And the browser is told what
 * a page may load and send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClock.Config.class)
class SignInThrottleTests {

	@Autowired
	TestRestTemplate rest;

	@Test
	void fiveWrongPasswordsMakeTheAccountWaitWhateverThePassword() {
		MutableClock.INSTANCE.set(Instant.parse("2026-12-03T02:00:00Z"));
		for (int i = 0; i < 5; i++) {
			assertThat(cases("committee", "guess" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		ResponseEntity<JsonNode> right = cases("committee", "cityops-demo");
		assertThat(right.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(right.getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(cases("inspector", "cityops-demo").getStatusCode()).as("another account from the same address")
			.isEqualTo(HttpStatus.OK);
		MutableClock.INSTANCE.set(Instant.parse("2026-12-03T02:00:02Z"));
		assertThat(cases("committee", "cityops-demo").getStatusCode()).as("after the wait").isEqualTo(HttpStatus.OK);

		JsonNode audit = this.rest.withBasicAuth("admin", "cityops-demo")
			.getForObject("/api/v1/system/sign-ins?username=committee", JsonNode.class);
		assertThat(audit).extracting((a) -> a.path("outcome").asText()).containsSequence("THROTTLED", "FAILED");
		assertThat(audit).filteredOn((a) -> a.path("outcome").asText().equals("FAILED")).hasSize(5);
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/system/sign-ins", JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void theSignInFormSaysHowLongToWait() {
		MutableClock.INSTANCE.set(Instant.parse("2026-12-03T03:00:00Z"));
		for (int i = 0; i < 5; i++) {
			assertThat(signIn("handler", "guess" + i).getHeaders().getLocation().toString()).contains("/login?error");
		}
		ResponseEntity<String> right = signIn("handler", "cityops-demo");
		assertThat(right.getHeaders().getLocation().toString()).endsWith("/login?wait=1");
		ResponseEntity<String> page = this.rest.getForEntity("/login?wait=1", String.class);
		assertThat(page.getBody()).contains("请 1 秒后再试");
	}

	@Test
	void pagesForbidInlineScriptAndTellTheBrowserWhatTheyMaySend() {
		ResponseEntity<String> login = this.rest.getForEntity("/login", String.class);
		String csp = login.getHeaders().getFirst("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'self'").doesNotContain("unsafe");
		assertThat(login.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(login.getHeaders().getFirst("Permissions-Policy")).contains("camera=()");
		assertThat(login.getHeaders().get(HttpHeaders.SET_COOKIE))
			.anySatisfy((c) -> assertThat(c).contains("SameSite=Lax"));
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/cases", String.class)
			.getHeaders()
			.getFirst("Content-Security-Policy")).isEqualTo(csp);
	}

	@Test
	void aCookieSessionNeedsItsCsrfTokenWhateverOtherHeadersItSends() {
		MutableClock.INSTANCE.set(Instant.parse("2026-12-03T04:00:00Z"));
		ResponseEntity<String> signedIn = signIn("leader", "cityops-demo");
		assertThat(signedIn.getHeaders().getLocation().toString()).doesNotContain("error");
		String session = cookie(signedIn);
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, session);
		headers.add(HttpHeaders.AUTHORIZATION, "Bearer anything");
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> forged = this.rest.exchange("/api/v1/cases/1/supervise", HttpMethod.POST,
				new HttpEntity<>("{\"note\":\"x\"}", headers), String.class);
		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(forged.getBody()).doesNotContain("No case");
	}

	private ResponseEntity<JsonNode> cases(String user, String password) {
		return this.rest.withBasicAuth(user, password).getForEntity("/api/v1/cases?size=1", JsonNode.class);
	}

	/**
	 * Signs in with the form as a browser would (the page's CSRF token and session
	 * first), not following the redirect: answers it, with the session cookie.
	 */
	private ResponseEntity<String> signIn(String user, String password) {
		ResponseEntity<String> page = this.rest.getForEntity("/login", String.class);
		Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.getBody());
		assertThat(token.find()).isTrue();
		String form = "username=" + user + "&password=" + password + "&_csrf=" + token.group(1);
		try {
			java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.rest.getRootUri() + "/login"))
					.header(HttpHeaders.COOKIE, cookie(page))
					.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			HttpHeaders headers = new HttpHeaders();
			r.headers().map().forEach(headers::addAll);
			return new ResponseEntity<>(r.body(), headers, r.statusCode());
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String cookie(ResponseEntity<?> response) {
		List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
		assertThat(cookies).isNotEmpty();
		return cookies.get(0).split(";", 2)[0];
	}

}
