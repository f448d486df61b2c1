package org.cityops.system;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inputs that answered 500, took seconds, or were stored although they meant nothing:
 * each is now a 4xx that says what is wrong, and nothing is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InputBoundsTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	ResponseEntity<JsonNode> get(String user, String url) {
		return this.rest.withBasicAuth(user, "cityops-demo")
			.getForEntity(URI.create(this.rest.getRootUri() + url), JsonNode.class);
	}

	static void refused(ResponseEntity<JsonNode> r, String says) {
		assertThat(r.getStatusCode().is4xxClientError()).as(String.valueOf(r.getBody())).isTrue();
		assertThat(r.getBody().path("detail").asText()).contains(says);
	}

	@Test
	void yearsOutsideTheWindowAndEndlessSpansAreRefused() {
		refused(get("operator", "/api/v1/dashboard/kpis?month=0000-01"), "outside");
		refused(get("operator", "/api/v1/dashboard/kpis?month=-0001-01"), "");
		refused(get("operator", "/api/v1/dashboard/kpis?from=0001-01-01&to=2026-01-01"), "outside");
		refused(get("operator", "/api/v1/dashboard/kpis?from=2001-01-01&to=2026-01-01"), "ten years");
		refused(get("operator", "/api/v1/hotline/kpis?from=0001-01-01&to=2026-01-01"), "outside");
		refused(get("operator", "/api/v1/worktime/between?from=0001-01-01T00:00:00Z&to=2026-12-03T00:00:00Z"),
				"outside");
		refused(get("operator", "/api/v1/worktime/between?from=2000-01-01T00:00:00Z&to=2099-01-01T00:00:00Z"),
				"ten years");
		refused(get("operator", "/api/v1/worktime/calendar?year=0"), "outside");
		refused(get("operator",
				"/api/v1/worktime/deadline?start=2026-12-03T09:00:00%2B08:00&amount=100000&unit=WORKING_DAYS"),
				"amount");
		refused(get("operator", "/api/v1/cases?page=2147483647&size=500"), "page");
		refused(this.rest.withBasicAuth("operator", "cityops-demo")
			.postForEntity("/api/v1/dashboard/reports/0001-01", null, JsonNode.class), "first year");
	}

	@Test
	void nonsenseIsNotStored() {
		long rules = this.jdbc.sql("select count(*) from routing_rule").query(Long.class).single();
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		refused(this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/organization/routing/rules",
					new HttpEntity<>(Map.of("placeCode", "NOPE", "departmentCode", "TP-CGP1"), json), JsonNode.class),
				"No place NOPE");
		assertThat(this.jdbc.sql("select count(*) from routing_rule").query(Long.class).single()).isEqualTo(rules);
		refused(get("operator", "/api/v1/organization/routing/resolve?unit=NOPE&category=06001"), "NOPE");
		HttpHeaders csv = new HttpHeaders();
		csv.setContentType(MediaType.parseMediaType("text/csv"));
		refused(this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/worktime/calendar", new HttpEntity<>("0001-01-01,holiday,元旦\n", csv),
					JsonNode.class),
				"nothing was loaded");
		assertThat(
				this.jdbc.sql("select count(*) from worktime_day where day < '2000-01-01'").query(Long.class).single())
			.isZero();
	}

}
