package org.cityops.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell around every module: sign-in, languages, health and metrics, the API
 * description, and the database it all runs on.
 */
// the application's own embedded PostgreSQL, whose settings one of the tests checks
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cityops.test.shared-database=false")
@AutoConfigureObservability
class WebShellTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	@Test
	void pagesAskStrangersToSignIn() {
		// the client follows the redirect, so a stranger asking for the map ends on the
		// sign-in form
		String page = this.rest.getForObject("/grid", String.class);
		assertThat(page).contains("name=\"username\"").contains("name=\"password\"").doesNotContain("id=\"map\"");
	}

	@Test
	void speaksChineseFirstAndEnglishOnRequest() {
		assertThat(this.rest.getForObject("/login", String.class)).contains("登录").contains("用户名");
		ResponseEntity<String> english = this.rest.getForEntity("/login?lang=en", String.class);
		assertThat(english.getBody()).contains("Sign in").contains("Username");
		assertThat(english.getHeaders().get(HttpHeaders.SET_COOKIE))
			.anySatisfy((c) -> assertThat(c).startsWith("cityops-lang=en"));
	}

	@Test
	void everyDemoAccountCanSignInWithItsRole() {
		for (String user : new String[] { "admin", "operator", "inspector", "handler", "committee", "leader" }) {
			assertThat(this.rest.withBasicAuth(user, "cityops-demo")
				.getForEntity("/api/v1/grid/units", String.class)
				.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
		}
		String hash = this.jdbc.sql("select password_hash from staff_account where username = 'operator'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$2a$").doesNotContain("cityops-demo");
	}

	@Test
	void healthAndPrometheusAreServed() {
		assertThat(this.rest.getForObject("/actuator/health", JsonNode.class).path("status").asText()).isEqualTo("UP");
		assertThat(this.rest.getForObject("/actuator/prometheus", String.class)).contains("jvm_memory_used_bytes")
			.contains("hikaricp_connections");
	}

	@Test
	void theApiIsDescribedByOpenApi() {
		JsonNode docs = this.rest.getForObject("/v3/api-docs", JsonNode.class);
		assertThat(docs.path("paths").has("/api/v1/grid/locate")).isTrue();
		assertThat(docs.path("paths").has("/api/v1/grid/geocode")).isTrue();
		assertThat(docs.path("paths").has("/api/v1/grid/import")).isTrue();
		assertThat(docs.path("components").path("securitySchemes").has("basic")).isTrue();
		assertThat(this.rest.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void theEmbeddedDatabaseKeepsCommitsDurableAndListensOnLoopbackOnly() {
		assertThat(this.jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
		assertThat(this.jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
		assertThat(this.jdbc.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
		assertThat(this.jdbc.sql("select current_setting('server_version_num')::int / 10000")
			.query(Integer.class)
			.single()).isEqualTo(17);
	}

}
