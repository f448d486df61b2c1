package org.cityops.hotline;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cityops.shared.Reach;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.cityops.shared.Jdbc.ts;
import static org.cityops.shared.Jdbc.instant;

/**
 * Hotline orders and their logs in PostgreSQL. Changes go through {@link #lock} and
 * {@link #update}, whose version check refuses a lost update.
 */
@Repository
class HotlineOrders {

	private static final String COLUMNS = """
			number, received_at, caller_name, caller_phone, type, urgent, address, content, confidential,
			conclusion_days, centre_category, source, status, round, lon, lat, place_match, unit_code, suggestions,
			category_code, case_id, case_number, department_code, first_contact_due, first_contact_at, conclude_due, concluded_at,
			first_concluded_at, concluded_on_time, reply, rehandle_due, complex, return_reason, return_note,
			returned_at, alerts, dispatched_at, first_contact_entered_at""";

	private static final String VALUES = """
			:number, :receivedAt, :callerName, :callerPhone, :type, :urgent, :address, :content, :confidential,
			:conclusionDays, :centreCategory, :source, :status, :round, :lon, :lat, :placeMatch, :unitCode,
			cast(:suggestions as jsonb), :categoryCode, :caseId, :caseNumber, :departmentCode, :firstContactDue, :firstContactAt,
			:concludeDue, :concludedAt, :firstConcludedAt, :concludedOnTime, :reply, :rehandleDue, :complex,
			:returnReason, :returnNote, :returnedAt, cast(:alerts as text[]), :dispatchedAt, :firstContactEnteredAt""";

	private static final String SETS = sets();

	private final JdbcClient jdbc;

	/** Whether any order exists at all. */
	boolean any() {
		return this.jdbc.sql("select exists (select 1 from hotline_order)").query(Boolean.class).single();
	}

	HotlineOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a new order; empty when its number arrived at the same moment. */
	Optional<Long> insert(HotlineOrder o) {
		Optional<Long> id = this.jdbc
			.sql("insert into hotline_order (" + COLUMNS + ") values (" + VALUES
					+ ") on conflict (number) do nothing returning id")
			.params(params(o))
			.query(Long.class)
			.optional();
		id.ifPresent((value) -> {
			o.id = value;
			appendLog(o);
		});
		return id;
	}

	/** Writes the order back unless someone changed it meanwhile. */
	boolean update(HotlineOrder o) {
		Map<String, Object> params = params(o);
		params.put("id", o.id);
		params.put("version", o.version);
		int changed = this.jdbc
			.sql("update hotline_order set " + SETS
					+ ", updated_at = now(), version = version + 1 where id = :id and version = :version")
			.params(params)
			.update();
		if (changed == 1) {
			o.version++;
			appendLog(o);
		}
		return changed == 1;
	}

	private void appendLog(HotlineOrder o) {
		for (HotlineOrder.LogEntry e : o.newLog) {
			this.jdbc.sql("""
					insert into hotline_log (order_id, round, at, kind, by_name, method, text, case_id)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(o.id, o.round, Timestamp.from(e.at()), e.kind(), e.by(), e.method(), e.text(), e.caseId())
				.update();
		}
		o.newLog.clear();
	}

	Optional<HotlineOrder> find(long id) {
		return this.jdbc.sql("select * from hotline_order where id = ?")
			.param(id)
			.query(HotlineOrders::order)
			.optional();
	}

	/** The order if the reader's reach covers it: out of reach reads as absent. */
	Optional<HotlineOrder> find(long id, Reach reach) {
		Reach.Named scope = reach.named("unit_code", "department_code");
		Map<String, Object> params = new LinkedHashMap<>(scope.params());
		params.put("id", id);
		return this.jdbc.sql("select * from hotline_order where id = :id and " + scope.condition())
			.params(params)
			.query(HotlineOrders::order)
			.optional();
	}

	Optional<HotlineOrder> lock(long id) {
		return this.jdbc.sql("select * from hotline_order where id = ? for update")
			.param(id)
			.query(HotlineOrders::order)
			.optional();
	}

	Optional<HotlineOrder> lockByNumber(String number) {
		return this.jdbc.sql("select * from hotline_order where number = ? for update")
			.param(number)
			.query(HotlineOrders::order)
			.optional();
	}

	Optional<Long> idOf(String number) {
		return this.jdbc.sql("select id from hotline_order where number = ?")
			.param(number)
			.query(Long.class)
			.optional();
	}

	/** Which of these numbers are already orders. */
	List<String> existing(List<String> numbers) {
		if (numbers.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select number from hotline_order where number = any(cast(:numbers as text[]))")
			.param("numbers", "{" + String.join(",", numbers) + "}")
			.query(String.class)
			.list();
	}

	/** The order whose current case this is. */
	Optional<Long> byCase(long caseId) {
		return this.jdbc.sql("select id from hotline_order where case_id = ?")
			.param(caseId)
			.query(Long.class)
			.optional();
	}

	/** The order's case went to a department at that time: the order follows it. */
	void departmentChanged(long caseId, String department, Instant at) {
		this.jdbc
			.sql("update hotline_order set department_code = ?, dispatched_at = ?, updated_at = now() "
					+ "where case_id = ?")
			.params(department, Timestamp.from(at), caseId)
			.update();
	}

	List<HotlineOrder.LogEntry> log(long orderId) {
		return this.jdbc.sql("select * from hotline_log where order_id = ? order by at, id")
			.param(orderId)
			.query((rs, i) -> new HotlineOrder.LogEntry(rs.getString("kind"), rs.getString("by_name"),
					rs.getString("method"), rs.getString("text"), (Long) rs.getObject("case_id"),
					rs.getTimestamp("at").toInstant()))
			.list();
	}

	/** A page of orders matching the filter, the most urgent deadline first. */
	List<HotlineOrder> list(HotlineFilter filter, Reach reach, Instant now, int offset, int limit) {
		Where where = where(filter, reach, now);
		where.params.put("limit", limit);
		where.params.put("offset", offset);
		return this.jdbc.sql("select * from hotline_order" + where.sql + " " + """
				order by case when status in ('RETURNED', 'CLOSED') then 1 else 0 end,
				         case when first_contact_at is null and status <> 'CONCLUDED' then first_contact_due
				              when round > 1 then rehandle_due else conclude_due end, id
				limit :limit offset :offset""").params(where.params).query(HotlineOrders::order).list();
	}

	long count(HotlineFilter filter, Reach reach, Instant now) {
		Where where = where(filter, reach, now);
		return this.jdbc.sql("select count(*) from hotline_order" + where.sql)
			.params(where.params)
			.query(Long.class)
			.single();
	}

	/**
	 * Open orders with a deadline before {@code horizon}, locked, skipping those locked.
	 */
	/**
	 * Orders with a deadline before the horizon that still owe a warning for it (near, or
	 * overdue once due), the earliest deadline first, locked so that one sweeper takes
	 * each: an order warned already is left out, so however many are open, every one gets
	 * its turn.
	 */
	List<HotlineOrder> lockDueBefore(Instant now, Instant horizon, int limit) {
		return this.jdbc.sql("""
				with pending as (
				  select id,
				         case when first_contact_at is null and not ('CONTACT:OVERDUE' = any(alerts))
				                   and (first_contact_due <= :now or not ('CONTACT:NEAR' = any(alerts)))
				              then first_contact_due end as contact,
				         case when status <> 'RETURN_REQUESTED'
				                   and not (('CONCLUDE:' || round || ':OVERDUE') = any(alerts))
				                   and (coalesce(case when round > 1 then rehandle_due end, conclude_due) <= :now
				                        or not (('CONCLUDE:' || round || ':NEAR') = any(alerts)))
				              then coalesce(case when round > 1 then rehandle_due end, conclude_due) end as conclude
				    from hotline_order
				   where status in ('DISPATCHED', 'RETURN_REQUESTED', 'REHANDLING'))
				select o.* from hotline_order o join pending p on p.id = o.id
				 where least(p.contact, p.conclude) < :horizon
				 order by least(p.contact, p.conclude), o.id limit :limit for update of o skip locked""")
			.param("now", Timestamp.from(now))
			.param("horizon", Timestamp.from(horizon))
			.param("limit", limit)
			.query(HotlineOrders::order)
			.list();
	}

	private static String sets() {
		String[] columns = COLUMNS.split(",");
		String[] values = VALUES.split(",");
		List<String> sets = new ArrayList<>();
		for (int i = 0; i < columns.length; i++) {
			sets.add(columns[i].trim() + " = " + values[i].trim());
		}
		return String.join(", ", sets);
	}

	void saveCallback(long orderId, int round, Instant at, String by, Satisfaction efficiency, Satisfaction attitude,
			Satisfaction result, boolean solved, String note) {
		this.jdbc.sql("""
				insert into hotline_callback (order_id, round, at, by_name, efficiency, attitude, result, solved, note)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(orderId, round, Timestamp.from(at), by, efficiency.name(), attitude.name(), result.name(), solved,
					note)
			.update();
	}

	/** The callbacks of an order, oldest first. */
	List<Map<String, Object>> callbacks(long orderId) {
		return this.jdbc.sql("select * from hotline_callback where order_id = ? order by round")
			.param(orderId)
			.query()
			.listOfRows();
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private static Where where(HotlineFilter f, Reach reach, Instant now) {
		Reach.Named scope = reach.named("unit_code", "department_code");
		List<String> conditions = new ArrayList<>(List.of(scope.condition()));
		Map<String, Object> params = new LinkedHashMap<>(scope.params());
		if (f.status() != null) {
			conditions.add("status = :status");
			params.put("status", f.status().name());
		}
		if (f.open()) {
			conditions.add("status not in ('RETURNED', 'CLOSED')");
		}
		if (f.type() != null) {
			conditions.add("type = :type");
			params.put("type", f.type().name());
		}
		if (f.department() != null) {
			conditions.add("department_code = :department");
			params.put("department", f.department());
		}
		if (f.text() != null) {
			conditions.add("(number ilike :text or content ilike :text or address ilike :text)");
			params.put("text", "%" + f.text().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (f.overdue()) {
			conditions
				.add("""
						status not in ('RETURNED', 'CLOSED') and ((first_contact_at is null and first_contact_due < :now)
						 or (status <> 'CONCLUDED' and coalesce(case when round > 1 then rehandle_due end, conclude_due) < :now))""");
			params.put("now", Timestamp.from(now));
		}
		return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
	}

	private static Map<String, Object> params(HotlineOrder o) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("number", o.number);
		p.put("receivedAt", ts(o.receivedAt));
		p.put("callerName", o.callerName);
		p.put("callerPhone", o.callerPhone);
		p.put("type", o.type.name());
		p.put("urgent", o.urgent);
		p.put("address", o.address);
		p.put("content", o.content);
		p.put("confidential", o.confidential);
		p.put("conclusionDays", o.conclusionDays);
		p.put("centreCategory", o.centreCategory);
		p.put("source", o.source);
		p.put("status", o.status.name());
		p.put("round", o.round);
		p.put("lon", o.lon);
		p.put("lat", o.lat);
		p.put("placeMatch", o.placeMatch);
		p.put("unitCode", o.unitCode);
		p.put("suggestions", o.suggestions);
		p.put("categoryCode", o.categoryCode);
		p.put("caseId", o.caseId);
		p.put("caseNumber", o.caseNumber);
		p.put("departmentCode", o.departmentCode);
		p.put("firstContactDue", ts(o.firstContactDue));
		p.put("firstContactAt", ts(o.firstContactAt));
		p.put("concludeDue", ts(o.concludeDue));
		p.put("concludedAt", ts(o.concludedAt));
		p.put("firstConcludedAt", ts(o.firstConcludedAt));
		p.put("concludedOnTime", o.concludedOnTime);
		p.put("reply", o.reply);
		p.put("rehandleDue", ts(o.rehandleDue));
		p.put("complex", (o.complex != null) ? o.complex.name() : null);
		p.put("returnReason", (o.returnReason != null) ? o.returnReason.name() : null);
		p.put("returnNote", o.returnNote);
		p.put("returnedAt", ts(o.returnedAt));
		p.put("alerts", "{" + String.join(",", o.alerts) + "}");
		p.put("dispatchedAt", ts(o.dispatchedAt));
		p.put("firstContactEnteredAt", ts(o.firstContactEnteredAt));
		return p;
	}

	static HotlineOrder order(ResultSet rs, int row) throws SQLException {
		HotlineOrder o = new HotlineOrder();
		o.id = rs.getLong("id");
		o.number = rs.getString("number");
		o.receivedAt = instant(rs, "received_at");
		o.callerName = rs.getString("caller_name");
		o.callerPhone = rs.getString("caller_phone");
		o.type = OrderType.valueOf(rs.getString("type"));
		o.urgent = rs.getBoolean("urgent");
		o.address = rs.getString("address");
		o.content = rs.getString("content");
		o.confidential = rs.getBoolean("confidential");
		o.conclusionDays = rs.getInt("conclusion_days");
		o.centreCategory = rs.getString("centre_category");
		o.source = rs.getString("source");
		o.status = OrderStatus.valueOf(rs.getString("status"));
		o.round = rs.getInt("round");
		o.lon = (Double) rs.getObject("lon");
		o.lat = (Double) rs.getObject("lat");
		o.placeMatch = rs.getString("place_match");
		o.unitCode = rs.getString("unit_code");
		o.suggestions = rs.getString("suggestions");
		o.categoryCode = rs.getString("category_code");
		o.caseId = (Long) rs.getObject("case_id");
		o.caseNumber = rs.getString("case_number");
		o.departmentCode = rs.getString("department_code");
		o.firstContactDue = instant(rs, "first_contact_due");
		o.firstContactAt = instant(rs, "first_contact_at");
		o.concludeDue = instant(rs, "conclude_due");
		o.concludedAt = instant(rs, "concluded_at");
		o.firstConcludedAt = instant(rs, "first_concluded_at");
		o.concludedOnTime = (Boolean) rs.getObject("concluded_on_time");
		o.reply = rs.getString("reply");
		o.rehandleDue = instant(rs, "rehandle_due");
		o.complex = ComplexLimit.parse(rs.getString("complex"));
		o.returnReason = (rs.getString("return_reason") != null) ? ReturnReason.valueOf(rs.getString("return_reason"))
				: null;
		o.returnNote = rs.getString("return_note");
		o.returnedAt = instant(rs, "returned_at");
		o.dispatchedAt = instant(rs, "dispatched_at");
		o.firstContactEnteredAt = instant(rs, "first_contact_entered_at");
		Array alerts = rs.getArray("alerts");
		o.alerts = new ArrayList<>(List.of((String[]) alerts.getArray()));
		o.version = rs.getInt("version");
		return o;
	}

}
