package org.cityops.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import static org.cityops.shared.Jdbc.instant;

/**
 * The append-only case history read back as the events it recorded, in the order they
 * happened, so that a read model can be rebuilt from it. Each event is made from the
 * line's facts (its columns: department, level, stage, automatic, approval), never from
 * its note, which is text for people and may be worded in any way; values the history
 * does not record (a postponement's new deadline, a stage's deadline) are null.
 */
@Service
public class CaseHistory {

	private static final int PAGE = 5_000;

	private final JdbcClient jdbc;

	CaseHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Hands every recorded event to {@code sink}, oldest first; answers how many. */
	public long replay(Consumer<CaseEvent> sink) {
		long after = 0;
		long count = 0;
		while (true) {
			List<Line> page = page(after);
			for (Line line : page) {
				CaseEvent event = line.event();
				if (event != null) {
					sink.accept(event);
					count++;
				}
			}
			if (page.size() < PAGE) {
				return count;
			}
			after = page.get(page.size() - 1).id;
		}
	}

	private List<Line> page(long after) {
		return this.jdbc
			.sql("""
					select h.id, h.case_id, h.at, h.actor, h.action, h.from_status, h.to_status, h.note,
					       h.department_code as department, h.level, h.stage, h.automatic, h.approved,
					       c.number, c.channel, c.category_code, c.unit_code, c.idempotency_key, c.reporter, c.resolved_level,
					       c.handled_at, c.handling_deadline, c.merged_into
					  from case_history h join case_file c on c.id = h.case_id
					 where h.id > ? order by h.id limit ?""")
			.params(after, PAGE)
			.query(Line::read)
			.list();
	}

	private record Line(long id, long caseId, Instant at, String actor, String action, String from, String to,
			String note, String number, String channel, String category, String unit, String idempotencyKey,
			String reporter, String resolvedLevel, Instant handledAt, Instant handlingDeadline, Long mergedInto,
			String department, String level, String stage, boolean automatic, Boolean approved) {

		static Line read(ResultSet rs, int row) throws SQLException {
			return new Line(rs.getLong("id"), rs.getLong("case_id"), instant(rs, "at"), rs.getString("actor"),
					rs.getString("action"), rs.getString("from_status"), rs.getString("to_status"),
					rs.getString("note"), rs.getString("number"), rs.getString("channel"),
					rs.getString("category_code"), rs.getString("unit_code"), rs.getString("idempotency_key"),
					rs.getString("reporter"), rs.getString("resolved_level"), instant(rs, "handled_at"),
					instant(rs, "handling_deadline"), (Long) rs.getObject("merged_into"), rs.getString("department"),
					rs.getString("level"), rs.getString("stage"), rs.getBoolean("automatic"),
					(Boolean) rs.getObject("approved"));
		}

		CaseEvent event() {
			return switch (this.action) {
				case "report" -> new CaseEvent.Reported(this.caseId, this.number, Channel.valueOf(this.channel),
						this.category, this.unit, this.idempotencyKey, this.reporter, this.at, this.id);
				case "register" -> new CaseEvent.Registered(this.caseId, this.actor, this.at, this.id);
				case "reject" -> new CaseEvent.Rejected(this.caseId, this.actor, this.note, this.at, this.id);
				case "dispatch" -> new CaseEvent.Dispatched(this.caseId, this.department, this.actor, this.at, this.id);
				case "accept" -> new CaseEvent.Accepted(this.caseId, this.department, this.actor, this.at, this.id);
				case "return" -> new CaseEvent.Returned(this.caseId, this.department, this.note, this.at, this.id);
				case "handle" -> new CaseEvent.Handled(this.caseId, this.department, this.actor, this.at, this.id);
				case "verify" -> new CaseEvent.Verified(this.caseId, Status.VERIFIED.name().equals(this.to), this.actor,
						this.at, this.id);
				case "close" -> closed();
				case "postpone" -> Boolean.TRUE.equals(this.approved)
						? new CaseEvent.Postponed(this.caseId, null, this.at, this.id) : null;
				case "suspend" -> new CaseEvent.Suspended(this.caseId, this.note, this.at, this.id);
				case "resume" -> new CaseEvent.Resumed(this.caseId, this.at, this.id);
				case "cancel" -> new CaseEvent.Cancelled(this.caseId, this.note, this.at, this.id);
				case "supervise" -> new CaseEvent.Supervised(this.caseId, this.actor, this.note, this.at, this.id);
				case "escalate" -> escalated();
				case "merge" -> new CaseEvent.Merged(this.caseId, (this.mergedInto != null) ? this.mergedInto : 0,
						this.at, this.id);
				case "overdue" ->
					new CaseEvent.StageOverdue(this.caseId, Stage.valueOf(this.stage), null, this.at, this.id);
				default -> null;
			};
		}

		private CaseEvent closed() {
			if (Status.REPORTED.name().equals(this.from)) {
				return new CaseEvent.Closed(this.caseId, Level.COMMITTEE, true, true, this.at, this.id);
			}
			boolean onTime = this.handlingDeadline == null || this.handledAt == null
					|| !this.handledAt.isAfter(this.handlingDeadline);
			return new CaseEvent.Closed(this.caseId, Level.valueOf(this.resolvedLevel), onTime, false, this.at,
					this.id);
		}

		private CaseEvent escalated() {
			return (this.level != null)
					? new CaseEvent.Escalated(this.caseId, Level.valueOf(this.level), this.automatic, this.at, this.id)
					: null;
		}

	}

}
