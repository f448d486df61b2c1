package org.cityops.hotline;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.cityops.worktime.DeadlineUnit;
import org.cityops.worktime.WorkingTime;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * A hotline order from the centre's system through its whole life: confirmation into a
 * case, first contact, conclusion, a dissatisfied callback and re-handling, returns
 * refused and approved, the complex-order time limit — each by the role that does it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HotlineWorkflowApiTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	WorkingTime workingTime;

	HotlineClient api;

	Instant received;

	@BeforeEach
	void setUp() {
		this.api = new HotlineClient(this.rest);
		this.received = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
	}

	@Test
	void anOrderBecomesACaseIsConcludedCalledBackAndReHandled() {
		String number = HotlineClient.number("WF");
		Map<String, Object> order = HotlineClient.order(number, this.received);
		long id = this.api.send(order);

		JsonNode received = this.api.view("operator", id);
		assertThat(received.path("status").asText()).isEqualTo("RECEIVED");
		assertThat(received.path("place").path("unit").asText()).isEqualTo("310107103001001");
		assertThat(received.path("place").path("match").asText()).isEqualTo("COMPOUND");
		assertThat(received.path("suggestions")).extracting((s) -> s.path("code").asText()).contains("06001");
		assertThat(Instant.parse(received.path("deadlines").path("firstContactDue").asText()))
			.isEqualTo(this.workingTime.plus(this.received, 1, DeadlineUnit.WORKING_DAYS));
		assertThat(Instant.parse(received.path("deadlines").path("concludeDue").asText()))
			.isEqualTo(this.workingTime.plus(this.received, 5, DeadlineUnit.WORKING_DAYS));
		assertThat(received.path("actions")).extracting(JsonNode::asText).contains("confirm");

		// the centre sends it again: the same order, unchanged; then with new content:
		// updated
		ResponseEntity<JsonNode> again = this.api.post(HotlineClient.CENTRE, "/api/v1/hotline/orders", order);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody().path("outcome").asText()).isEqualTo("UNCHANGED");
		order.put("content", "小区门口私搭乱建彩钢板棚，影响通行，已持续一周");
		JsonNode updated = HotlineClient.ok(this.api.post(HotlineClient.CENTRE, "/api/v1/hotline/orders", order));
		assertThat(updated.path("outcome").asText()).isEqualTo("UPDATED");
		assertThat(updated.path("id").asLong()).isEqualTo(id);
		assertThat(this.api.get("operator", "/api/v1/hotline/orders?q=" + number).getBody().path("total").asLong())
			.isEqualTo(1);

		JsonNode confirmed = this.api.act("operator", id, "confirm", Map.of("categoryCode", "06001"));
		assertThat(confirmed.path("status").asText()).isEqualTo("DISPATCHED");
		assertThat(confirmed.path("departmentCode").asText()).isEqualTo("TP-CGP1");
		long caseId = confirmed.path("caseId").asLong();
		JsonNode c = HotlineClient.ok(this.api.get("operator", "/api/v1/cases/" + caseId));
		assertThat(c.path("channel").asText()).isEqualTo("HOTLINE");
		assertThat(c.path("status").asText()).isEqualTo("DISPATCHED");
		assertThat(c.path("description").asText()).contains(number).contains("已持续一周");

		// conclusion needs the first contact
		ResponseEntity<JsonNode> tooEarly = this.api.tryAct("handler", id, "conclude", Map.of("text", "已拆除"));
		assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(tooEarly.getBody().path("detail").asText()).contains("first contact");
		JsonNode contacted = this.api.act("handler", id, "contact",
				Map.of("method", "PHONE", "said", "来电人确认棚子仍在，希望尽快处理"));
		assertThat(contacted.path("deadlines").path("firstContactAt").asText()).isNotBlank();
		assertThat(contacted.path("deadlines").path("next").asText()).isEqualTo("CONCLUDE");

		JsonNode concluded = this.api.act("handler", id, "conclude", Map.of("text", "已责令拆除彩钢板棚，现场恢复通行"));
		assertThat(concluded.path("status").asText()).isEqualTo("CONCLUDED");
		assertThat(concluded.path("deadlines").path("concludedOnTime").asBoolean()).isTrue();
		assertThat(HotlineClient.ok(this.api.get("operator", "/api/v1/cases/" + caseId)).path("status").asText())
			.isEqualTo("HANDLED");

		// the centre's callback: dissatisfied with the result → re-handling; the caller's
		// verdict is the verification, so the same case goes back to the department
		JsonNode rehandling = HotlineClient
			.ok(this.api.post(HotlineClient.CENTRE, "/api/v1/hotline/orders/by-number/" + number + "/callback",
					Map.of("efficiency", "满意", "attitude", "满意", "result", "不满意", "solved", false, "note", "棚子只拆了一半")));
		assertThat(rehandling.path("status").asText()).isEqualTo("REHANDLING");
		assertThat(rehandling.path("round").asInt()).isEqualTo(2);
		assertThat(rehandling.path("caseId").asLong()).as("the same case, reopened").isEqualTo(caseId);
		Instant rehandleDue = Instant.parse(rehandling.path("deadlines").path("rehandleDue").asText());
		assertThat(this.workingTime.between(Instant.now(), rehandleDue, DeadlineUnit.WORKING_DAYS)).isBetween(2.99,
				3.0);
		JsonNode reworked = HotlineClient.ok(this.api.get("operator", "/api/v1/cases/" + caseId));
		assertThat(reworked.path("status").asText()).isEqualTo("REWORK");
		assertThat(reworked.path("departmentCode").asText()).isEqualTo("TP-CGP1");
		assertThat(reworked.path("history"))
			.anySatisfy((h) -> assertThat(h.path("note").asText()).contains("12345回访不满意").contains("棚子只拆了一半"));

		this.api.act("handler", id, "conclude", Map.of("text", "已全部拆除，已电话告知来电人"));
		assertThat(HotlineClient.ok(this.api.get("operator", "/api/v1/cases/" + caseId)).path("status").asText())
			.isEqualTo("HANDLED");
		JsonNode closed = this.api.act("operator", id, "callback", Map.of("efficiency", "SATISFIED", "attitude",
				"SATISFIED", "result", "BASICALLY_SATISFIED", "solved", true));
		assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.path("callbacks")).hasSize(2);
		assertThat(closed.path("log")).extracting((l) -> l.path("kind").asText())
			.containsSubsequence("RECEIVED", "UPDATED", "CONFIRMED", "FIRST_CONTACT", "CONCLUDED", "CALLBACK",
					"REHANDLING", "CONCLUDED", "CALLBACK");
		JsonNode closedCase = HotlineClient.ok(this.api.get("operator", "/api/v1/cases/" + caseId));
		assertThat(closedCase.path("status").asText()).as("the satisfied caller verified and closed the case")
			.isEqualTo("CLOSED");
		assertThat(closedCase.path("history")).extracting((h) -> h.path("action").asText())
			.containsSubsequence("verify", "handle", "verify", "close");
		assertThat(closed.path("actions")).extracting(JsonNode::asText).doesNotContain("callback", "conclude");
	}

	@Test
	void aDissatisfiedCallbackOnACaseThatMovedOnOpensANewCase() {
		long id = this.api.dispatched("MV", this.received);
		this.api.act("handler", id, "contact", Map.of("method", "PHONE", "said", "已联系"));
		long caseId = this.api.act("handler", id, "conclude", Map.of("text", "已处理")).path("caseId").asLong();
		// the centre suspends the handled case (挂账) before the callback comes in
		HotlineClient.ok(this.api.post("operator", "/api/v1/cases/" + caseId + "/suspend", Map.of("note", "待协调")));
		JsonNode rehandling = this.api.act("operator", id, "callback",
				Map.of("efficiency", "满意", "attitude", "满意", "result", "不满意", "solved", false, "note", "没修好"));
		assertThat(rehandling.path("status").asText()).isEqualTo("REHANDLING");
		long second = rehandling.path("caseId").asLong();
		assertThat(second).as("a new case, the suspended one left as it was").isNotEqualTo(caseId);
		assertThat(HotlineClient.ok(this.api.get("operator", "/api/v1/cases/" + caseId)).path("status").asText())
			.isEqualTo("SUSPENDED");
		JsonNode next = HotlineClient.ok(this.api.get("operator", "/api/v1/cases/" + second));
		assertThat(next.path("status").asText()).isEqualTo("DISPATCHED");
		assertThat(next.path("description").asText()).contains("重办").contains("没修好");
	}

	@Test
	void aReturnIsRefusedAndDispatchedAgainThenApprovedAndTheCentreResendsIt() {
		String number = HotlineClient.number("RT");
		long id = this.api.send(HotlineClient.order(number, this.received));
		this.api.act("operator", id, "confirm", Map.of("categoryCode", "06001"));
		ResponseEntity<JsonNode> noReason = this.api.tryAct("handler", id, "request-return", Map.of("text", "x"));
		assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(noReason.getBody().path("detail").asText()).contains("属地不符").contains("权属不清");

		JsonNode asked = this.api.act("handler", id, "request-return",
				Map.of("reason", "权属不清", "text", "棚子位于小区红线内，属物业管理"));
		assertThat(asked.path("status").asText()).isEqualTo("RETURN_REQUESTED");
		long caseId = asked.path("caseId").asLong();
		assertThat(HotlineClient.ok(this.api.get("operator", "/api/v1/cases/" + caseId)).path("status").asText())
			.isEqualTo("RETURNED");
		assertThat(this.api.tryAct("handler", id, "decide-return", Map.of("approve", true)).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		JsonNode refused = this.api.act("operator", id, "decide-return",
				Map.of("approve", false, "text", "红线外部分属城管职责"));
		assertThat(refused.path("status").asText()).isEqualTo("DISPATCHED");
		assertThat(HotlineClient.ok(this.api.get("operator", "/api/v1/cases/" + caseId)).path("status").asText())
			.isEqualTo("DISPATCHED");

		this.api.act("handler", id, "request-return", Map.of("reason", "NOT_OUR_AREA", "text", "地址位于真如镇"));
		JsonNode returned = this.api.act("operator", id, "decide-return", Map.of("approve", true));
		assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
		assertThat(returned.path("returnReason").asText()).isEqualTo("NOT_OUR_AREA");
		assertThat(HotlineClient.ok(this.api.get("operator", "/api/v1/cases/" + caseId)).path("status").asText())
			.isEqualTo("CANCELLED");

		// the centre disagrees and sends the order again: it is received anew
		ResponseEntity<JsonNode> resent = this.api.post(HotlineClient.CENTRE, "/api/v1/hotline/orders",
				HotlineClient.order(number, this.received));
		assertThat(resent.getBody().path("outcome").asText()).isEqualTo("UPDATED");
		JsonNode reopened = this.api.view("operator", id);
		assertThat(reopened.path("status").asText()).isEqualTo("RECEIVED");
		assertThat(reopened.path("caseId").isMissingNode()).isTrue();
	}

	@Test
	void theComplexTimeLimitIsAskedForByTheDepartmentAndApprovedByTheCentre() {
		long id = this.api.dispatched("CX", this.received);
		JsonNode asked = this.api.act("handler", id, "request-complex", Map.of("text", "涉及多个产权单位，需联合处置"));
		assertThat(asked.path("complex").asText()).isEqualTo("REQUESTED");
		assertThat(asked.path("actions")).extracting(JsonNode::asText).doesNotContain("request-complex");
		JsonNode approved = this.api.act("operator", id, "decide-complex", Map.of("approve", true));
		assertThat(approved.path("complex").asText()).isEqualTo("APPROVED");
		assertThat(Instant.parse(approved.path("deadlines").path("concludeDue").asText()))
			.isEqualTo(this.workingTime.plus(this.received, 15, DeadlineUnit.WORKING_DAYS));
	}

	@Test
	void anAddressTheGazetteerDoesNotKnowIsPlacedByTheOperator() {
		Map<String, Object> order = HotlineClient.order(HotlineClient.number("PL"), this.received);
		order.put("address", "桃浦镇某处无名小路");
		long id = this.api.send(order);
		assertThat(this.api.view("operator", id).path("place").path("lon").isMissingNode()).isTrue();
		ResponseEntity<JsonNode> unplaced = this.api.tryAct("operator", id, "confirm", Map.of("categoryCode", "06001"));
		assertThat(unplaced.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(unplaced.getBody().path("detail").asText()).contains("place the order on the map");

		JsonNode place = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/grid/geocode?q=莲花公寓", JsonNode.class);
		Map<String, Object> confirmation = new HashMap<>();
		confirmation.put("categoryCode", "06001");
		confirmation.put("lon", place.path("point").path("lon").asDouble());
		confirmation.put("lat", place.path("point").path("lat").asDouble());
		JsonNode confirmed = this.api.act("operator", id, "confirm", confirmation);
		assertThat(confirmed.path("place").path("match").asText()).isEqualTo("OPERATOR");
		assertThat(confirmed.path("place").path("unit").asText()).isEqualTo("310107103001001");
	}

	@Test
	void badOrdersAreRefusedWithEveryProblemAndNothingIsStored() {
		Map<String, Object> bad = new HashMap<>();
		bad.put("number", "BAD 1");
		bad.put("receivedAt", "yesterday");
		bad.put("type", "抱怨");
		bad.put("callerPhone", "call me");
		ResponseEntity<JsonNode> refused = this.api.post(HotlineClient.CENTRE, "/api/v1/hotline/orders", bad);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody().path("errors")).hasSize(5);
		assertThat(refused.getBody().path("detail").asText()).contains("工单编号")
			.contains("受理时间")
			.contains("诉求类型")
			.contains("诉求内容")
			.contains("联系电话");

		Map<String, Object> future = HotlineClient.order(HotlineClient.number("FU"),
				Instant.now().plus(Duration.ofDays(2)));
		ResponseEntity<JsonNode> fromTheFuture = this.api.post(HotlineClient.CENTRE, "/api/v1/hotline/orders", future);
		assertThat(fromTheFuture.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(fromTheFuture.getBody().path("detail").asText()).contains("in the future");
		assertThat(this.api.get("operator", "/api/v1/hotline/orders/by-number/" + future.get("number")).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-API-Key", HotlineClient.KEY);
		ResponseEntity<JsonNode> notJson = this.rest.postForEntity("/api/v1/hotline/orders",
				new HttpEntity<>("{\"number\": ", headers), JsonNode.class);
		assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void theCentresKeyOpensOnlyWhatTheCentreDoes() {
		long id = this.api.dispatched("KEY", this.received);
		HttpHeaders wrongKey = new HttpHeaders();
		wrongKey.set("X-API-Key", "not-a-key-that-anyone-was-given");
		assertThat(this.rest
			.exchange("/api/v1/hotline/orders", org.springframework.http.HttpMethod.GET, new HttpEntity<>(wrongKey),
					JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.api.get(HotlineClient.CENTRE, "/api/v1/cases").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.api.tryAct(HotlineClient.CENTRE, id, "conclude", Map.of("text", "x")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.api.get(HotlineClient.CENTRE, "/api/v1/hotline/orders/" + id + "/caller").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.api.view(HotlineClient.CENTRE, id).path("status").asText()).isEqualTo("DISPATCHED");
		assertThat(this.api.post("inspector", "/api/v1/hotline/orders", HotlineClient.order("X1", this.received))
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

}
