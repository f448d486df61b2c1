package org.cityops.hotline;

import java.time.Instant;

/**
 * What happened to a hotline order, published after it is committed (for the operations
 * centre's screen and notifications).
 */
sealed interface HotlineEvent {

	String number();

	Instant at();

	record Received(String number, OrderType type, boolean urgent, Instant at) implements HotlineEvent {
	}

	record Dispatched(String number, long caseId, String department, Instant at) implements HotlineEvent {
	}

	record Concluded(String number, int round, String department, boolean onTime, Instant at) implements HotlineEvent {
	}

	record CalledBack(String number, int round, String department, boolean satisfied, boolean solved,
			Instant at) implements HotlineEvent {
	}

	record Returned(String number, ReturnReason reason, Instant at) implements HotlineEvent {
	}

	record DeadlineNear(String number, String deadline, Instant due, Instant at) implements HotlineEvent {
	}

	record Overdue(String number, String deadline, Instant due, Instant at) implements HotlineEvent {
	}

}
