package org.cityops.demo;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo desk: ten orders walked through the real workflow into every state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cityops.hotline.demo-orders=true")
class DemoHotlineTests {

	@Autowired
	TestRestTemplate rest;

	@Test
	void theDemoShowsAnOrderInEveryState() {
		JsonNode page = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/hotline/orders?size=50", JsonNode.class);
		assertThat(page.path("total").asInt()).isEqualTo(10);
		List<String> statuses = new java.util.ArrayList<>();
		page.path("items").forEach((o) -> statuses.add(o.path("status").asText()));
		assertThat(statuses).contains("RECEIVED", "DISPATCHED", "CONCLUDED", "CLOSED", "REHANDLING", "RETURN_REQUESTED",
				"RETURNED");
		assertThat(page.path("items"))
			.anySatisfy((o) -> assertThat(o.path("caller").path("hidden").asBoolean()).isTrue());
		assertThat(page.path("items"))
			.anySatisfy((o) -> assertThat(o.path("place").path("unit").isMissingNode()).isTrue());
	}

}
