package org.cityops.cases;

import java.time.Instant;

/**
 * What happened to a case, published after the change is committed. Listeners (the
 * dashboard, notifications) react without the cases module knowing them.
 */
public sealed interface CaseEvent {

	long caseId();

	Instant at();

	/**
	 * A new case; {@code sourceRef} names what it came from when another module asked for
	 * it (see {@link CaseRequest}), else the reporter's idempotency key or null;
	 * {@code reporter} is the account that reported it.
	 */
	record Reported(long caseId, String number, Channel channel, String category, String unit, String sourceRef,
			String reporter, Instant at) implements CaseEvent {
	}

	record Registered(long caseId, String by, Instant at) implements CaseEvent {
	}

	record Rejected(long caseId, String by, String reason, Instant at) implements CaseEvent {
	}

	record Dispatched(long caseId, String department, String by, Instant at) implements CaseEvent {
	}

	record Accepted(long caseId, String department, String by, Instant at) implements CaseEvent {
	}

	record Returned(long caseId, String department, String reason, Instant at) implements CaseEvent {
	}

	record Handled(long caseId, String department, String by, Instant at) implements CaseEvent {
	}

	record Verified(long caseId, boolean passed, String by, Instant at) implements CaseEvent {
	}

	record Closed(long caseId, Level resolvedAt, boolean onTime, boolean simpleProcedure,
			Instant at) implements CaseEvent {
	}

	record Cancelled(long caseId, String reason, Instant at) implements CaseEvent {
	}

	record Suspended(long caseId, String reason, Instant at) implements CaseEvent {
	}

	record Resumed(long caseId, Instant at) implements CaseEvent {
	}

	record Postponed(long caseId, Instant newDeadline, Instant at) implements CaseEvent {
	}

	record Supervised(long caseId, String by, String note, Instant at) implements CaseEvent {
	}

	record Escalated(long caseId, Level to, boolean automatic, Instant at) implements CaseEvent {
	}

	record Merged(long caseId, long into, Instant at) implements CaseEvent {
	}

	record StageOverdue(long caseId, Stage stage, Instant deadline, Instant at) implements CaseEvent {
	}

}
