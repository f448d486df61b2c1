package org.cityops.organization;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingApiTests {

	static final String EAST_UNIT = "310107103001001";

	@Autowired
	TestRestTemplate rest;

	JsonNode get(String url) {
		return this.rest.withBasicAuth("operator", "cityops-demo").getForObject(url, JsonNode.class);
	}

	@Test
	void theDemoHasTheFourPlusOneInEachAreaAndADepartmentPerCommittee() {
		JsonNode departments = get("/api/v1/organization/departments");
		long cityManagement = 0;
		long committees = 0;
		for (JsonNode d : departments) {
			cityManagement += d.path("kind").asText().equals("CITY_MANAGEMENT") ? 1 : 0;
			committees += d.path("kind").asText().equals("COMMITTEE") ? 1 : 0;
		}
		assertThat(cityManagement).isEqualTo(3);
		assertThat(committees).isEqualTo(41);
		assertThat(get("/api/v1/organization/staff/handler").path("scopeKind").isMissingNode()).isTrue();
		assertThat(get("/api/v1/organization/staff/handler").path("kind").asText()).isEqualTo("AREA");
	}

	@Test
	void routesByDefaultKindInTheUnitsAreaAndToTheUnitsOwnCommittee() {
		JsonNode building = get("/api/v1/organization/routing/resolve?category=06001&unit=" + EAST_UNIT);
		assertThat(building.path("department").path("kind").asText()).isEqualTo("CITY_MANAGEMENT");
		assertThat(building.path("department").path("placeCode").asText())
			.isEqualTo(get("/api/v1/grid/units/" + EAST_UNIT).path("unit").path("area").path("code").asText());
		JsonNode clutter = get("/api/v1/organization/routing/resolve?category=06036&unit=" + EAST_UNIT);
		assertThat(clutter.path("department").path("code").asText()).isEqualTo("JW310107103001");
	}

	@Test
	void aRuleForTheUnitWinsAndTheReportFlagsCrossAreaRules() {
		var rule = new java.util.HashMap<String, String>();
		rule.put("categoryCode", "06010");
		rule.put("placeCode", EAST_UNIT);
		rule.put("departmentCode", "WY-01");
		ResponseEntity<JsonNode> created = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/organization/routing/rules", rule, JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get("/api/v1/organization/routing/resolve?category=06010&unit=" + EAST_UNIT).path("department")
			.path("code")
			.asText()).isEqualTo("WY-01");
		rule.put("departmentCode", "nope");
		assertThat(this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/organization/routing/rules", rule, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		JsonNode report = get("/api/v1/organization/routing/report");
		assertThat(report.path("gaps")).isEmpty();
		this.rest.withBasicAuth("admin", "cityops-demo")
			.delete("/api/v1/organization/routing/rules/" + created.getBody().path("id").asLong());
		assertThat(get("/api/v1/organization/routing/rules")).isEmpty();
	}

}
