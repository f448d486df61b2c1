package org.cityops.dashboard;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard over HTTP: KPIs with filters and clear refusals, the evaluation, the
 * screen's data, the CSV export, the live feed, and who may rebuild.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cityops.dashboard.feed-interval=200")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardApiTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	long report(String description) {
		JsonNode place = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/grid/geocode?q=莲花公寓", JsonNode.class);
		Map<String, Object> body = new HashMap<>();
		body.put("channel", "INSPECTOR");
		body.put("categoryCode", "06001");
		body.put("description", description);
		body.put("lon", place.path("point").path("lon").asDouble());
		body.put("lat", place.path("point").path("lat").asDouble());
		ResponseEntity<JsonNode> created = this.rest.withBasicAuth("inspector", "cityops-demo")
			.postForEntity("/api/v1/cases", body, JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long id = created.getBody().path("id").asLong();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from dash_case where case_id = ? and reported_at is not null")
				.param(id)
				.query(Long.class)
				.single() == 1);
		return id;
	}

	@Test
	void kpisOfThisMonthCountANewCaseInItsUnitAndDepartment() {
		long before = this.rest.withBasicAuth("leader", "cityops-demo")
			.getForObject("/api/v1/dashboard/kpis", JsonNode.class)
			.path("counts")
			.path("reported")
			.asLong();
		report("莲花公寓门口私搭乱建");
		JsonNode town = this.rest.withBasicAuth("leader", "cityops-demo")
			.getForObject("/api/v1/dashboard/kpis", JsonNode.class);
		assertThat(town.path("counts").path("reported").asLong()).isEqualTo(before + 1);
		assertThat(town.path("rates").path("registrationRate").isNumber()).isTrue();
		JsonNode unit = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/dashboard/kpis?unit=310107103001001&channel=INSPECTOR", JsonNode.class);
		assertThat(unit.path("counts").path("reported").asLong()).isPositive();
		JsonNode other = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/dashboard/kpis?unit=310107103001001&channel=HOTLINE", JsonNode.class);
		assertThat(other.path("counts").path("reported").asLong()).isZero();
		// a rate with nothing to count has no value (left out of the JSON), not 100 %
		assertThat(other.path("rates").path("closureRate").isNumber()).isFalse();
		JsonNode byUnit = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/dashboard/kpis/by/unit", JsonNode.class);
		assertThat(byUnit.findValuesAsText("key")).contains("310107103001001");
	}

	@Test
	void refusesAPeriodItCannotReadWithAnExplanation() {
		ResponseEntity<JsonNode> bad = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/dashboard/kpis?month=2026-13", JsonNode.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(bad.getBody().path("detail").asText()).contains("'2026-13' is not a month like 2026-11");
		ResponseEntity<JsonNode> half = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/dashboard/kpis?from=2026-11-01", JsonNode.class);
		assertThat(half.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(half.getBody().path("detail").asText()).contains("Give both from and to");
		ResponseEntity<JsonNode> backwards = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/dashboard/kpis?from=2026-11-30&to=2026-11-01", JsonNode.class);
		assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		ResponseEntity<JsonNode> dimension = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/dashboard/kpis/by/colour", JsonNode.class);
		assertThat(dimension.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		ResponseEntity<JsonNode> subject = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/dashboard/evaluation/weather", JsonNode.class);
		assertThat(subject.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(this.rest.getForEntity("/api/v1/dashboard/kpis", JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void evaluatesDepartmentsWithScoresGradesAndRanks() {
		report("待评价的案件");
		JsonNode scores = this.rest.withBasicAuth("leader", "cityops-demo")
			.getForObject("/api/v1/dashboard/evaluation/departments", JsonNode.class);
		assertThat(scores.isArray()).isTrue();
		JsonNode inspectors = this.rest.withBasicAuth("leader", "cityops-demo")
			.getForObject("/api/v1/dashboard/evaluation/inspectors", JsonNode.class);
		JsonNode inspector = null;
		for (JsonNode s : inspectors) {
			if (s.path("subject").asText().equals("inspector")) {
				inspector = s;
			}
		}
		assertThat(inspector).isNotNull();
		assertThat(inspector.path("cases").asLong()).isPositive();
		// nothing registered yet: a valid-report rate of 0 is a real score, not a missing
		// one
		assertThat(inspector.path("indicators").has("validReportRate")).isTrue();
		assertThat(inspector.path("grade").asText()).matches("[A-E]");
	}

	@Test
	void theScreenReadsEverythingAndTheCsvCarriesTheCases() {
		long id = report("导出用案件");
		JsonNode screen = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/dashboard/screen", JsonNode.class);
		assertThat(screen.path("trend")).hasSize(30);
		assertThat(screen.path("openByUnit").path("310107103001001").asLong()).isPositive();
		assertThat(screen.path("recent").findValuesAsText("id")).contains(String.valueOf(id));
		assertThat(screen.has("alarms") && screen.has("sensors") && screen.has("hotline")).isTrue();
		ResponseEntity<byte[]> csv = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/dashboard/cases.csv?unit=310107103001001", byte[].class);
		assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
		String text = new String(csv.getBody(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFcase_id,number,channel");
		String number = this.jdbc.sql("select number from case_file where id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(text).contains(number);
	}

	/**
	 * First, so that the case is reported right after start, before the feed's first
	 * look: it must still be sent (an earlier version took note of it silently).
	 */
	@Test
	@Order(1)
	void theLiveFeedSendsANewCase() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/dashboard/stream"))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("operator:cityops-demo".getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
		assertThat(lines.readLine()).isEqualTo("event:hello");
		long id = report("实时动态里的新案件");
		CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
			try {
				String event = null;
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					if (line.startsWith("event:")) {
						event = line.substring(6);
					}
					else if (line.startsWith("data:") && "case".equals(event) && line.contains("\"id\":" + id + ",")) {
						return line;
					}
				}
				return null;
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		assertThat(seen.get(15, TimeUnit.SECONDS)).contains("私搭乱建");
		response.body().close();
	}

	@Test
	void theMonthlyReportOpensAsXlsxAndPdfWithTheMonthsNumbers() throws Exception {
		report("月报里的案件");
		String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		JsonNode kpis = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForObject("/api/v1/dashboard/kpis?month=" + month, JsonNode.class);
		long reported = kpis.at("/counts/reported").asLong();
		assertThat(reported).isPositive();
		ResponseEntity<byte[]> xlsx = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/dashboard/reports/" + month + ".xlsx", byte[].class);
		List<String> ranked = new java.util.ArrayList<>();
		assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx.getBody()))) {
			var summary = wb.getSheet("概览");
			assertThat(summary.getRow(3).getCell(0).getStringCellValue()).isEqualTo("上报案件");
			assertThat((long) summary.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(reported);
			var days = wb.getSheet("每日趋势");
			long sum = 0;
			for (int r = 1; r <= days.getLastRowNum(); r++) {
				sum += (long) days.getRow(r).getCell(1).getNumericCellValue();
			}
			assertThat(sum).isEqualTo(reported);
			assertThat(days.getDrawingPatriarch().getCharts()).hasSize(1);
			assertThat(days.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0).getSeriesCount())
				.isEqualTo(2);
			for (String sheet : List.of("部门考评", "片区考评", "案件类别")) {
				var rows = wb.getSheet(sheet);
				for (int r = 1; r <= rows.getLastRowNum(); r++) {
					ranked.add(rows.getRow(r).getCell(1).getStringCellValue());
				}
			}
		}
		ResponseEntity<byte[]> pdf = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/dashboard/reports/" + month + ".pdf", byte[].class);
		assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
			assertThat(text).contains("桃浦镇城市运行月报 " + month).contains("上报 " + reported);
			// every department, area and top category of the workbook is in the PDF too:
			// nothing runs off the bottom of a page
			assertThat(ranked).isNotEmpty();
			assertThat(text).contains(ranked);
		}
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/dashboard/reports/2026-13.pdf", JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/dashboard/reports/2999-01.xlsx", JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
	}

	@Autowired
	ReportArchive archive;

	@Test
	void aMonthsReportIsKeptOnceAndServedAsKeptUntilMadeAgain() throws Exception {
		java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(5);
		// two instances at once: exactly one makes the report
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		var made = pool.invokeAll(List.of(() -> this.archive.keep(month), () -> this.archive.keep(month)));
		pool.shutdown();
		assertThat(List.of(made.get(0).get(), made.get(1).get())).containsExactlyInAnyOrder(true, false);
		assertThat(this.archive.keep(month)).isFalse();

		JsonNode kept = this.rest.withBasicAuth("leader", "cityops-demo")
			.getForObject("/api/v1/dashboard/reports", JsonNode.class);
		JsonNode entry = null;
		for (JsonNode k : kept) {
			if (k.path("month").asText().equals(month.toString())) {
				entry = k;
			}
		}
		assertThat(entry).isNotNull();
		assertThat(entry.path("generatedBy").asText()).isEqualTo("schedule");
		assertThat(entry.path("pdfBytes").asInt()).isPositive();
		String generatedAt = entry.path("generatedAt").asText();

		ResponseEntity<byte[]> pdf = this.rest.withBasicAuth("leader", "cityops-demo")
			.getForEntity("/api/v1/dashboard/reports/" + month + ".pdf", byte[].class);
		assertThat(java.time.Instant.parse(pdf.getHeaders().getFirst("X-Report-Generated-At")))
			.isEqualTo(java.time.Instant.parse(generatedAt));
		assertThat(pdf.getBody()).hasSize(entry.path("pdfBytes").asInt());
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.getBody())) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("桃浦镇城市运行月报 " + month);
		}

		assertThat(this.rest.withBasicAuth("inspector", "cityops-demo")
			.postForEntity("/api/v1/dashboard/reports/" + month, null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		String thisMonth = month.plusMonths(5).toString();
		ResponseEntity<JsonNode> notEnded = this.rest.withBasicAuth("operator", "cityops-demo")
			.postForEntity("/api/v1/dashboard/reports/" + thisMonth, null, JsonNode.class);
		assertThat(notEnded.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(notEnded.getBody().path("detail").asText()).contains("has not ended");

		JsonNode again = this.rest.withBasicAuth("operator", "cityops-demo")
			.postForObject("/api/v1/dashboard/reports/" + month, null, JsonNode.class);
		assertThat(again.path("generatedBy").asText()).isEqualTo("operator");
		assertThat(java.time.Instant.parse(again.path("generatedAt").asText()))
			.isAfter(java.time.Instant.parse(generatedAt));
		assertThat(this.rest.withBasicAuth("leader", "cityops-demo")
			.getForEntity("/api/v1/dashboard/reports/" + month + ".xlsx", byte[].class)
			.getHeaders()
			.getFirst("X-Report-Generated-At")).isEqualTo(again.path("generatedAt").asText());
	}

	@Test
	void onlyAnAdministratorRebuilds() {
		assertThat(this.rest.withBasicAuth("operator", "cityops-demo")
			.postForEntity("/api/v1/dashboard/rebuild", null, JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		report("重建前的案件");
		long cases = this.jdbc.sql("select count(*) from case_file").query(Long.class).single();
		ResponseEntity<JsonNode> rebuilt = this.rest.withBasicAuth("admin", "cityops-demo")
			.postForEntity("/api/v1/dashboard/rebuild", null, JsonNode.class);
		assertThat(rebuilt.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(rebuilt.getBody().path("cases").asLong()).isEqualTo(cases);
	}

}
