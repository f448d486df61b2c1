package org.cityops.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;

import org.cityops.cases.CaseEvent;
import org.cityops.grid.Grid;
import org.cityops.grid.GridNotFound;
import org.cityops.grid.UnitSummary;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The case read model ({@code dash_case}): one row per case with its dimensions and what
 * has happened to it. An event is applied once (its key is remembered in the same
 * transaction) and its effect does not depend on the order events arrive in, so
 * redelivery and concurrent listeners give the same rows.
 */
@Repository
class CaseFacts {

	private final JdbcTemplate jdbc;

	private final Grid grid;

	private final String zone;

	CaseFacts(JdbcTemplate jdbc, Grid grid, @Value("${cityops.worktime.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.grid = grid;
		this.zone = zone.getId();
	}

	/**
	 * Applies the event unless it was applied before, and marks the case's day dirty for
	 * the cube; answers whether it was applied.
	 */
	boolean apply(CaseEvent event) {
		return apply(event, true);
	}

	/**
	 * Applies the event unless it was applied before; {@code mark}: also marks the case's
	 * day (of its report) dirty in the same transaction, so that KPIs read that day from
	 * this table until the cube has counted it again (a rebuild marks all days at the end
	 * instead).
	 */
	boolean apply(CaseEvent event, boolean mark) {
		if (!Applied.once(this.jdbc, key(event))) {
			return false;
		}
		this.jdbc.update("insert into dash_case (case_id) values (?) on conflict do nothing", event.caseId());
		Timestamp at = Timestamp.from(event.at());
		long id = event.caseId();
		if (event instanceof CaseEvent.Reported e) {
			UnitSummary unit = unit(e.unit());
			this.jdbc.update("""
					update dash_case set number = ?, channel = ?, category_code = ?, unit_code = ?, block_code = ?,
					       area_code = ?, reporter = ?, reported_at = ? where case_id = ?""", e.number(),
					e.channel().name(), e.category(), e.unit(), (unit != null) ? unit.block().code() : null,
					(unit != null) ? unit.area().code() : null, e.reporter(), at, id);
		}
		else if (event instanceof CaseEvent.Registered) {
			set("registered_at = least(registered_at, ?)", at, id);
		}
		else if (event instanceof CaseEvent.Rejected) {
			set("rejected_at = least(rejected_at, ?)", at, id);
		}
		else if (event instanceof CaseEvent.Dispatched e) {
			this.jdbc.update("""
					update dash_case set dispatches = dispatches + 1, dispatched_at = least(dispatched_at, ?),
					       department_code = case when department_at is null or ? >= department_at
					                              then ? else department_code end,
					       department_at = greatest(department_at, ?) where case_id = ?""", at, at, e.department(), at,
					id);
		}
		else if (event instanceof CaseEvent.Accepted) {
			set("accepted_at = least(accepted_at, ?)", at, id);
		}
		else if (event instanceof CaseEvent.Returned) {
			this.jdbc.update("update dash_case set returns = returns + 1 where case_id = ?", id);
		}
		else if (event instanceof CaseEvent.Handled) {
			set("handled_at = greatest(handled_at, ?)", at, id);
		}
		else if (event instanceof CaseEvent.Verified e) {
			if (e.passed()) {
				this.jdbc.update("""
						update dash_case set verified_by = case when verified_at is null or ? >= verified_at
						                                      then ? else verified_by end,
						       verified_at = greatest(verified_at, ?) where case_id = ?""", at, e.by(), at, id);
			}
			else {
				this.jdbc.update("update dash_case set reworks = reworks + 1 where case_id = ?", id);
			}
		}
		else if (event instanceof CaseEvent.Closed e) {
			this.jdbc.update("""
					update dash_case set closed_at = ?, closed_on_time = ?, simple_procedure = ?, resolved_level = ?,
					       registered_at = case when ? then least(registered_at, ?) else registered_at end
					 where case_id = ?""", at, e.onTime(), e.simpleProcedure(), e.resolvedAt().name(),
					e.simpleProcedure(), at, id);
		}
		else if (event instanceof CaseEvent.Cancelled) {
			set("cancelled_at = least(cancelled_at, ?)", at, id);
		}
		else if (event instanceof CaseEvent.Merged) {
			set("merged_at = least(merged_at, ?)", at, id);
		}
		else if (event instanceof CaseEvent.Suspended) {
			set("suspended_at = greatest(suspended_at, ?)", at, id);
		}
		else if (event instanceof CaseEvent.Resumed) {
			set("resumed_at = greatest(resumed_at, ?)", at, id);
		}
		else if (event instanceof CaseEvent.Postponed) {
			this.jdbc.update("update dash_case set postponements = postponements + 1 where case_id = ?", id);
		}
		else if (event instanceof CaseEvent.Supervised) {
			this.jdbc.update("update dash_case set supervised = true where case_id = ?", id);
		}
		else if (event instanceof CaseEvent.Escalated e) {
			this.jdbc.update("""
					update dash_case set escalations = escalations + 1,
					       level = case when level_at is null or ? >= level_at then ? else level end,
					       level_at = greatest(level_at, ?) where case_id = ?""", at, e.to().name(), at, id);
		}
		else if (event instanceof CaseEvent.StageOverdue e) {
			this.jdbc.update("""
					update dash_case set overdue_stages = array(select distinct unnest(overdue_stages || ?::text)),
					       last_overdue_at = greatest(last_overdue_at, ?) where case_id = ?""", e.stage().name(), at,
					id);
		}
		if (mark) {
			this.jdbc.update("""
					insert into dash_dirty (day) select (reported_at at time zone ?)::date from dash_case
					 where case_id = ? and reported_at is not null""", this.zone, id);
		}
		return true;
	}

	private void set(String assignment, Timestamp at, long id) {
		this.jdbc.update("update dash_case set " + assignment + " where case_id = ?", at, id);
	}

	private UnitSummary unit(String code) {
		try {
			return (code != null) ? this.grid.unit(code) : null;
		}
		catch (GridNotFound ex) {
			return null; // a unit of an older grid version: the case keeps its unit code
							// only
		}
	}

	/**
	 * The same event, live or replayed from the history, has the same key: the history
	 * line that records it (one line records one event of a kind).
	 */
	static String key(CaseEvent event) {
		return "case:" + event.caseId() + ":" + event.historyId() + ":" + event.getClass().getSimpleName();
	}

}
