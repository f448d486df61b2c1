package org.cityops.hotline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller's name and phone, walked through every role and the centre's key: masked in
 * lists, order pages and exports for all; shown in full only to the operator and the
 * handling department, for a confidential order only to the operator; every full view
 * logged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallerMaskingTests {

	static final List<String> EVERYONE = List.of("admin", "operator", "inspector", "handler", "committee", "leader",
			HotlineClient.CENTRE);

	@Autowired
	TestRestTemplate rest;

	HotlineClient api;

	@BeforeEach
	void setUp() {
		this.api = new HotlineClient(this.rest);
	}

	@Test
	void everyRoleSeesTheCallerMaskedAndOnlyOperatorAndHandlingDepartmentSeeItInFull() {
		long id = this.api.dispatched("MASK", Instant.now().minus(Duration.ofMinutes(20)));
		String number = this.api.view("operator", id).path("number").asText();
		this.api.act("handler", id, "contact", Map.of("method", "PHONE", "said", "已联系"));
		this.api.act("handler", id, "conclude", Map.of("text", "已处理"));
		for (String who : EVERYONE) {
			JsonNode order = this.api.view(who, id);
			assertThat(order.path("caller").path("name").asText()).as(who).isEqualTo("张**");
			assertThat(order.path("caller").path("phone").asText()).as(who).isEqualTo("138****5678");
			assertThat(order.toString()).as(who).doesNotContain("13812345678").doesNotContain("张三丰");
			ResponseEntity<JsonNode> list = this.api.get(who, "/api/v1/hotline/orders?q=" + number);
			assertThat(list.getStatusCode()).as(who).isEqualTo(HttpStatus.OK);
			assertThat(list.getBody().path("items").get(0).path("caller").path("phone").asText()).as(who)
				.isEqualTo("138****5678");
			assertThat(list.getBody().toString()).as(who).doesNotContain("13812345678");
		}
		ResponseEntity<JsonNode> queue = this.api.get("inspector", "/api/v1/hotline/orders?size=500");
		assertThat(queue.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(queue.getBody().path("items")).extracting((o) -> o.path("number").asText()).contains(number);
		assertThat(queue.getBody().toString()).doesNotContain("13812345678");
		for (String who : List.of("admin", "operator", "leader", HotlineClient.CENTRE)) {
			ResponseEntity<JsonNode> export = this.api.get(who, "/api/v1/hotline/export");
			assertThat(export.getStatusCode()).as(who).isEqualTo(HttpStatus.OK);
			assertThat(export.getBody().toString()).as(who).contains(number).doesNotContain("13812345678");
		}
		for (String who : List.of("inspector", "handler", "committee")) {
			assertThat(this.api.get(who, "/api/v1/hotline/export").getStatusCode()).as(who)
				.isEqualTo(HttpStatus.FORBIDDEN);
		}

		Map<String, HttpStatus> reveal = Map.of("operator", HttpStatus.OK, "handler", HttpStatus.OK, "admin",
				HttpStatus.FORBIDDEN, "inspector", HttpStatus.FORBIDDEN, "committee", HttpStatus.FORBIDDEN, "leader",
				HttpStatus.FORBIDDEN, HotlineClient.CENTRE, HttpStatus.FORBIDDEN);
		reveal.forEach((who, status) -> {
			ResponseEntity<JsonNode> caller = this.api.get(who, "/api/v1/hotline/orders/" + id + "/caller");
			assertThat(caller.getStatusCode()).as(who).isEqualTo(status);
			if (status == HttpStatus.OK) {
				assertThat(caller.getBody().path("phone").asText()).isEqualTo("13812345678");
				assertThat(caller.getBody().path("name").asText()).isEqualTo("张三丰");
			}
		});
		JsonNode views = HotlineClient.ok(this.api.get("admin", "/api/v1/hotline/orders/" + id + "/caller-views"));
		assertThat(views).extracting((v) -> v.path("viewed_by").asText())
			.containsExactlyInAnyOrder("operator", "handler");
		assertThat(this.api.get("handler", "/api/v1/hotline/orders/" + id + "/caller-views").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void aConfidentialCallerIsHiddenFromEveryoneButTheOperator() {
		Map<String, Object> order = HotlineClient.order(HotlineClient.number("CONF"),
				Instant.now().minus(Duration.ofMinutes(20)));
		order.put("confidential", "是");
		long id = this.api.send(order);
		this.api.act("operator", id, "confirm", Map.of("categoryCode", "06001"));
		for (String who : EVERYONE) {
			JsonNode caller = this.api.view(who, id).path("caller");
			assertThat(caller.path("hidden").asBoolean()).as(who).isTrue();
			assertThat(caller.path("name").isMissingNode()).as(who).isTrue();
			assertThat(caller.path("phone").isMissingNode()).as(who).isTrue();
		}
		assertThat(this.api.get("handler", "/api/v1/hotline/orders/" + id + "/caller").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(
				this.api.get("handler", "/api/v1/hotline/orders/" + id + "/caller").getBody().path("detail").asText())
			.contains("confidential");
		assertThat(
				this.api.get("operator", "/api/v1/hotline/orders/" + id + "/caller").getBody().path("phone").asText())
			.isEqualTo("13812345678");
		assertThat(this.api.view("handler", id).path("actions")).extracting(JsonNode::asText)
			.doesNotContain("reveal-caller");
	}

	@Test
	void masksKeepTheEndsOfNamesAndNumbers() {
		assertThat(CallerData.maskName("欧阳娜娜")).isEqualTo("欧***");
		assertThat(CallerData.maskName("李")).isEqualTo("李*");
		assertThat(CallerData.maskPhone("021-5678 1234")).isEqualTo("021****1234");
		assertThat(CallerData.maskPhone("12345")).isEqualTo("****45");
		assertThat(CallerData.maskPhone(null)).isNull();
	}

}
