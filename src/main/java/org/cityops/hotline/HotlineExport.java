package org.cityops.hotline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What goes back to the hotline centre: every order concluded or returned in a period, in
 * the centre's fields, as JSON, CSV (UTF-8 with a byte-order mark, so Excel reads the
 * Chinese) or an Excel workbook. Callers are masked: the centre has them already.
 */
@Service
class HotlineExport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(OrderParser.SHANGHAI);

	/** Field name → the centre's column header, in the centre's order. */
	static final Map<String, String> FIELDS = fields();

	private final JdbcClient jdbc;

	HotlineExport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Map<String, String> fields() {
		Map<String, String> f = new LinkedHashMap<>();
		f.put("number", "工单编号");
		f.put("outcome", "办理结果");
		f.put("department", "承办单位");
		f.put("receivedAt", "受理时间");
		f.put("callerName", "来电人");
		f.put("callerPhone", "联系电话");
		f.put("firstContactAt", "先行联系时间");
		f.put("firstContactMethod", "先行联系方式");
		f.put("firstContactNote", "先行联系情况");
		f.put("concludedAt", "办结时间");
		f.put("concludedOnTime", "是否按时办结");
		f.put("reply", "答复内容");
		f.put("returnReason", "退单原因");
		f.put("returnNote", "退单说明");
		f.put("returnedAt", "退单时间");
		f.put("rehandlings", "重办次数");
		f.put("caseNumber", "案件编号");
		return f;
	}

	/**
	 * The orders concluded (办结) or returned (退单) from {@code from} (included) to
	 * {@code to} (excluded).
	 */
	public List<Map<String, String>> rows(Instant from, Instant to) {
		if (from == null || to == null || !from.isBefore(to)) {
			throw HotlineProblem.invalid("Give a period: from before to");
		}
		return this.jdbc.sql("""
				select o.*, fc.at as contact_at, fc.method as contact_method,
				       fc.text as contact_text,
				       (select count(*) from hotline_log l where l.order_id = o.id and l.kind = 'REHANDLING')
				         as rehandlings
				  from hotline_order o
				  left join lateral (select at, method, text from hotline_log l
				                      where l.order_id = o.id and l.kind = 'FIRST_CONTACT'
				                      order by id limit 1) fc on true
				 where (o.first_concluded_at >= :from and o.first_concluded_at < :to and o.status <> 'RETURNED')
				    or (o.status = 'RETURNED' and o.returned_at >= :from and o.returned_at < :to)
				 order by coalesce(o.first_concluded_at, o.returned_at), o.id""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(HotlineExport::row)
			.list();
	}

	private static Map<String, String> row(ResultSet rs, int i) throws SQLException {
		HotlineOrder o = HotlineOrders.order(rs, i);
		CallerData.Caller caller = CallerData.masked(o);
		boolean returned = o.status == OrderStatus.RETURNED;
		Map<String, String> r = new LinkedHashMap<>();
		r.put("number", o.number);
		r.put("outcome", returned ? "退单" : (o.status == OrderStatus.REHANDLING) ? "重办中" : "办结");
		r.put("department", o.departmentCode);
		r.put("receivedAt", time(o.receivedAt));
		r.put("callerName", caller.hidden() ? "保密" : caller.name());
		r.put("callerPhone", caller.hidden() ? "保密" : caller.phone());
		r.put("firstContactAt", time(rs.getTimestamp("contact_at")));
		r.put("firstContactMethod", rs.getString("contact_method"));
		r.put("firstContactNote", rs.getString("contact_text"));
		r.put("concludedAt", returned ? null : time(o.firstConcludedAt));
		r.put("concludedOnTime", (returned || o.concludedOnTime == null) ? null : o.concludedOnTime ? "是" : "否");
		r.put("reply", returned ? null : o.reply);
		r.put("returnReason", (o.returnReason != null && returned) ? o.returnReason.label() : null);
		r.put("returnNote", returned ? o.returnNote : null);
		r.put("returnedAt", returned ? time(o.returnedAt) : null);
		r.put("rehandlings", String.valueOf(rs.getLong("rehandlings")));
		r.put("caseNumber", o.caseNumber);
		return r;
	}

	public byte[] csv(List<Map<String, String>> rows) {
		StringBuilder out = new StringBuilder("\uFEFF");
		try (org.apache.commons.csv.CSVPrinter csv = org.cityops.shared.Csv.printer(out)) {
			csv.printRecord(FIELDS.values());
			for (Map<String, String> row : rows) {
				csv.printRecord(FIELDS.keySet().stream().map((f) -> org.cityops.shared.Csv.safe(row.get(f))).toList());
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** An Excel workbook with a header row of {@code headers} and the rows under it. */
	static byte[] xlsx(String sheet, Map<String, String> headers, List<Map<String, String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "CityOps", "1.0");
			Worksheet ws = workbook.newWorksheet(sheet);
			int c = 0;
			for (String header : headers.values()) {
				ws.value(0, c, header);
				ws.style(0, c).bold().set();
				ws.width(c++, 18);
			}
			int r = 1;
			for (Map<String, String> row : rows) {
				c = 0;
				for (String field : headers.keySet()) {
					String value = row.get(field);
					if (value != null) {
						ws.value(r, c, value);
					}
					c++;
				}
				r++;
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public byte[] xlsx(List<Map<String, String>> rows) {
		return xlsx("办结工单", FIELDS, rows);
	}

	/** The import template: the columns and one example order. */
	public static byte[] template() {
		Map<String, String> headers = new LinkedHashMap<>();
		Spreadsheet.COLUMNS.forEach((field, names) -> headers.put(field, names.get(0)));
		Map<String, String> example = new LinkedHashMap<>();
		example.put("number", "SH12345-20261120-0001");
		example.put("receivedAt", "2026-11-20 09:30");
		example.put("callerName", "张三");
		example.put("callerPhone", "13800001234");
		example.put("type", "投诉");
		example.put("urgency", "一般");
		example.put("address", "武威路1082弄");
		example.put("content", "小区门口垃圾堆放多日无人清运");
		example.put("confidential", "否");
		example.put("deadlineClass", "5个工作日");
		example.put("centreCategory", "城市管理-市容环境");
		return xlsx("工单", headers, List.of(example));
	}

	private static String time(Instant instant) {
		return (instant != null) ? TIME.format(instant) : null;
	}

	private static String time(Timestamp timestamp) {
		return (timestamp != null) ? time(timestamp.toInstant()) : null;
	}

}
