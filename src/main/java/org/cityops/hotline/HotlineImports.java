package org.cityops.hotline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports orders from a spreadsheet in two steps: the upload is checked row by row and
 * kept as a report (nothing becomes an order yet); when the operator says so, the valid
 * rows become orders in one transaction, all or none. The caller's details kept with a
 * pending import are removed once it is applied or discarded.
 */
@Service
class HotlineImports {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcClient jdbc;

	private final HotlineOrders orders;

	private final OrderIntake intake;

	private final Clock clock;

	HotlineImports(JdbcClient jdbc, HotlineOrders orders, OrderIntake intake, Clock clock) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.intake = intake;
		this.clock = clock;
	}

	/**
	 * One row of the report: {@code action} is CREATE, UPDATE (the number is an order
	 * already) or ERROR with its problems.
	 */
	public record RowReport(int row, String number, String action, List<String> problems, Map<String, String> fields) {
	}

	/** An import, its rows and what became of it. */
	public record ImportReport(long id, String filename, String format, String status, String uploadedBy,
			Instant uploadedAt, int valid, int invalid, List<RowReport> rows, String decidedBy, Instant decidedAt) {
	}

	/**
	 * Checks a file and keeps its report.
	 * @throws HotlineProblem when the file itself is unusable (not a spreadsheet, wrong
	 * columns); nothing is kept then
	 */
	@Transactional
	public ImportReport check(byte[] file, String filename, String by) {
		Spreadsheet.Read read = Spreadsheet.read(file);
		if (!read.problems().isEmpty()) {
			throw HotlineProblem.invalid(read.problems().get(0), read.problems());
		}
		Instant now = this.clock.instant();
		List<RowReport> rows = new ArrayList<>();
		Map<String, Integer> firstRow = new HashMap<>();
		List<String> numbers = new ArrayList<>();
		read.rows().forEach((row, fields) -> {
			OrderParser.Result parsed = OrderParser.parse(order(fields), now);
			List<String> problems = new ArrayList<>(parsed.problems());
			String number = OrderParser.trim(fields.get("number"));
			if (number != null && firstRow.containsKey(number)) {
				problems.add("工单编号 " + number + " is also on row " + firstRow.get(number) + "; keep one of them");
			}
			else if (number != null) {
				firstRow.put(number, row);
			}
			if (problems.isEmpty()) {
				numbers.add(number);
			}
			rows.add(new RowReport(row, number, problems.isEmpty() ? "CREATE" : "ERROR", problems, fields));
		});
		List<String> existing = this.orders.existing(numbers);
		List<RowReport> marked = rows.stream()
			.map((r) -> r.action().equals("CREATE") && existing.contains(r.number())
					? new RowReport(r.row(), r.number(), "UPDATE", r.problems(), r.fields()) : r)
			.toList();
		int valid = (int) marked.stream().filter((r) -> !r.action().equals("ERROR")).count();
		long id = this.jdbc.sql("""
				insert into hotline_import (filename, format, uploaded_by, uploaded_at, status, rows, valid_rows,
				                            invalid_rows)
				values (?, ?, ?, ?, 'PENDING', cast(? as jsonb), ?, ?) returning id""")
			.params(limit(filename), read.format(), by, Timestamp.from(now), json(marked), valid, marked.size() - valid)
			.query(Long.class)
			.single();
		return report(id);
	}

	/** What applying an import did. */
	public record Applied(long id, int created, int updated, int unchanged, int skipped) {
	}

	/**
	 * Makes the valid rows orders, all in one transaction: if one fails, none is written.
	 */
	@Transactional
	public Applied apply(long id, String by) {
		ImportReport report = lockPending(id);
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		Instant now = this.clock.instant();
		for (RowReport row : report.rows()) {
			if (row.action().equals("ERROR")) {
				continue;
			}
			OrderParser.Result parsed = OrderParser.parse(order(row.fields()), now);
			if (!parsed.ok()) {
				throw HotlineProblem.invalid("Row " + row.row() + " is no longer valid: "
						+ String.join("; ", parsed.problems()) + ". Upload the file again", parsed.problems());
			}
			switch (this.intake.receive(parsed.order(), "IMPORT", by).outcome()) {
				case CREATED -> created++;
				case UPDATED -> updated++;
				case UNCHANGED -> unchanged++;
			}
		}
		decide(id, "APPLIED", by, now);
		return new Applied(id, created, updated, unchanged, report.invalid());
	}

	@Transactional
	public void discard(long id, String by) {
		lockPending(id);
		decide(id, "DISCARDED", by, this.clock.instant());
	}

	private ImportReport lockPending(long id) {
		this.jdbc.sql("select id from hotline_import where id = ? for update")
			.param(id)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> HotlineProblem.notFound("import " + id));
		ImportReport report = report(id);
		if (!report.status().equals("PENDING")) {
			throw HotlineProblem.conflict(
					"Import " + id + " was already " + report.status().toLowerCase() + " by " + report.decidedBy());
		}
		return report;
	}

	private void decide(long id, String status, String by, Instant now) {
		this.jdbc.sql("""
				update hotline_import
				   set status = ?, decided_by = ?, decided_at = ?,
				       rows = (select coalesce(jsonb_agg(r - 'fields' order by (r ->> 'row')::int), '[]')
				                 from jsonb_array_elements(rows) r)
				 where id = ?""").params(status, by, Timestamp.from(now), id).update();
	}

	public ImportReport report(long id) {
		return this.jdbc.sql("select * from hotline_import where id = ?")
			.param(id)
			.query((rs, i) -> new ImportReport(rs.getLong("id"), rs.getString("filename"), rs.getString("format"),
					rs.getString("status"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(),
					rs.getInt("valid_rows"), rs.getInt("invalid_rows"), rows(rs.getString("rows")),
					rs.getString("decided_by"),
					(rs.getTimestamp("decided_at") != null) ? rs.getTimestamp("decided_at").toInstant() : null))
			.optional()
			.orElseThrow(() -> HotlineProblem.notFound("import " + id));
	}

	/** The row report with the caller masked, for pages and the API. */
	public static List<RowReport> masked(List<RowReport> rows) {
		return rows.stream().map((r) -> {
			if (r.fields() == null) {
				return r;
			}
			Map<String, String> fields = new LinkedHashMap<>(r.fields());
			fields.computeIfPresent("callerName", (k, v) -> CallerData.maskName(OrderParser.trim(v)));
			fields.computeIfPresent("callerPhone", (k, v) -> CallerData.maskPhone(OrderParser.trim(v)));
			return new RowReport(r.row(), r.number(), r.action(), r.problems(), fields);
		}).toList();
	}

	private static NewOrder order(Map<String, String> f) {
		return new NewOrder(f.get("number"), f.get("receivedAt"), f.get("callerName"), f.get("callerPhone"),
				f.get("type"), f.get("urgency"), f.get("address"), f.get("content"), f.get("confidential"),
				f.get("deadlineClass"), f.get("centreCategory"));
	}

	private static String limit(String filename) {
		String name = (filename == null || filename.isBlank()) ? "upload" : filename.strip();
		return (name.length() > 200) ? name.substring(0, 200) : name;
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<RowReport> rows(String json) {
		try {
			return JSON.readValue(json, new TypeReference<>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
