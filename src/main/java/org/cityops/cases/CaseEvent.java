package org.cityops.cases;

import java.time.Instant;

/**
 * What happened to a case, published after the change is committed, with the facts it is
 * about and the id of the history line that records it. Listeners (the dashboard,
 * notifications) react without the cases module knowing them.
 */
public sealed interface CaseEvent {

	long caseId();

	Instant at();

	/**
	 * The id of the history line that records it (in {@code case_history}): the same for
	 * the live event and the one replayed from the history.
	 */
	long historyId();

	/** The same event, recorded by that history line. */
	CaseEvent withHistoryId(long historyId);

	/**
	 * A new case; {@code sourceRef} names what it came from when another module asked for
	 * it (see {@link CaseRequest}), else the reporter's idempotency key or null;
	 * {@code reporter} is the account that reported it.
	 */
	record Reported(long caseId, String number, Channel channel, String category, String unit, String sourceRef,
			String reporter, Instant at, long historyId) implements CaseEvent {

		@Override
		public Reported withHistoryId(long id) {
			return new Reported(caseId, number, channel, category, unit, sourceRef, reporter, at, id);
		}

	}

	record Registered(long caseId, String by, Instant at, long historyId) implements CaseEvent {

		@Override
		public Registered withHistoryId(long id) {
			return new Registered(caseId, by, at, id);
		}

	}

	record Rejected(long caseId, String by, String reason, Instant at, long historyId) implements CaseEvent {

		@Override
		public Rejected withHistoryId(long id) {
			return new Rejected(caseId, by, reason, at, id);
		}

	}

	record Dispatched(long caseId, String department, String by, Instant at, long historyId) implements CaseEvent {

		@Override
		public Dispatched withHistoryId(long id) {
			return new Dispatched(caseId, department, by, at, id);
		}

	}

	record Accepted(long caseId, String department, String by, Instant at, long historyId) implements CaseEvent {

		@Override
		public Accepted withHistoryId(long id) {
			return new Accepted(caseId, department, by, at, id);
		}

	}

	record Returned(long caseId, String department, String reason, Instant at, long historyId) implements CaseEvent {

		@Override
		public Returned withHistoryId(long id) {
			return new Returned(caseId, department, reason, at, id);
		}

	}

	record Handled(long caseId, String department, String by, Instant at, long historyId) implements CaseEvent {

		@Override
		public Handled withHistoryId(long id) {
			return new Handled(caseId, department, by, at, id);
		}

	}

	record Verified(long caseId, boolean passed, String by, Instant at, long historyId) implements CaseEvent {

		@Override
		public Verified withHistoryId(long id) {
			return new Verified(caseId, passed, by, at, id);
		}

	}

	record Closed(long caseId, Level resolvedAt, boolean onTime, boolean simpleProcedure, Instant at,
			long historyId) implements CaseEvent {

		@Override
		public Closed withHistoryId(long id) {
			return new Closed(caseId, resolvedAt, onTime, simpleProcedure, at, id);
		}

	}

	record Cancelled(long caseId, String reason, Instant at, long historyId) implements CaseEvent {

		@Override
		public Cancelled withHistoryId(long id) {
			return new Cancelled(caseId, reason, at, id);
		}

	}

	record Suspended(long caseId, String reason, Instant at, long historyId) implements CaseEvent {

		@Override
		public Suspended withHistoryId(long id) {
			return new Suspended(caseId, reason, at, id);
		}

	}

	record Resumed(long caseId, Instant at, long historyId) implements CaseEvent {

		@Override
		public Resumed withHistoryId(long id) {
			return new Resumed(caseId, at, id);
		}

	}

	record Postponed(long caseId, Instant newDeadline, Instant at, long historyId) implements CaseEvent {

		@Override
		public Postponed withHistoryId(long id) {
			return new Postponed(caseId, newDeadline, at, id);
		}

	}

	record Supervised(long caseId, String by, String note, Instant at, long historyId) implements CaseEvent {

		@Override
		public Supervised withHistoryId(long id) {
			return new Supervised(caseId, by, note, at, id);
		}

	}

	record Escalated(long caseId, Level to, boolean automatic, Instant at, long historyId) implements CaseEvent {

		@Override
		public Escalated withHistoryId(long id) {
			return new Escalated(caseId, to, automatic, at, id);
		}

	}

	record Merged(long caseId, long into, Instant at, long historyId) implements CaseEvent {

		@Override
		public Merged withHistoryId(long id) {
			return new Merged(caseId, into, at, id);
		}

	}

	record StageOverdue(long caseId, Stage stage, Instant deadline, Instant at, long historyId) implements CaseEvent {

		@Override
		public StageOverdue withHistoryId(long id) {
			return new StageOverdue(caseId, stage, deadline, at, id);
		}

	}

}
