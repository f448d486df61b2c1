package org.cityops.hotline;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The order's own rules, reached through its real transitions (deadlines fixed by a
 * stand-in that adds calendar hours: the working-time arithmetic has its own tests).
 */
class HotlineOrderTests {

	static final Instant T0 = Instant.parse("2026-11-18T01:00:00Z");

	final HotlineDeadlines deadlines = new HotlineDeadlines(null, new HotlineProperties(1, 2, null, 15, 3, 4)) {
		@Override
		Instant firstContact(Instant received, boolean urgent) {
			return received.plus(Duration.ofHours(urgent ? 2 : 8));
		}

		@Override
		Instant conclusion(Instant received, OrderType type, Integer centreDays) {
			return received.plus(Duration.ofDays(conclusionDays(type, centreDays)));
		}

		@Override
		Instant rehandle(Instant callback) {
			return callback.plus(Duration.ofDays(3));
		}

		@Override
		Instant complex(Instant received) {
			return received.plus(Duration.ofDays(15));
		}
	};

	HotlineOrder received() {
		ParsedOrder in = new ParsedOrder("N1", T0, "张三", "13812345678", OrderType.COMPLAINT, false, "武威路1082弄", "垃圾",
				false, null, null);
		return HotlineOrder.receive(in, "API", "centre", T0, this.deadlines);
	}

	HotlineOrder dispatched() {
		HotlineOrder o = received();
		o.confirm(7L, "06010", "TP-CGP1", "operator", "TP1", T0.plusSeconds(60));
		return o;
	}

	@Test
	void theStatusTableAllowsOnlyTheDocumentedSteps() {
		assertThat(OrderStatus.RECEIVED.next()).containsExactly(OrderStatus.DISPATCHED);
		assertThat(OrderStatus.CLOSED.next()).isEmpty();
		assertThat(Arrays.stream(OrderStatus.values()).filter(OrderStatus::isOpen)).doesNotContain(OrderStatus.RETURNED,
				OrderStatus.CLOSED);
		HotlineOrder o = received();
		assertThatThrownBy(() -> o.conclude("handler", "x", T0)).isInstanceOf(HotlineProblem.class)
			.hasMessageContaining("RECEIVED cannot conclude");
	}

	@Test
	void theDefaultConclusionDeadlineFollowsTheTypeAndTheCentresTimeLimitWins() {
		assertThat(received().concludeDue).isEqualTo(T0.plus(Duration.ofDays(5)));
		ParsedOrder consultation = new ParsedOrder("N2", T0, null, null, OrderType.CONSULTATION, true, null, "问", false,
				null, null);
		HotlineOrder c = HotlineOrder.receive(consultation, "API", "centre", T0, this.deadlines);
		assertThat(c.concludeDue).isEqualTo(T0.plus(Duration.ofDays(1)));
		assertThat(c.firstContactDue).isEqualTo(T0.plus(Duration.ofHours(2)));
		ParsedOrder limited = new ParsedOrder("N3", T0, null, null, OrderType.CONSULTATION, false, null, "问", false, 10,
				null);
		assertThat(HotlineOrder.receive(limited, "API", "centre", T0, this.deadlines).concludeDue)
			.isEqualTo(T0.plus(Duration.ofDays(10)));
	}

	@Test
	void aConclusionNeedsTheFirstContactAndIsOnTimeByTheDeadline() {
		HotlineOrder o = dispatched();
		assertThatThrownBy(() -> o.conclude("handler", "done", T0.plusSeconds(120)))
			.hasMessageContaining("first contact");
		o.contact("handler", "PHONE", "ok", T0.plusSeconds(90), T0.plusSeconds(100));
		o.contact("handler", "SMS", "again", T0.plusSeconds(95), T0.plusSeconds(100));
		assertThat(o.firstContactAt).isEqualTo(T0.plusSeconds(90));
		assertThat(o.newLog).extracting(HotlineOrder.LogEntry::kind).contains("FIRST_CONTACT", "CONTACT");
		o.conclude("handler", "done", T0.plus(Duration.ofDays(6)));
		assertThat(o.concludedOnTime).isFalse();
		assertThat(o.status).isEqualTo(OrderStatus.CONCLUDED);
	}

	@Test
	void aDissatisfiedCallbackStartsARoundWithItsOwnDeadlineAndASatisfiedOneCloses() {
		HotlineOrder o = dispatched();
		o.contact("handler", "PHONE", "ok", T0.plusSeconds(90), T0.plusSeconds(100));
		o.conclude("handler", "done", T0.plus(Duration.ofDays(1)));
		Instant callback = T0.plus(Duration.ofDays(2));
		assertThat(o.callback("operator", Satisfaction.SATISFIED, Satisfaction.DISSATISFIED, Satisfaction.SATISFIED,
				true, null, callback, this.deadlines))
			.isTrue();
		assertThat(o.status).isEqualTo(OrderStatus.REHANDLING);
		assertThat(o.round).isEqualTo(2);
		assertThat(o.dueNow()).isEqualTo(callback.plus(Duration.ofDays(3)));
		assertThat(o.concludedOnTime).isTrue();
		assertThatThrownBy(() -> o.requestReturn("handler", ReturnReason.DUPLICATE, null, callback))
			.isInstanceOf(HotlineProblem.class);
		o.conclude("handler", "done again", callback.plus(Duration.ofDays(1)));
		assertThat(o.callback("operator", Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED,
				Satisfaction.SATISFIED, true, null, callback.plus(Duration.ofDays(2)), this.deadlines))
			.isFalse();
		assertThat(o.status).isEqualTo(OrderStatus.CLOSED);
	}

	@Test
	void aResendLogsWhatChangedAndKeepsRunningDeadlines() {
		HotlineOrder o = dispatched();
		o.contact("handler", "PHONE", "ok", T0.plusSeconds(90), T0.plusSeconds(100));
		Instant due = o.concludeDue;
		ParsedOrder again = new ParsedOrder("N1", T0, "张三", "13900000000", OrderType.COMPLAINT, false, "武威路1082弄",
				"垃圾已堆三天", false, 1, null);
		assertThat(o.resend(again, "centre", T0.plusSeconds(200), this.deadlines)).isTrue();
		assertThat(o.newLog.get(o.newLog.size() - 1).text()).contains("联系电话").contains("诉求内容").contains("办理时限");
		assertThat(o.concludeDue).isEqualTo(due);
		assertThat(o.resend(again, "centre", T0.plusSeconds(300), this.deadlines)).isFalse();
	}

	@Test
	void onlyARequestedComplexLimitIsDecidedAndApprovalMovesTheDeadline() {
		HotlineOrder o = dispatched();
		assertThatThrownBy(() -> o.decideComplex("operator", true, null, T0, this.deadlines))
			.hasMessageContaining("No extension");
		o.requestComplex("handler", "多方协调", T0);
		o.decideComplex("operator", true, null, T0, this.deadlines);
		assertThat(o.concludeDue).isEqualTo(T0.plus(Duration.ofDays(15)));
		assertThatThrownBy(() -> o.requestComplex("handler", "again", T0)).hasMessageContaining("already");
	}

}
