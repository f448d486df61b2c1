package org.cityops.hotline;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.cityops.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hotline's figures from orders whose every step is known, and the deadline warnings,
 * with the clock moved by the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cityops.hotline.sweep-batch=5")
@Import(MutableClock.Config.class)
class HotlineKpiAndDeadlineTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	HotlineSweeper sweeper;

	HotlineClient api;

	@BeforeEach
	void setUp() {
		this.api = new HotlineClient(this.rest);
	}

	@Test
	void theFiguresCountFirstContactConclusionCallbacksReturnsAndReHandling() {
		MutableClock.INSTANCE.set(Instant.parse("2026-03-11T02:00:00Z")); // Wednesday
																			// 10:00 in
																			// Shanghai
		long k1 = this.api.dispatched("K1", Instant.parse("2026-03-11T01:00:00Z"));
		this.api.act("handler", k1, "contact", Map.of("method", "PHONE", "said", "已联系", "at", "2026-03-11T02:00:00Z"));
		this.api.act("handler", k1, "conclude", Map.of("text", "已处理"));
		this.api.act("operator", k1, "callback",
				Map.of("efficiency", "满意", "attitude", "满意", "result", "满意", "solved", true));
		this.api.dispatched("K2", Instant.parse("2026-03-11T01:05:00Z"));
		long k3 = this.api.dispatched("K3", Instant.parse("2026-03-11T01:10:00Z"));
		this.api.act("handler", k3, "request-return", Map.of("reason", "属地不符"));
		this.api.act("operator", k3, "decide-return", Map.of("approve", true));
		this.api.send(HotlineClient.order(HotlineClient.number("K4"), Instant.parse("2026-03-11T01:15:00Z")));
		long k5 = this.api.dispatched("K5", Instant.parse("2026-03-11T01:20:00Z"));
		this.api.act("handler", k5, "contact", Map.of("method", "SMS", "said", "已短信告知"));
		this.api.act("handler", k5, "conclude", Map.of("text", "已处理"));
		this.api.act("operator", k5, "callback",
				Map.of("efficiency", "满意", "attitude", "基本满意", "result", "不满意", "solved", false));
		MutableClock.INSTANCE.advance(Duration.ofDays(2)); // Friday: K2's first contact
															// is overdue

		JsonNode kpis = HotlineClient.ok(this.api.get("leader", "/api/v1/hotline/kpis?from=2026-03-11&to=2026-03-11"));
		JsonNode town = kpis.path("town");
		assertThat(town.path("received").asInt()).isEqualTo(5);
		// K1 and K5 contacted on time; K2 (dispatched) and K4 (never confirmed) are late
		assertThat(town.path("contactDue").asInt()).isEqualTo(4);
		assertThat(town.path("firstContactRate").asDouble()).isEqualTo(0.5);
		assertThat(town.path("concludeDue").asInt()).isEqualTo(2);
		assertThat(town.path("onTimeConclusionRate").asDouble()).isEqualTo(1.0);
		assertThat(town.path("callbacks").asInt()).isEqualTo(2);
		assertThat(town.path("resolutionRate").asDouble()).isEqualTo(0.5);
		assertThat(town.path("satisfactionRate").asDouble()).isEqualTo(0.5);
		assertThat(town.path("returnRate").asDouble()).isEqualTo(0.2);
		assertThat(town.path("rehandlingRate").asDouble()).isEqualTo(0.5);
		assertThat(kpis.path("departments"))
			.extracting((d) -> d.path("department").asText() + "=" + d.path("received").asInt())
			.containsExactly("TP-CGP1=4", "=1");

		JsonNode nothing = HotlineClient
			.ok(this.api.get("leader", "/api/v1/hotline/kpis?from=2026-03-12&to=2026-03-12"))
			.path("town");
		assertThat(nothing.path("received").asInt()).isZero();
		assertThat(nothing.path("firstContactRate").isNull() || nothing.path("firstContactRate").isMissingNode())
			.isTrue();
	}

	@Test
	void aDeadlineIsWarnedOfOnceAndMarkedOverdueOnce() {
		MutableClock.INSTANCE.set(Instant.parse("2026-03-18T02:00:00Z")); // Wednesday
																			// 10:00
		long id = this.api.dispatched("SW", Instant.parse("2026-03-18T01:00:00Z"));
		this.sweeper.sweep();
		assertThat(kinds(id)).doesNotContain("WARNING", "OVERDUE");
		assertThat(this.api.view("operator", id).path("deadlines").path("state").asText()).isEqualTo("OK");

		MutableClock.INSTANCE.set(Instant.parse("2026-03-18T07:00:00Z")); // 15:00: two
																			// working
																			// hours left
		this.sweeper.sweep();
		this.sweeper.sweep();
		assertThat(kinds(id)).containsOnlyOnce("WARNING");
		JsonNode near = this.api.view("operator", id);
		assertThat(near.path("deadlines").path("state").asText()).isEqualTo("NEAR");
		assertThat(near.path("deadlines").path("workingMinutesLeft").asLong()).isEqualTo(120);
		assertThat(near.path("log"))
			.anySatisfy((l) -> assertThat(l.path("text").asText()).contains("先行联系即将到期").contains("2026-03-18 17:00"));

		MutableClock.INSTANCE.set(Instant.parse("2026-03-19T02:00:00Z")); // Thursday
																			// 10:00:
																			// overdue
		this.sweeper.sweep();
		this.sweeper.sweep();
		assertThat(kinds(id)).containsOnlyOnce("OVERDUE");
		assertThat(this.api.view("operator", id).path("deadlines").path("state").asText()).isEqualTo("OVERDUE");
		assertThat(this.api.get("operator", "/api/v1/hotline/orders?overdue=true&size=500").getBody().path("items"))
			.extracting((o) -> o.path("id").asLong())
			.contains(id);
	}

	@Test
	void moreDueOrdersThanOneSweepTakesAreEachWarnedOnce() {
		MutableClock.INSTANCE.set(Instant.parse("2026-04-14T01:00:00Z")); // Tuesday 09:00
		java.util.List<Long> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ids.add(this.api.dispatched("MB" + i, Instant.parse("2026-04-14T01:00:00Z")));
		}
		MutableClock.INSTANCE.set(Instant.parse("2026-04-16T02:00:00Z")); // two days on:
																			// all overdue
		int passes = 0;
		while (this.sweeper.sweep() > 0) {
			passes++;
			assertThat(passes).as("sweeps until nothing is left to warn of").isLessThan(20);
		}
		assertThat(passes).as("a batch of 5 takes several passes").isGreaterThanOrEqualTo(3);
		for (long id : ids) {
			assertThat(kinds(id)).as("order " + id).containsOnlyOnce("OVERDUE");
		}
	}

	@Test
	void anOrderNeverConfirmedPastItsFirstContactDeadlineCountsAsLate() {
		MutableClock.INSTANCE.set(Instant.parse("2026-05-12T01:30:00Z")); // Tuesday 09:30
		this.api.send(HotlineClient.order(HotlineClient.number("NC"), Instant.parse("2026-05-12T01:00:00Z")));
		MutableClock.INSTANCE.set(Instant.parse("2026-05-15T02:00:00Z")); // Friday: long
																			// past the
																			// next day
		JsonNode town = this.api.get("operator", "/api/v1/hotline/kpis?from=2026-05-12&to=2026-05-12")
			.getBody()
			.path("town");
		assertThat(town.path("contactDue").asLong()).as("the unconfirmed order is due").isEqualTo(1);
		assertThat(town.path("contactedOnTime").asLong()).isZero();
		assertThat(town.path("firstContactRate").asDouble()).isZero();
	}

	@Test
	void aFirstContactCannotPrecedeTheOrderReachingTheDepartmentAndItsEntryTimeIsKept() {
		MutableClock.INSTANCE.set(Instant.parse("2026-05-19T03:00:00Z")); // Tuesday 11:00
		long id = this.api.dispatched("CT", Instant.parse("2026-05-19T01:00:00Z")); // received
																					// 09:00
		ResponseEntity<JsonNode> early = this.api.post("handler", "/api/v1/hotline/orders/" + id + "/contact",
				java.util.Map.of("method", "PHONE", "said", "已联系", "at", "2026-05-19T02:00:00Z"));
		assertThat(early.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(early.getBody().path("detail").asText()).contains("before the order reached the department");
		MutableClock.INSTANCE.set(Instant.parse("2026-05-19T06:00:00Z")); // entered at
																			// 14:00
		JsonNode contacted = HotlineClient.ok(this.api.post("handler", "/api/v1/hotline/orders/" + id + "/contact",
				java.util.Map.of("method", "PHONE", "said", "已联系", "at", "2026-05-19T04:00:00Z")));
		assertThat(contacted.path("deadlines").path("firstContactAt").asText()).isEqualTo("2026-05-19T04:00:00Z");
		assertThat(contacted.path("deadlines").path("firstContactEnteredAt").asText())
			.isEqualTo("2026-05-19T06:00:00Z");
	}

	private java.util.List<String> kinds(long id) {
		java.util.List<String> kinds = new java.util.ArrayList<>();
		this.api.view("operator", id).path("log").forEach((l) -> kinds.add(l.path("kind").asText()));
		return kinds;
	}

}
