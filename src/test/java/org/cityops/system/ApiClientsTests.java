package org.cityops.system;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Machine clients: an administrator makes one, its key (shown once, stored only as a
 * hash) opens its scope's API and nothing else, and revoking it shuts it out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiClientsTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	ResponseEntity<JsonNode> withKey(String key, String url) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-API-Key", key);
		return this.rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
	}

	@Test
	void aKeyOpensItsScopeUntilItIsRevoked() {
		ResponseEntity<JsonNode> created = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/system/api-clients", Map.of("name", "hotline-test", "scopes", List.of("hotline")),
					JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String key = created.getBody().path("key").asText();
		long id = created.getBody().path("client").path("id").asLong();
		assertThat(key).startsWith("co_").hasSizeGreaterThan(40);
		assertThat(this.jdbc.sql("select count(*) from api_client where key_hash = ?")
			.param(ApiClients.hash(key))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from api_client a where encode(a.key_hash, 'escape') like ?")
			.param("%" + key + "%")
			.query(Long.class)
			.single()).isZero();

		assertThat(withKey(key, "/api/v1/hotline/orders").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(withKey(key, "/api/v1/grid/units").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(withKey(key, "/api/v1/system/api-clients").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		JsonNode list = this.rest.withBasicAuth("admin", "cityops-demo")
			.getForObject("/api/v1/system/api-clients", JsonNode.class);
		assertThat(list.toString()).contains("hotline-test").doesNotContain(key);

		this.rest.withBasicAuth("admin", "cityops-demo").delete("/api/v1/system/api-clients/" + id);
		ResponseEntity<JsonNode> revoked = withKey(key, "/api/v1/hotline/orders");
		assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(revoked.getBody().path("detail").asText()).contains("Unknown or revoked API key");
	}

	@Test
	void onlyAnAdministratorGivesKeysAndBadRequestsAreExplained() {
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.postForEntity("/api/v1/system/api-clients", Map.of("name", "x-client", "scopes", List.of("hotline")),
					JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> badScope = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/system/api-clients", Map.of("name", "x-client", "scopes", List.of("cases")),
					JsonNode.class);
		assertThat(badScope.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badScope.getBody().path("detail").asText()).contains("scopes");
		ResponseEntity<JsonNode> badName = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/system/api-clients", Map.of("name", "Bad Name", "scopes", List.of("hotline")),
					JsonNode.class);
		assertThat(badName.getBody().path("detail").asText()).contains("lower-case");
	}

}
