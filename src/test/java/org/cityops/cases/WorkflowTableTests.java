package org.cityops.cases;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityops.cases.Status.ACCEPTED;
import static org.cityops.cases.Status.CANCELLED;
import static org.cityops.cases.Status.CLOSED;
import static org.cityops.cases.Status.DISPATCHED;
import static org.cityops.cases.Status.HANDLED;
import static org.cityops.cases.Status.MERGED;
import static org.cityops.cases.Status.REGISTERED;
import static org.cityops.cases.Status.REJECTED;
import static org.cityops.cases.Status.REPORTED;
import static org.cityops.cases.Status.RETURNED;
import static org.cityops.cases.Status.REWORK;
import static org.cityops.cases.Status.SUSPENDED;
import static org.cityops.cases.Status.VERIFIED;

/**
 * The one workflow table (the actions, each with its roles, from- and to-statuses) says
 * exactly which status may follow which — the workflow as docs/cases.md describes it —
 * and nothing else.
 */
class WorkflowTableTests {

	@Test
	void everyStatusMayBeFollowedByExactlyTheStatusesOfTheWorkflow() {
		Map<Status, Set<Status>> expected = new EnumMap<>(Status.class);
		expected.put(REPORTED, EnumSet.of(REGISTERED, REJECTED, CANCELLED, MERGED, CLOSED));
		expected.put(REGISTERED, EnumSet.of(DISPATCHED, CANCELLED, SUSPENDED));
		expected.put(DISPATCHED, EnumSet.of(ACCEPTED, RETURNED, DISPATCHED, CANCELLED, SUSPENDED));
		expected.put(RETURNED, EnumSet.of(DISPATCHED, CANCELLED, SUSPENDED));
		expected.put(ACCEPTED, EnumSet.of(HANDLED, CANCELLED, SUSPENDED));
		expected.put(REWORK, EnumSet.of(HANDLED, CANCELLED, SUSPENDED));
		expected.put(HANDLED, EnumSet.of(VERIFIED, REWORK, SUSPENDED));
		expected.put(VERIFIED, EnumSet.of(CLOSED));
		expected.put(SUSPENDED, EnumSet.of(REGISTERED, DISPATCHED, RETURNED, ACCEPTED, REWORK, HANDLED));
		for (Status finished : EnumSet.of(CLOSED, REJECTED, CANCELLED, MERGED)) {
			expected.put(finished, EnumSet.noneOf(Status.class));
		}
		for (Status s : Status.values()) {
			assertThat(s.next()).as("after " + s).isEqualTo(expected.get(s));
			for (Status t : Status.values()) {
				assertThat(s.canBecome(t)).as(s + " -> " + t).isEqualTo(expected.get(s).contains(t));
			}
		}
	}

	@Test
	void aFinishedCaseAllowsNoActionAndTheSimpleProcedureIsNoActionOnACase() {
		for (Status finished : EnumSet.of(CLOSED, REJECTED, CANCELLED, MERGED)) {
			assertThat(finished.isOpen()).isFalse();
			assertThat(finished.next()).isEmpty();
		}
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> Action.parse("close_on_the_spot"));
		assertThat(Action.parse("verify")).isEqualTo(Action.VERIFY);
		assertThat(Action.VERIFY.moves(HANDLED, REWORK)).isTrue();
		assertThat(Action.CLOSE.moves(HANDLED, CLOSED)).as("closing needs the verification first").isFalse();
	}

}
