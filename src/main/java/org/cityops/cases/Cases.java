package org.cityops.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.cityops.shared.Jdbc.ts;
import static org.cityops.shared.Jdbc.instant;

/**
 * The cases in PostgreSQL: the aggregate's row, its append-only history, and the queries
 * the workflow needs. Saving checks the version read, so two concurrent changes cannot
 * both win.
 */
@Repository
class Cases {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final JdbcClient jdbc;

	/** Whether any case exists at all. */
	boolean any() {
		return this.jdbc.sql("select exists (select 1 from case_file)").query(Boolean.class).single();
	}

	Cases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where to look for an open case the new one likely duplicates. */
	record Near(double metres, Instant since) {
	}

	/**
	 * Inserts a new case with its first history lines, in one statement and one round
	 * trip: the duplicate lookup, the case row (its number drawn from a sequence) and the
	 * history rows. Sets id, number and likelyDuplicateOf.
	 */
	/**
	 * An idempotency key as its caller sent it, with what it was sent with (a digest).
	 */
	record Idempotency(String owner, String key, String digest) {
	}

	void insert(Case c, Idempotency idempotency, Near near) {
		double dLat = (near != null) ? near.metres() / 110_574.0 : 0;
		double dLon = (near != null) ? near.metres() / (111_320.0 * Math.cos(Math.toRadians(c.lat))) : 0;
		List<Object> params = new ArrayList<>(
				List.of(near != null, c.categoryCode, ts((near != null) ? near.since() : c.reportedAt), c.lon - dLon,
						c.lon + dLon, c.lat - dLat, c.lat + dLat, c.lon, c.lon, c.lat, c.lat));
		params.addAll(java.util.Arrays.asList(DAY.format(c.reportedAt), c.status.name(), c.channel.name(),
				c.categoryCode, c.description, c.lon, c.lat, c.address, c.gridVersion, c.unitCode, c.blockCode,
				c.areaCode, c.townCode, c.committeeCode, c.compoundCode, c.departmentCode, c.level.name(), c.reporter,
				c.simpleProcedure, ts(c.reportedAt), ts(c.registeredAt), ts(c.handledAt), ts(c.closedAt),
				ts(c.stageDeadline), (c.resolvedLevel != null) ? c.resolvedLevel.name() : null,
				(idempotency != null) ? idempotency.key() : null, (idempotency != null) ? idempotency.owner() : null,
				(idempotency != null) ? idempotency.digest() : null));
		StringBuilder history = new StringBuilder();
		for (HistoryEntry h : c.newHistory) {
			history.append((history.length() == 0) ? "" : ", ")
				.append("(?::timestamptz, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::boolean, ?::integer, ?::boolean)");
			params.addAll(historyParams(h));
		}
		java.util.Map<String, Object> row = this.jdbc.sql("""
				with dup as (
				    select id from case_file where ? and category_code = ? and reported_at >= ?
				    and status not in ('CLOSED', 'REJECTED', 'CANCELLED', 'MERGED')
				    and lon between ? and ? and lat between ? and ?
				    order by (lon - ?) * (lon - ?) + (lat - ?) * (lat - ?) limit 1),
				ins as (
				    insert into case_file (number, status, channel, category_code, description, lon, lat, address,
				    grid_version, unit_code, block_code, area_code, town_code, committee_code, compound_code,
				    department_code, level, reporter, simple_procedure, likely_duplicate_of, reported_at,
				    registered_at, handled_at, closed_at, stage_deadline, resolved_level, idempotency_key,
				    idempotency_owner, idempotency_hash)
				    values ('TP' || ? || '-' || lpad(nextval('case_number_seq')::text, 6, '0'), ?, ?, ?, ?, ?, ?, ?,
				    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (select id from dup), ?, ?, ?, ?, ?, ?, ?, ?, ?)
				    returning id, number, likely_duplicate_of),
				hist as (
				    insert into case_history (case_id, at, actor, role, action, from_status, to_status, note,
				                              department_code, level, stage, automatic, days, approved)
				    select ins.id, h.* from ins, (values """ + history + """
				    ) as h (at, actor, role, action, from_status, to_status, note, department_code, level, stage,
				            automatic, days, approved)
				    returning id)
				select id, number, likely_duplicate_of, (select array_agg(id order by id) from hist) as history_ids
				  from ins""").params(params).query().singleRow();
		c.id = ((Number) row.get("id")).longValue();
		c.number = (String) row.get("number");
		c.likelyDuplicateOf = (row.get("likely_duplicate_of") != null)
				? ((Number) row.get("likely_duplicate_of")).longValue() : null;
		c.savedHistoryIds.clear();
		try {
			for (Long historyId : (Long[]) ((java.sql.Array) row.get("history_ids")).getArray()) {
				c.savedHistoryIds.add(historyId);
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		c.savedHistory.addAll(c.newHistory);
		c.newHistory.clear();
	}

	/** Saves a changed case; false when someone else changed it since it was read. */
	boolean update(Case c) {
		int rows = this.jdbc
			.sql("""
					update case_file set status = ?, department_code = ?, level = ?, supervised = ?, merged_into = ?,
					suspended_from = ?, suspended_at = ?, registered_at = ?, dispatched_at = ?, handled_at = ?, closed_at = ?,
					stage_deadline = ?, handling_deadline = ?, stage_overdue = ?, ever_overdue = ?,
					escalated_for_deadline = ?, postpone_days = ?, postpone_reason = ?, resolved_level = ?,
					version = version + 1 where id = ? and version = ?""")
			.params(c.status.name(), c.departmentCode, c.level.name(), c.supervised, c.mergedInto,
					(c.suspendedFrom != null) ? c.suspendedFrom.name() : null, ts(c.suspendedAt), ts(c.registeredAt),
					ts(c.dispatchedAt), ts(c.handledAt), ts(c.closedAt), ts(c.stageDeadline), ts(c.handlingDeadline),
					c.stageOverdue, c.everOverdue, ts(c.escalatedForDeadline), c.postponeRequestedDays,
					c.postponeReason, (c.resolvedLevel != null) ? c.resolvedLevel.name() : null, c.id, c.version)
			.update();
		if (rows == 1) {
			c.version++;
			appendHistory(c);
		}
		return rows == 1;
	}

	private void appendHistory(Case c) {
		c.savedHistory.addAll(c.newHistory);
		c.savedHistoryIds.clear();
		for (HistoryEntry h : c.newHistory) {
			List<Object> params = new ArrayList<>();
			params.add(c.id);
			params.addAll(historyParams(h));
			c.savedHistoryIds.add(this.jdbc.sql("""
					insert into case_history (case_id, at, actor, role, action, from_status, to_status, note,
					                          department_code, level, stage, automatic, days, approved)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(params)
				.query(Long.class)
				.single());
		}
		c.newHistory.clear();
	}

	Optional<Case> find(long id) {
		return this.jdbc.sql("select * from case_file where id = ?").param(id).query(Cases::map).optional();
	}

	/** The case if the reader's reach covers it: out of reach reads as absent. */
	Optional<Case> find(long id, org.cityops.shared.Reach reach) {
		org.cityops.shared.Reach.Sql scope = reach.where("unit_code", "department_code");
		List<Object> params = new ArrayList<>(List.of(id));
		params.addAll(scope.params());
		return this.jdbc.sql("select * from case_file where id = ? and " + scope.condition())
			.params(params)
			.query(Cases::map)
			.optional();
	}

	/** Reads the case and locks its row until the transaction ends. */
	Optional<Case> lock(long id) {
		return this.jdbc.sql("select * from case_file where id = ? for update").param(id).query(Cases::map).optional();
	}

	/** The case made earlier with this caller's key, and the digest it was made with. */
	Optional<Map.Entry<Long, String>> byIdempotencyKey(Idempotency idempotency) {
		return this.jdbc
			.sql("select id, idempotency_hash from case_file where idempotency_owner = ? and idempotency_key = ?")
			.params(idempotency.owner(), idempotency.key())
			.query((rs, i) -> Map.entry(rs.getLong(1), String.valueOf(rs.getString(2))))
			.optional();
	}

	/**
	 * Holds this caller's key until the transaction ends; false when another transaction
	 * holds it (the same request sent twice at once).
	 */
	boolean claim(Idempotency idempotency) {
		return Boolean.TRUE.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")
			.param(idempotency.owner() + "\n" + idempotency.key())
			.query(Boolean.class)
			.single());
	}

	List<HistoryEntry> history(long id) {
		return this.jdbc.sql("select * from case_history where case_id = ? order by id")
			.param(id)
			.query((rs, i) -> new HistoryEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("role"), rs.getString("action"), status(rs.getString("from_status")),
					status(rs.getString("to_status")), rs.getString("note"), rs.getString("department_code"),
					(rs.getString("level") != null) ? Level.valueOf(rs.getString("level")) : null,
					(rs.getString("stage") != null) ? Stage.valueOf(rs.getString("stage")) : null,
					rs.getBoolean("automatic"), (Integer) rs.getObject("days"), (Boolean) rs.getObject("approved")))
			.list();
	}

	/** A history line's columns after case_id, in the order the inserts name them. */
	private static List<Object> historyParams(HistoryEntry h) {
		return java.util.Arrays.asList(ts(h.at()), h.actor(), h.role(), h.action(),
				(h.from() != null) ? h.from().name() : null, (h.to() != null) ? h.to().name() : null, h.note(),
				h.department(), (h.level() != null) ? h.level().name() : null,
				(h.stage() != null) ? h.stage().name() : null, h.automatic(), h.days(), h.approved());
	}

	/**
	 * Cases whose stage deadline has passed and that are not yet marked, locked so that
	 * one sweeper takes each.
	 */
	List<Case> lockOverdue(Instant now, int limit) {
		return this.jdbc.sql("""
				select * from case_file where stage_deadline < ? and not stage_overdue
				and status in ('REPORTED', 'REGISTERED', 'RETURNED', 'DISPATCHED', 'ACCEPTED', 'REWORK', 'HANDLED',
				'VERIFIED') order by stage_deadline limit ? for update skip locked""")
			.params(ts(now), limit)
			.query(Cases::map)
			.list();
	}

	/** Overdue cases not yet escalated for their current deadline, locked as above. */
	List<Case> lockEscalationCandidates(Instant deadlineBefore, int limit) {
		return this.jdbc.sql("""
				select * from case_file where stage_overdue and stage_deadline < ?
				and (escalated_for_deadline is null or escalated_for_deadline <> stage_deadline)
				and level <> 'DISTRICT' order by stage_deadline limit ? for update skip locked""")
			.params(ts(deadlineBefore), limit)
			.query(Cases::map)
			.list();
	}

	record Page(List<Case> items, long total) {
	}

	Page list(CaseFilter f, int page, int size, org.cityops.shared.Reach reach) {
		org.cityops.shared.Reach.Sql scope = reach.where("unit_code", "department_code");
		StringBuilder where = new StringBuilder(" where " + scope.condition());
		List<Object> params = new ArrayList<>(scope.params());
		add(where, params, "status = ?", f.status());
		add(where, params, "category_code = ?", f.category());
		add(where, params, "area_code = ?", f.area());
		add(where, params, "unit_code = ?", f.unit());
		add(where, params, "channel = ?", f.channel());
		add(where, params, "department_code = ?", f.department());
		if (Boolean.TRUE.equals(f.overdue())) {
			where.append(" and stage_overdue");
		}
		if (Boolean.TRUE.equals(f.open())) {
			where.append(" and status not in ('CLOSED', 'REJECTED', 'CANCELLED', 'MERGED')");
		}
		if (Boolean.TRUE.equals(f.supervised())) {
			where.append(" and supervised");
		}
		long total = this.jdbc.sql("select count(*) from case_file" + where).params(params).query(Long.class).single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(size);
		paged.add((long) page * size);
		List<Case> items = this.jdbc.sql("select * from case_file" + where + " order by id desc limit ? offset ?")
			.params(paged)
			.query(Cases::map)
			.list();
		return new Page(items, total);
	}

	private static void add(StringBuilder where, List<Object> params, String clause, String value) {
		if (value != null && !value.isBlank()) {
			where.append(" and ").append(clause);
			params.add(value);
		}
	}

	private static Case map(ResultSet rs, int row) throws SQLException {
		Case c = new Case();
		c.id = rs.getLong("id");
		c.number = rs.getString("number");
		c.status = Status.valueOf(rs.getString("status"));
		c.channel = Channel.valueOf(rs.getString("channel"));
		c.categoryCode = rs.getString("category_code");
		c.description = rs.getString("description");
		c.lon = rs.getDouble("lon");
		c.lat = rs.getDouble("lat");
		c.address = rs.getString("address");
		c.gridVersion = rs.getLong("grid_version");
		c.unitCode = rs.getString("unit_code");
		c.blockCode = rs.getString("block_code");
		c.areaCode = rs.getString("area_code");
		c.townCode = rs.getString("town_code");
		c.committeeCode = rs.getString("committee_code");
		c.compoundCode = rs.getString("compound_code");
		c.departmentCode = rs.getString("department_code");
		c.level = Level.valueOf(rs.getString("level"));
		c.reporter = rs.getString("reporter");
		c.simpleProcedure = rs.getBoolean("simple_procedure");
		c.supervised = rs.getBoolean("supervised");
		c.likelyDuplicateOf = (Long) rs.getObject("likely_duplicate_of");
		c.mergedInto = (Long) rs.getObject("merged_into");
		c.suspendedFrom = status(rs.getString("suspended_from"));
		c.suspendedAt = instant(rs, "suspended_at");
		c.reportedAt = instant(rs, "reported_at");
		c.registeredAt = instant(rs, "registered_at");
		c.dispatchedAt = instant(rs, "dispatched_at");
		c.handledAt = instant(rs, "handled_at");
		c.closedAt = instant(rs, "closed_at");
		c.stageDeadline = instant(rs, "stage_deadline");
		c.handlingDeadline = instant(rs, "handling_deadline");
		c.stageOverdue = rs.getBoolean("stage_overdue");
		c.everOverdue = rs.getBoolean("ever_overdue");
		c.escalatedForDeadline = instant(rs, "escalated_for_deadline");
		c.postponeRequestedDays = (Integer) rs.getObject("postpone_days");
		c.postponeReason = rs.getString("postpone_reason");
		String resolved = rs.getString("resolved_level");
		c.resolvedLevel = (resolved != null) ? Level.valueOf(resolved) : null;
		c.version = rs.getInt("version");
		return c;
	}

	private static Status status(String value) {
		return (value != null) ? Status.valueOf(value) : null;
	}

}
