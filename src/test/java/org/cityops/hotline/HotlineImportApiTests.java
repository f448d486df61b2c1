package org.cityops.hotline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spreadsheet imports: checked row by row, nothing written until the operator applies,
 * then all valid rows or none; resent numbers update; wrong files are refused whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HotlineImportApiTests {

	static final List<String> HEADER = List.of("工单编号", "受理时间", "来电人", "联系电话", "诉求类型", "紧急程度", "诉求地址", "诉求内容", "是否保密",
			"办理时限", "热线分类");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	HotlineClient api;

	LocalDateTime hourAgo;

	@BeforeEach
	void setUp() {
		this.api = new HotlineClient(this.rest);
		this.hourAgo = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(1).truncatedTo(ChronoUnit.MINUTES);
	}

	@Test
	void anXlsxIsCheckedRowByRowAndImportedOnlyWhenTheOperatorSaysSo() throws IOException {
		String good = HotlineClient.number("XL");
		String bad = HotlineClient.number("XL");
		byte[] file = xlsx(List.of(row(good, "求助", "紧急"), List.of(bad, "去年某天", "", "", "咨询", "", "", "问路"),
				row(good, "投诉", "一般")));

		JsonNode report = check(file, "orders.xlsx", "operator");
		assertThat(report.path("format").asText()).isEqualTo("xlsx");
		assertThat(report.path("valid").asInt()).isEqualTo(1);
		assertThat(report.path("invalid").asInt()).isEqualTo(2);
		JsonNode rows = report.path("rows");
		assertThat(rows.get(0).path("row").asInt()).isEqualTo(2);
		assertThat(rows.get(0).path("action").asText()).isEqualTo("CREATE");
		assertThat(rows.get(0).path("fields").path("callerPhone").asText()).isEqualTo("139****0001");
		assertThat(rows.get(1).path("problems").get(0).asText()).contains("受理时间").contains("去年某天");
		assertThat(rows.get(2).path("problems").get(0).asText()).contains("also on row 2");
		assertThat(this.api.get("operator", "/api/v1/hotline/orders/by-number/" + good).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		long importId = report.path("id").asLong();
		JsonNode applied = HotlineClient
			.ok(this.api.post("operator", "/api/v1/hotline/imports/" + importId + "/apply", null));
		assertThat(applied.path("created").asInt()).isEqualTo(1);
		assertThat(applied.path("skipped").asInt()).isEqualTo(2);
		JsonNode order = HotlineClient.ok(this.api.get("operator", "/api/v1/hotline/orders/by-number/" + good));
		assertThat(order.path("type").asText()).isEqualTo("HELP");
		assertThat(order.path("urgent").asBoolean()).isTrue();
		assertThat(order.path("source").asText()).isEqualTo("IMPORT");
		assertThat(order.path("receivedAt").asText())
			.isEqualTo(this.hourAgo.atZone(ZoneId.of("Asia/Shanghai")).toInstant().toString());
		assertThat(this.api.post("operator", "/api/v1/hotline/imports/" + importId + "/apply", null).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		JsonNode confirmed = this.api.act("operator", order.path("id").asLong(), "confirm",
				Map.of("categoryCode", "06001"));
		JsonNode c = HotlineClient.ok(this.api.get("operator", "/api/v1/cases/" + confirmed.path("caseId").asLong()));
		assertThat(c.path("channel").asText()).isEqualTo("HOTLINE");
		assertThat(c.path("status").asText()).isEqualTo("DISPATCHED");
		String kept = this.jdbc.sql("select rows::text from hotline_import where id = ?")
			.param(importId)
			.query(String.class)
			.single();
		assertThat(kept).doesNotContain("13900000001");

		// the same file again: the valid row is an update now, and changes nothing
		JsonNode again = check(file, "orders.xlsx", "operator");
		assertThat(again.path("rows").get(0).path("action").asText()).isEqualTo("UPDATE");
		JsonNode reapplied = HotlineClient
			.ok(this.api.post("operator", "/api/v1/hotline/imports/" + again.path("id").asLong() + "/apply", null));
		assertThat(reapplied.path("unchanged").asInt()).isEqualTo(1);
		assertThat(this.api.get("operator", "/api/v1/hotline/orders?q=" + good).getBody().path("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void excelDateCellsAndGb18030CsvAreRead() throws IOException {
		String fromDateCell = HotlineClient.number("DC");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		Worksheet ws = workbook.newWorksheet("工单");
		for (int c = 0; c < 4; c++) {
			ws.value(0, c, List.of("工单编号", "受理时间", "诉求类型", "诉求内容").get(c));
		}
		ws.value(1, 0, fromDateCell);
		ws.value(1, 1, this.hourAgo);
		ws.style(1, 1).format("yyyy-mm-dd hh:mm").set();
		ws.value(1, 2, "建议");
		ws.value(1, 3, "建议在公园增设座椅");
		workbook.finish();
		JsonNode report = check(out.toByteArray(), "dates.xlsx", "operator");
		assertThat(report.path("rows").get(0).path("problems")).isEmpty();
		HotlineClient
			.ok(this.api.post("operator", "/api/v1/hotline/imports/" + report.path("id").asLong() + "/apply", null));
		assertThat(HotlineClient.ok(this.api.get("operator", "/api/v1/hotline/orders/by-number/" + fromDateCell))
			.path("receivedAt")
			.asText()).isEqualTo(this.hourAgo.atZone(ZoneId.of("Asia/Shanghai")).toInstant().toString());

		String inGbk = HotlineClient.number("GB");
		String csv = "工单编号,受理时间,诉求类型,诉求内容,诉求地址\r\n" + inGbk + "," + this.hourAgo.toString().replace('T', ' ')
				+ ",投诉,\"夜间施工噪音，扰民\",武威路1082弄\r\n";
		JsonNode gbk = check(csv.getBytes(Charset.forName("GB18030")), "orders.csv", "operator");
		assertThat(gbk.path("format").asText()).isEqualTo("csv");
		assertThat(gbk.path("rows").get(0).path("fields").path("content").asText()).isEqualTo("夜间施工噪音，扰民");
		assertThat(gbk.path("valid").asInt()).isEqualTo(1);
	}

	@Test
	void aFileThatIsNotTheOrderSheetIsRefusedWholeAndNothingIsKept() {
		long before = this.jdbc.sql("select count(*) from hotline_import").query(Long.class).single();
		ResponseEntity<JsonNode> wrongColumns = upload(
				"编号,时间,内容\r\nA1,2026-11-20 09:00,x\r\n".getBytes(StandardCharsets.UTF_8), "wrong.csv", "operator");
		assertThat(wrongColumns.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(wrongColumns.getBody().path("detail").asText()).contains("lacks the columns 工单编号, 受理时间, 诉求类型;")
			.contains("it has: 编号, 时间, 内容");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13 };
		ResponseEntity<JsonNode> picture = upload(png, "photo.png", "operator");
		assertThat(picture.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(picture.getBody().path("detail").asText()).contains("neither an Excel workbook");
		byte[] brokenZip = { 'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8 };
		assertThat(upload(brokenZip, "broken.xlsx", "operator").getBody().path("detail").asText())
			.contains("cannot be read");
		assertThat(upload(new byte[0], "empty.csv", "operator").getBody().path("detail").asText()).contains("empty");
		assertThat(upload("x".getBytes(StandardCharsets.UTF_8), "a.csv", "inspector").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.jdbc.sql("select count(*) from hotline_import").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aDiscardedImportWritesNoOrder() throws IOException {
		String number = HotlineClient.number("DS");
		JsonNode report = check(xlsx(List.of(row(number, "咨询", ""))), "o.xlsx", "operator");
		assertThat(this.api.post("operator", "/api/v1/hotline/imports/" + report.path("id").asLong() + "/discard", null)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.api.post("operator", "/api/v1/hotline/imports/" + report.path("id").asLong() + "/apply", null)
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(this.api.get("operator", "/api/v1/hotline/orders/by-number/" + number).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theTemplateIsAValidEmptyImport() {
		ResponseEntity<byte[]> template = this.rest.withBasicAuth("operator", "cityops-demo")
			.getForEntity("/api/v1/hotline/import-template.xlsx", byte[].class);
		assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode report = check(template.getBody(), "template.xlsx", "operator");
		assertThat(report.path("rows")).hasSize(1);
		assertThat(report.path("rows").get(0).path("fields").path("number").asText())
			.isEqualTo("SH12345-20261120-0001");
	}

	List<String> row(String number, String type, String urgency) {
		return List.of(number, this.hourAgo.toString().replace('T', ' '), "王小明", "13900000001", type, urgency, "莲花公寓",
				"小区门口垃圾堆放", "否", "", "市容环境");
	}

	static byte[] xlsx(List<List<String>> rows) {
		Map<String, String> headers = new LinkedHashMap<>();
		HEADER.forEach((h) -> headers.put(h, h));
		List<Map<String, String>> data = rows.stream().map((r) -> {
			Map<String, String> m = new LinkedHashMap<>();
			for (int i = 0; i < r.size(); i++) {
				m.put(HEADER.get(i), r.get(i));
			}
			return m;
		}).toList();
		return HotlineExport.xlsx("工单", headers, data);
	}

	JsonNode check(byte[] file, String name, String who) {
		ResponseEntity<JsonNode> response = upload(file, name, who);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		return response.getBody();
	}

	ResponseEntity<JsonNode> upload(byte[] file, String name, String who) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(file) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.rest.withBasicAuth(who, "cityops-demo")
			.postForEntity("/api/v1/hotline/imports", new HttpEntity<>(form, headers), JsonNode.class);
	}

}
