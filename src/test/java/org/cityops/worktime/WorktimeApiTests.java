package org.cityops.worktime;

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

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorktimeApiTests {

	@Autowired
	TestRestTemplate rest;

	ResponseEntity<JsonNode> get(String url) {
		return this.rest.withBasicAuth("operator", "cityops-demo").getForEntity(url, JsonNode.class);
	}

	@Test
	void answersDeadlinesInTheTownsTimeZone() {
		JsonNode body = get("/api/v1/worktime/deadline?start=2026-09-30T16:00:00+08:00&amount=2&unit=WORKING_HOURS")
			.getBody();
		assertThat(body.path("deadline").asText()).isEqualTo("2026-10-08T10:00+08:00");
		assertThat(body.path("holidaysKnown").asBoolean()).isTrue();
		// the same start given in UTC
		assertThat(get("/api/v1/worktime/deadline?start=2026-09-30T08:00:00Z&amount=1&unit=WORKING_DAYS").getBody()
			.path("deadline")
			.asText()).isEqualTo("2026-10-08T16:00+08:00");
		assertThat(get("/api/v1/worktime/deadline?start=2026-09-30T16:00:00Z&amount=3&unit=calendar_days").getBody()
			.path("deadline")
			.asText()).isEqualTo("2026-10-04T00:00+08:00");
	}

	@Test
	void explainsBadParameters() {
		ResponseEntity<JsonNode> noOffset = get(
				"/api/v1/worktime/deadline?start=2026-09-30T16:00&amount=2&unit=WORKING_HOURS");
		assertThat(noOffset.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noOffset.getBody().path("detail").asText()).contains("ISO-8601 with an offset");
		assertThat(get("/api/v1/worktime/deadline?start=2026-09-30T16:00:00Z&amount=2&unit=FORTNIGHTS").getBody()
			.path("detail")
			.asText()).contains("WORKING_HOURS, WORKING_DAYS or CALENDAR_DAYS");
		assertThat(
				get("/api/v1/worktime/deadline?start=2026-09-30T16:00:00Z&amount=-1&unit=WORKING_DAYS").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void administratorsLoadFurtherYearsAndBadFilesChangeNothing() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("text/csv"));
		String csv = "date,kind,name\n2030-01-01,holiday,元旦\n2030-02-02,workday,春节调休上班\n";
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.postForEntity("/api/v1/worktime/calendar", new HttpEntity<>(csv, headers), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> bad = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/worktime/calendar", new HttpEntity<>(csv + "2030-02-04,workday,周一\n", headers),
					JsonNode.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(get("/api/v1/worktime/calendar?year=2030").getBody().path("loaded").asBoolean()).isFalse();
		ResponseEntity<JsonNode> ok = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/worktime/calendar", new HttpEntity<>(csv, headers), JsonNode.class);
		assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode year = get("/api/v1/worktime/calendar?year=2030").getBody();
		assertThat(year.path("loaded").asBoolean()).isTrue();
		assertThat(year.path("days")).hasSize(2);
		// 2030-02-02 is a Saturday made a working day
		assertThat(
				get("/api/v1/worktime/deadline?start=2030-02-01T16:00:00+08:00&amount=2&unit=WORKING_HOURS").getBody()
					.path("deadline")
					.asText())
			.isEqualTo("2030-02-02T10:00+08:00");
	}

}
