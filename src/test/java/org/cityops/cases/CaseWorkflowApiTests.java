package org.cityops.cases;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The grid-management workflow through the API, each step by the role that does it in
 * Taopu: the inspector reports, the operations centre registers and dispatches, the
 * city-management team handles, the inspector verifies on site, the centre closes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseWorkflowApiTests {

	@Autowired
	TestRestTemplate rest;

	/**
	 * A point in the east area (the inspector's and the handler's scope): the compound
	 * 莲花公寓.
	 */
	double lon;

	double lat;

	@BeforeEach
	void findTheEastArea() {
		JsonNode place = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/grid/geocode?q=莲花公寓", JsonNode.class);
		this.lon = place.path("point").path("lon").asDouble();
		this.lat = place.path("point").path("lat").asDouble();
	}

	ResponseEntity<JsonNode> post(String user, String url, Object body, String idempotencyKey) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (idempotencyKey != null) {
			headers.set("Idempotency-Key", idempotencyKey);
		}
		return this.rest.withBasicAuth(user, "cityops-demo")
			.postForEntity(url, new HttpEntity<>(body, headers), JsonNode.class);
	}

	ResponseEntity<JsonNode> act(String user, long id, String action, Map<String, Object> body) {
		return post(user, "/api/v1/cases/" + id + "/" + action, (body != null) ? body : Map.of(), null);
	}

	Map<String, Object> report(String category, String description) {
		Map<String, Object> body = new HashMap<>();
		body.put("channel", "INSPECTOR");
		body.put("categoryCode", category);
		body.put("description", description);
		body.put("lon", this.lon);
		body.put("lat", this.lat);
		return body;
	}

	long reported(String category) {
		ResponseEntity<JsonNode> created = post("inspector", "/api/v1/cases", report(category, "测试：" + category), null);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return created.getBody().path("id").asLong();
	}

	JsonNode ok(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@Test
	void walksACaseFromTheInspectorsReportToClosure() {
		ResponseEntity<JsonNode> created = post("inspector", "/api/v1/cases", report("06001", "莲花公寓门口私搭乱建彩钢板棚"), null);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode c = created.getBody();
		long id = c.path("id").asLong();
		assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/cases/" + id);
		assertThat(c.path("status").asText()).isEqualTo("REPORTED");
		assertThat(c.path("number").asText()).matches("TP\\d{8}-\\d{6}");
		assertThat(c.path("location").path("unit").asText()).isEqualTo("310107103001001");
		assertThat(c.path("location").path("compound").asText()).isNotBlank();
		assertThat(c.path("categoryName").asText()).isEqualTo("私搭乱建");
		assertThat(c.path("departmentCode").asText()).isEqualTo("TP-CGP1");
		assertThat(c.path("deadlines").path("stage").asText()).isEqualTo("REGISTER");
		assertThat(c.path("deadlines").path("stageDeadline").asText()).isNotBlank();
		assertThat(c.path("allowedActions")).extracting(JsonNode::asText).contains("register", "reject");

		ok(act("operator", id, "register", Map.of("note", "属实，立案")));
		JsonNode dispatched = ok(act("operator", id, "dispatch", Map.of()));
		assertThat(dispatched.path("status").asText()).isEqualTo("DISPATCHED");
		assertThat(dispatched.path("deadlines").path("handlingDeadline").asText()).isNotBlank();
		ok(act("handler", id, "accept", null));
		ok(act("handler", id, "handle", Map.of("note", "已拆除彩钢板棚")));
		ok(act("inspector", id, "verify", Map.of("passed", true, "note", "现场已恢复")));
		JsonNode closed = ok(act("operator", id, "close", Map.of("note", "结案")));
		assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.path("resolvedLevel").asText()).isEqualTo("GRID");
		assertThat(closed.path("allowedActions")).isEmpty();
		assertThat(closed.path("history")).extracting((h) -> h.path("action").asText())
			.containsExactly("report", "register", "dispatch", "accept", "handle", "verify", "close");
		assertThat(closed.path("history").get(4).path("actor").asText()).isEqualTo("handler");
		assertThat(closed.path("history").get(4).path("note").asText()).isEqualTo("已拆除彩钢板棚");
	}

	@Test
	void onlyTheRightRoleInTheRightScopeMayAct() {
		long id = reported("06001");
		ResponseEntity<JsonNode> handlerRegisters = act("handler", id, "register", null);
		assertThat(handlerRegisters.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(handlerRegisters.getBody().path("detail").asText()).contains("HANDLER may not register");
		ok(act("operator", id, "register", null));
		ok(act("operator", id, "dispatch", Map.of("department", "TP-SJP1")));
		// another department's case is outside the handler's reach: as if it did not
		// exist
		ResponseEntity<JsonNode> wrongDepartment = act("handler", id, "accept", null);
		assertThat(wrongDepartment.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(wrongDepartment.getBody().path("detail").asText()).contains("No case with id " + id);
		assertThat(act("leader", id, "cancel", Map.of("note", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> leaderReports = post("leader", "/api/v1/cases", report("06001", "x"), null);
		assertThat(leaderReports.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void anIllegalTransitionAnswers409NamingTheAllowedActions() {
		long id = reported("06001");
		ResponseEntity<JsonNode> early = act("inspector", id, "verify", Map.of("passed", true));
		assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(early.getBody().path("allowed")).extracting(JsonNode::asText)
			.contains("register", "reject", "cancel", "merge");
		assertThat(early.getBody().path("detail").asText()).contains("REPORTED").contains("verify");
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/cases/" + id, JsonNode.class)
			.path("history")).hasSize(1);
	}

	@Test
	void aReturnedCaseIsDispatchedAgainAndAFailedVerificationMeansRework() {
		long id = reported("06001");
		ok(act("operator", id, "register", null));
		ok(act("operator", id, "dispatch", Map.of("department", "TP-CGP1")));
		assertThat(act("handler", id, "return", Map.of()).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		JsonNode returned = ok(act("handler", id, "return", Map.of("note", "职能交叉，应由房管办处理")));
		assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
		ok(act("operator", id, "dispatch", Map.of("department", "TP-CGP1", "note", "坚持派遣：属城管职责")));
		ok(act("handler", id, "accept", null));
		ok(act("handler", id, "handle", Map.of("note", "已处理")));
		JsonNode rework = ok(act("inspector", id, "verify", Map.of("passed", false, "note", "棚架仍在")));
		assertThat(rework.path("status").asText()).isEqualTo("REWORK");
		ok(act("handler", id, "handle", Map.of("note", "已全部拆除")));
		assertThat(ok(act("inspector", id, "verify", Map.of("passed", true))).path("status").asText())
			.isEqualTo("VERIFIED");
	}

	@Test
	void postponementIsAskedByTheDepartmentAndDecidedByTheCentre() {
		long id = reported("06001");
		ok(act("operator", id, "register", null));
		JsonNode dispatched = ok(act("operator", id, "dispatch", Map.of("department", "TP-CGP1")));
		String before = dispatched.path("deadlines").path("handlingDeadline").asText();
		ok(act("handler", id, "accept", null));
		ok(act("handler", id, "postpone", Map.of("workingDays", 5, "note", "需协调产权单位")));
		JsonNode approved = ok(act("operator", id, "postpone", Map.of("decision", "APPROVE")));
		assertThat(approved.path("deadlines").path("handlingDeadline").asText()).isNotEqualTo(before);
		assertThat(java.time.Instant.parse(approved.path("deadlines").path("handlingDeadline").asText()))
			.isAfter(java.time.Instant.parse(before));
		assertThat(approved.path("postponeRequestedDays").isMissingNode()).isTrue();
	}

	@Test
	void sidePathsSuspendResumeSuperviseEscalateCancel() {
		long id = reported("06001");
		ok(act("operator", id, "register", null));
		assertThat(ok(act("operator", id, "suspend", Map.of("note", "待区级协调"))).path("status").asText())
			.isEqualTo("SUSPENDED");
		assertThat(ok(act("operator", id, "resume", null)).path("status").asText()).isEqualTo("REGISTERED");
		assertThat(ok(act("leader", id, "supervise", Map.of("note", "请加快处置"))).path("supervised").asBoolean()).isTrue();
		assertThat(ok(act("operator", id, "escalate", Map.of("note", "涉及多部门"))).path("level").asText())
			.isEqualTo("TOWN");
		assertThat(ok(act("operator", id, "cancel", Map.of("note", "重复上报"))).path("status").asText())
			.isEqualTo("CANCELLED");
	}

	ResponseEntity<JsonNode> reportWithPhotos(Map<String, Object> report, byte[] before, byte[] after) {
		org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		parts.add("case", new HttpEntity<>(report, json));
		if (before != null) {
			parts.add("before", picture(before, "before.jpg"));
		}
		if (after != null) {
			parts.add("after", picture(after, "after.png"));
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.rest.withBasicAuth("inspector", "cityops-demo")
			.postForEntity("/api/v1/cases", new HttpEntity<>(parts, headers), JsonNode.class);
	}

	private static HttpEntity<org.springframework.core.io.ByteArrayResource> picture(byte[] bytes, String name) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
		return new HttpEntity<>(new org.springframework.core.io.ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return name;
			}
		}, headers);
	}

	long total() {
		return this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/cases?size=1", JsonNode.class)
			.path("total")
			.asLong();
	}

	@Test
	void theSimpleProcedureClosesOnTheSpotWithPhotosOnlyWhereTheCategoryAllowsIt() throws Exception {
		Map<String, Object> body = report("06010", "暴露垃圾，已现场清理");
		body.put("simpleProcedure", true);
		ResponseEntity<JsonNode> closed = reportWithPhotos(body, PhotoSanitizerTests.jpegWithLocation(),
				PhotoSanitizerTests.pngWithText());
		assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(closed.getBody().path("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.getBody().path("simpleProcedure").asBoolean()).isTrue();
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/cases/" + closed.getBody().path("id").asLong() + "/photos", JsonNode.class))
			.extracting((p) -> p.path("stage").asText())
			.containsExactly("BEFORE", "AFTER");
		ResponseEntity<JsonNode> withoutPhotos = post("inspector", "/api/v1/cases", body, null);
		assertThat(withoutPhotos.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(withoutPhotos.getBody().path("detail").asText()).contains("before and after");
		Map<String, Object> notAllowed = report("06001", "私搭乱建");
		notAllowed.put("simpleProcedure", true);
		ResponseEntity<JsonNode> refused = reportWithPhotos(notAllowed, PhotoSanitizerTests.jpegWithLocation(),
				PhotoSanitizerTests.pngWithText());
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody().path("detail").asText()).contains("does not allow the simple procedure");
	}

	@Test
	void aReportWithABadPhotoIsRefusedWholeAndWritesNothing() throws Exception {
		long before = total();
		ResponseEntity<JsonNode> refused = reportWithPhotos(report("06001", "私搭乱建"),
				"<html>not a picture</html>".getBytes(), null);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody().path("detail").asText()).contains("not a JPEG, PNG or WebP");
		assertThat(total()).isEqualTo(before);
		ResponseEntity<JsonNode> ok = reportWithPhotos(report("06001", "私搭乱建"), PhotoSanitizerTests.jpegWithLocation(),
				null);
		assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(total()).isEqualTo(before + 1);
	}

	@Test
	void aRetriedPostWithTheSameIdempotencyKeyAnswersTheFirstCase() {
		String key = java.util.UUID.randomUUID().toString();
		ResponseEntity<JsonNode> first = post("inspector", "/api/v1/cases", report("06036", "乱堆杂物"), key);
		ResponseEntity<JsonNode> retry = post("inspector", "/api/v1/cases", report("06036", "乱堆杂物"), key);
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(retry.getBody().path("id").asLong()).isEqualTo(first.getBody().path("id").asLong());
	}

	@Test
	void anIdempotencyKeyBelongsToItsCallerAndToWhatItWasSentWith() {
		String key = java.util.UUID.randomUUID().toString();
		ResponseEntity<JsonNode> first = post("inspector", "/api/v1/cases", report("06036", "乱堆杂物"), key);
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<JsonNode> other = post("operator", "/api/v1/cases", report("06036", "乱堆杂物"), key);
		assertThat(other.getStatusCode()).as("another account's key is another key").isEqualTo(HttpStatus.CREATED);
		assertThat(other.getBody().path("id").asLong()).isNotEqualTo(first.getBody().path("id").asLong());
		ResponseEntity<JsonNode> changed = post("inspector", "/api/v1/cases", report("06036", "另一件事"), key);
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(changed.getBody().path("detail").asText()).contains("different report");
	}

	@Test
	void oneKeySentEightTimesAtOnceMakesOneCaseAndUsesUpNoNumber() throws Exception {
		String key = java.util.UUID.randomUUID().toString();
		Map<String, Object> body = report("06036", "并发重试");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.List<java.util.concurrent.Future<ResponseEntity<JsonNode>>> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return post("inspector", "/api/v1/cases", body, key);
			}));
		}
		start.countDown();
		java.util.List<Integer> statuses = new java.util.ArrayList<>();
		java.util.Set<Long> ids = new java.util.HashSet<>();
		String number = null;
		for (java.util.concurrent.Future<ResponseEntity<JsonNode>> answer : answers) {
			ResponseEntity<JsonNode> r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
			statuses.add(r.getStatusCode().value());
			if (r.getStatusCode().is2xxSuccessful()) {
				ids.add(r.getBody().path("id").asLong());
				number = r.getBody().path("number").asText();
			}
		}
		pool.shutdown();
		assertThat(statuses).as("one 201, the others the same case (200) or in progress (409)")
			.containsOnlyOnce(201)
			.allMatch((s) -> s == 201 || s == 200 || s == 409);
		assertThat(ids).hasSize(1);
		ResponseEntity<JsonNode> next = post("inspector", "/api/v1/cases", report("06036", "下一件"), null);
		assertThat(sequence(next.getBody().path("number").asText())).isEqualTo(sequence(number) + 1);
	}

	private static long sequence(String caseNumber) {
		return Long.parseLong(caseNumber.substring(caseNumber.lastIndexOf('-') + 1));
	}

	@Test
	void aNearbyReportOfTheSameCategoryIsFlaggedAndCanBeMerged() {
		long first = reported("06042");
		ResponseEntity<JsonNode> second = post("inspector", "/api/v1/cases", report("06042", "垃圾箱满溢"), null);
		assertThat(second.getBody().path("likelyDuplicateOf").asLong()).isEqualTo(first);
		long secondId = second.getBody().path("id").asLong();
		JsonNode merged = ok(act("operator", secondId, "merge", Map.of("into", first)));
		assertThat(merged.path("status").asText()).isEqualTo("MERGED");
		assertThat(merged.path("mergedInto").asLong()).isEqualTo(first);
		assertThat(merged.path("channel").asText()).isEqualTo("INSPECTOR");
		assertThat(merged.path("reporter").asText()).isEqualTo("inspector");
	}

	@Test
	void badReportsGetAClearMessageAndCreateNothing() {
		long before = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/cases?size=1", JsonNode.class)
			.path("total")
			.asLong();
		Map<String, Object> unknown = report("99999", "x");
		assertThat(post("inspector", "/api/v1/cases", unknown, null).getBody().path("detail").asText())
			.contains("Unknown category '99999'");
		Map<String, Object> outside = report("06001", "x");
		outside.put("lon", 121.60);
		assertThat(post("inspector", "/api/v1/cases", outside, null).getBody().path("detail").asText())
			.contains("outside the jurisdiction");
		Map<String, Object> noPlace = report("06001", "x");
		noPlace.remove("lon");
		noPlace.remove("lat");
		noPlace.put("address", "不存在路5号");
		assertThat(post("inspector", "/api/v1/cases", noPlace, null).getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		Map<String, Object> noText = report("06001", " ");
		assertThat(post("inspector", "/api/v1/cases", noText, null).getBody().path("detail").asText())
			.contains("description");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		assertThat(this.rest.withBasicAuth("inspector", "cityops-demo")
			.postForEntity("/api/v1/cases", new HttpEntity<>("{\"channel\": ", headers), JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(act("operator", 1, "teleport", null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(act("operator", 987654, "register", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		long after = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/cases?size=1", JsonNode.class)
			.path("total")
			.asLong();
		assertThat(after).isEqualTo(before);
	}

	@Test
	void reportsByAddressAreLocatedThroughTheGazetteer() {
		Map<String, Object> body = report("06036", "楼道口乱堆杂物");
		body.remove("lon");
		body.remove("lat");
		body.put("address", "武威路1082弄");
		ResponseEntity<JsonNode> created = post("operator", "/api/v1/cases", body, null);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody().path("location").path("compound").asText()).endsWith("C01");
		assertThat(created.getBody().path("departmentCode").asText()).startsWith("JW");
		assertThat(created.getBody().path("level").asText()).as("琐事不出社区: a committee's case starts in the community")
			.isEqualTo("COMMITTEE");
	}

	@Test
	void photosAreCheckedByContentAndServedWithoutTheirLocation() throws Exception {
		long id = reported("06001");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.IMAGE_JPEG);
		ResponseEntity<JsonNode> uploaded = this.rest.withBasicAuth("inspector", "cityops-demo")
			.postForEntity("/api/v1/cases/" + id + "/photos?stage=BEFORE",
					new HttpEntity<>(PhotoSanitizerTests.jpegWithLocation(), headers), JsonNode.class);
		assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		byte[] served = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject(uploaded.getHeaders().getLocation().getPath(), byte[].class);
		assertThat(PhotoSanitizerTests.contains(served, "GPSLatitude")).isFalse();
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served))).isNotNull();
		headers.setContentType(MediaType.IMAGE_PNG);
		ResponseEntity<JsonNode> fake = this.rest.withBasicAuth("inspector", "cityops-demo")
			.postForEntity("/api/v1/cases/" + id + "/photos?stage=AFTER",
					new HttpEntity<>("<script>not a picture</script>".getBytes(), headers), JsonNode.class);
		assertThat(fake.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/cases/" + id + "/photos", JsonNode.class)).hasSize(1);
	}

	@Test
	void listsCasesWithFilters() {
		long id = reported("06001");
		JsonNode page = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/cases?status=reported&category=06001&unit=310107103001001&size=500", JsonNode.class);
		assertThat(page.path("items")).extracting((c) -> c.path("id").asLong()).contains(id);
		assertThat(page.path("items")).allSatisfy((c) -> assertThat(c.path("status").asText()).isEqualTo("REPORTED"));
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/cases?size=0", JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
	}

}
