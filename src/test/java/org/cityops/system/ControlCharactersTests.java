package org.cityops.system;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL (or any other control character) in a JSON field or a parameter is refused with a
 * 422 that names the field, and nothing is written; before, each one was a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ControlCharactersTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNulInAJsonFieldIsRefusedNamingTheFieldAndNothingIsWritten() {
		long before = cases();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		String body = "{\"channel\":\"INSPECTOR\",\"categoryCode\":\"06001\",\"description\":\"棚\\u0000子\","
				+ "\"address\":\"莲花公寓\"}";
		ResponseEntity<JsonNode> refused = this.rest.withBasicAuth("inspector", "cityops-demo")
			.postForEntity("/api/v1/cases", new HttpEntity<>(body, headers), JsonNode.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody().path("field").asText()).isEqualTo("description");
		assertThat(refused.getBody().path("detail").asText()).contains("description").contains("控制字符");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aControlCharacterInAnArrayOfObjectsNamesItsPlace() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<JsonNode> refused = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/sensors/devices",
					new HttpEntity<>("[{\"id\":\"SMK-\\u0007\",\"type\":\"SMOKE\",\"lon\":121.37,\"lat\":31.28}]",
							headers),
					JsonNode.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody().path("field").asText()).isEqualTo("[0].id");
		assertThat(this.jdbc.sql("select count(*) from sensor_device where id like 'SMK-%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aNulInAQueryOrFormParameterIsRefusedNamingTheParameter() {
		ResponseEntity<JsonNode> query = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity(java.net.URI.create(this.rest.getRootUri() + "/api/v1/grid/geocode?q=%E6%AD%A6%00"),
					JsonNode.class);
		assertThat(query.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(query.getBody().path("field").asText()).isEqualTo("q");
		ResponseEntity<JsonNode> tab = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity(java.net.URI.create(this.rest.getRootUri() + "/api/v1/cases?category=%0906001"),
					JsonNode.class);
		assertThat(tab.getStatusCode()).as("a tab is text, not a control character").isEqualTo(HttpStatus.OK);
		ResponseEntity<Map> unit = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity(java.net.URI.create(this.rest.getRootUri() + "/api/v1/cases?unit=%01"), Map.class);
		assertThat(unit.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(unit.getBody().get("field")).isEqualTo("unit");
	}

	private long cases() {
		return this.jdbc.sql("select count(*) from case_file").query(Long.class).single();
	}

}
