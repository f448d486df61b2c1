package org.cityops.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVPrinter;
import org.cityops.shared.Csv;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases a filter selects as CSV (UTF-8 with a byte-order mark so that Excel reads the
 * Chinese, cells that could start a formula quoted with an apostrophe), streamed row by
 * row so that a decade of cases needs no memory.
 */
@Service
class CaseExport {

	static final String[] COLUMNS = { "case_id", "number", "channel", "category_code", "area_code", "block_code",
			"unit_code", "department_code", "reporter", "reported_at", "registered_at", "dispatched_at", "handled_at",
			"verified_at", "closed_at", "rejected_at", "cancelled_at", "closed_on_time", "simple_procedure",
			"resolved_level", "returns", "reworks", "escalations", "supervised", "overdue_stages" };

	private final NamedParameterJdbcTemplate jdbc;

	CaseExport(DataSource dataSource) {
		// its own template: a fetch size streams the rows (inside the read-only
		// transaction)
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(1000);
		this.jdbc = new NamedParameterJdbcTemplate(template);
	}

	@Transactional(readOnly = true)
	public void write(KpiFilter filter, Writer out) throws IOException {
		Map<String, Object> params = new HashMap<>();
		String where = CaseKpis.where(filter, params);
		out.write('\uFEFF');
		CSVPrinter csv = Csv.printer(out);
		csv.printRecord((Object[]) COLUMNS);
		this.jdbc.query("select " + String.join(", ", COLUMNS) + " from dash_case where " + where
				+ " order by reported_at, case_id", params, (ResultSet rs) -> {
					row(rs, csv);
				});
		csv.flush();
	}

	private static void row(ResultSet rs, CSVPrinter csv) throws SQLException {
		try {
			List<String> cells = new ArrayList<>(COLUMNS.length);
			for (int i = 1; i <= COLUMNS.length; i++) {
				Object v = rs.getObject(i);
				String text = (v == null) ? "" : (v instanceof java.sql.Timestamp t) ? t.toInstant().toString()
						: (v instanceof java.sql.Array a) ? String.join(" ", (String[]) a.getArray()) : v.toString();
				cells.add(Csv.safe(text));
			}
			csv.printRecord(cells);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
