package org.cityops.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogApiTests {

	@Autowired
	TestRestTemplate rest;

	JsonNode get(String url) {
		return this.rest.withBasicAuth("operator", "cityops-demo").getForObject(url, JsonNode.class);
	}

	ResponseEntity<JsonNode> put(String user, String url, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.withBasicAuth(user, "cityops-demo")
			.exchange(url, HttpMethod.PUT, new HttpEntity<>(json, headers), JsonNode.class);
	}

	@Test
	void holdsTheFourHundredAndThreeStandardCategoriesAndTheTownsOwnWithRealisticDeadlines() {
		JsonNode all = get("/api/v1/catalog/categories");
		assertThat(all).hasSize(404);
		assertThat(all).filteredOn((c) -> !c.path("code").asText().startsWith("L")).hasSize(403);
		JsonNode welfare = get("/api/v1/catalog/categories/L01001");
		assertThat(welfare.path("name").asText()).isEqualTo("独居老人关爱探访");
		assertThat(welfare.path("defaultDepartment").asText()).isEqualTo("COMMITTEE");
		assertThat(get("/api/v1/catalog/categories?kind=COMPONENT")).hasSize(153);
		JsonNode garbage = get("/api/v1/catalog/categories/06010");
		assertThat(garbage.path("name").asText()).isEqualTo("暴露垃圾");
		assertThat(garbage.path("deadlineAmount").asInt()).isEqualTo(1);
		assertThat(garbage.path("deadlineUnit").asText()).isEqualTo("WORKING_DAYS");
		assertThat(garbage.path("simpleProcedure").asBoolean()).isTrue();
		JsonNode dirtyRoad = get("/api/v1/catalog/categories/06012");
		assertThat(dirtyRoad.path("deadlineAmount").asInt()).isEqualTo(5);
		assertThat(dirtyRoad.path("deadlineUnit").asText()).isEqualTo("WORKING_HOURS");
		JsonNode illegalBuilding = get("/api/v1/catalog/categories/06001");
		assertThat(illegalBuilding.path("deadlineAmount").asInt()).isEqualTo(15);
		assertThat(illegalBuilding.path("defaultDepartment").asText()).isEqualTo("CITY_MANAGEMENT");
		assertThat(illegalBuilding.path("simpleProcedure").asBoolean()).isFalse();
	}

	@Test
	void suggestsCategoriesForAFreeText() {
		JsonNode suggestions = get("/api/v1/catalog/suggest?text=小区门口有暴露垃圾很久没人清理");
		assertThat(suggestions.get(0).path("category").path("code").asText()).isEqualTo("06010");
		assertThat(suggestions.get(0).path("score").asDouble()).isPositive();
	}

	@Test
	void administratorsEditACategoryAndEveryRevisionIsKept() {
		assertThat(put("operator", "/api/v1/catalog/categories/06036", "{\"deadlineAmount\": 2}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> bad = put("admin", "/api/v1/catalog/categories/06036", "{\"deadlineAmount\": 0}");
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(
				put("admin", "/api/v1/catalog/categories/06036", "{\"deadlineUnit\": \"FORTNIGHTS\"}").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<JsonNode> ok = put("admin", "/api/v1/catalog/categories/06036",
				"{\"deadlineAmount\": 2, \"deadlineUnit\": \"WORKING_DAYS\", \"keywords\": [\"乱堆杂物\", \"堆物\"]}");
		assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(ok.getBody().path("revision").asInt()).isEqualTo(2);
		JsonNode revisions = get("/api/v1/catalog/categories/06036/revisions");
		assertThat(revisions).hasSize(2);
		assertThat(revisions.get(1).path("category").path("deadlineAmount").asInt()).isEqualTo(1);
		assertThat(revisions.get(0).path("changedBy").asText()).isEqualTo("admin");
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/catalog/categories/99999", JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
