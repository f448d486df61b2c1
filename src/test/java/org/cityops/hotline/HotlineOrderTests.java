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

	/**
	 * An order in each status, reached through the real transitions (a contact made once
	 * dispatched).
	 */
	HotlineOrder in(OrderStatus status) {
		HotlineOrder o = (status == OrderStatus.RECEIVED) ? received() : dispatched();
		if (status != OrderStatus.RECEIVED) {
			o.contact("handler", "PHONE", "ok", T0.plusSeconds(90), T0.plusSeconds(100));
		}
		switch (status) {
			case RETURN_REQUESTED -> o.requestReturn("handler", ReturnReason.DUPLICATE, null, T0.plusSeconds(200));
			case RETURNED -> {
				o.requestReturn("handler", ReturnReason.DUPLICATE, null, T0.plusSeconds(200));
				o.approveReturn("operator", null, T0.plusSeconds(300));
			}
			case CONCLUDED, REHANDLING, CLOSED -> {
				o.conclude("handler", "done", T0.plusSeconds(400));
				if (status != OrderStatus.CONCLUDED) {
					o.callback("operator", Satisfaction.SATISFIED, Satisfaction.SATISFIED,
							(status == OrderStatus.CLOSED) ? Satisfaction.SATISFIED : Satisfaction.DISSATISFIED, true,
							null, T0.plusSeconds(500), this.deadlines);
				}
			}
			default -> {
			}
		}
		assertThat(o.status).isEqualTo(status);
		return o;
	}

	@Test
	void everyActionIsAllowedExactlyInTheStatusesOfTheOrdersTableAndRefusedWithoutAChangeElsewhere() {
		Instant later = T0.plus(Duration.ofDays(1));
		java.util.Map<OrderAction, java.util.function.Consumer<HotlineOrder>> doing = new java.util.EnumMap<>(
				OrderAction.class);
		doing.put(OrderAction.CONFIRM, (o) -> o.confirm(7L, "06010", "TP-CGP1", "operator", "TP1", later));
		doing.put(OrderAction.CONTACT, (o) -> o.contact("handler", "SMS", "again", later, later));
		doing.put(OrderAction.CONCLUDE, (o) -> o.conclude("handler", "done", later));
		doing.put(OrderAction.REQUEST_RETURN, (o) -> o.requestReturn("handler", ReturnReason.DUPLICATE, null, later));
		doing.put(OrderAction.APPROVE_RETURN, (o) -> o.approveReturn("operator", null, later));
		doing.put(OrderAction.REFUSE_RETURN, (o) -> o.refuseReturn("operator", null, "TP-CGP1", later));
		doing.put(OrderAction.CALLBACK, (o) -> o.callback("operator", Satisfaction.SATISFIED, Satisfaction.SATISFIED,
				Satisfaction.SATISFIED, true, null, later, this.deadlines));
		doing.put(OrderAction.REQUEST_COMPLEX, (o) -> o.requestComplex("handler", "多方协调", later));
		// written out here, not read from OrderAction: docs/hotline.md's workflow
		java.util.Map<OrderAction, java.util.Set<OrderStatus>> allowed = java.util.Map.of(OrderAction.CONFIRM,
				java.util.EnumSet.of(OrderStatus.RECEIVED), OrderAction.CONTACT,
				java.util.EnumSet.of(OrderStatus.DISPATCHED, OrderStatus.RETURN_REQUESTED, OrderStatus.REHANDLING,
						OrderStatus.CONCLUDED),
				OrderAction.CONCLUDE, java.util.EnumSet.of(OrderStatus.DISPATCHED, OrderStatus.REHANDLING),
				OrderAction.REQUEST_RETURN, java.util.EnumSet.of(OrderStatus.DISPATCHED), OrderAction.APPROVE_RETURN,
				java.util.EnumSet.of(OrderStatus.RETURN_REQUESTED), OrderAction.REFUSE_RETURN,
				java.util.EnumSet.of(OrderStatus.RETURN_REQUESTED), OrderAction.CALLBACK,
				java.util.EnumSet.of(OrderStatus.CONCLUDED), OrderAction.REQUEST_COMPLEX,
				java.util.EnumSet.of(OrderStatus.DISPATCHED, OrderStatus.RETURN_REQUESTED));
		for (OrderAction action : doing.keySet()) {
			for (OrderStatus status : OrderStatus.values()) {
				HotlineOrder o = in(status);
				int lines = o.newLog.size();
				String as = action + " in " + status;
				if (allowed.get(action).contains(status)) {
					doing.get(action).accept(o);
					assertThat(o.newLog).as(as + " logs what happened").hasSizeGreaterThan(lines);
				}
				else {
					assertThatThrownBy(() -> doing.get(action).accept(o)).as(as)
						.isInstanceOfSatisfying(HotlineProblem.class,
								(p) -> assertThat(p.kind()).isEqualTo(org.cityops.shared.Problem.Kind.CONFLICT));
					assertThat(o.status).as(as + " changes nothing").isEqualTo(status);
					assertThat(o.newLog).as(as + " logs nothing").hasSize(lines);
				}
			}
		}
	}

	@Test
	void confirmingIsNotHowAReturnIsRefusedAndOnlyAReturnedOrderReopensWhenResent() {
		HotlineOrder asked = in(OrderStatus.RETURN_REQUESTED);
		assertThatThrownBy(() -> asked.confirm(8L, "06010", "TP-CGP1", "operator", "TP2", T0.plusSeconds(600)))
			.isInstanceOf(HotlineProblem.class);
		assertThat(asked.caseId).isEqualTo(7L);
		ParsedOrder again = new ParsedOrder("N1", T0, "张三", "13812345678", OrderType.COMPLAINT, false, "武威路1082弄", "垃圾",
				false, null, null);
		HotlineOrder returned = in(OrderStatus.RETURNED);
		returned.resend(again, "centre", T0.plusSeconds(700), this.deadlines);
		assertThat(returned.status).isEqualTo(OrderStatus.RECEIVED);
		HotlineOrder concluded = in(OrderStatus.CONCLUDED);
		concluded.resend(again, "centre", T0.plusSeconds(700), this.deadlines);
		assertThat(concluded.status).as("a resend of an order being handled only updates it")
			.isEqualTo(OrderStatus.CONCLUDED);
	}

	@Test
	void aComplexLimitIsAskedOnceAndDecidedOnce() {
		HotlineOrder o = in(OrderStatus.DISPATCHED);
		o.requestComplex("handler", "多方协调", T0.plusSeconds(600));
		o.decideComplex("operator", false, "不予延长", T0.plusSeconds(700), this.deadlines);
		assertThat(o.complex).isEqualTo(ComplexLimit.DENIED);
		assertThat(o.concludeDue).isEqualTo(T0.plus(Duration.ofDays(5)));
		assertThatThrownBy(() -> o.decideComplex("operator", true, null, T0.plusSeconds(800), this.deadlines))
			.hasMessageContaining("No extension");
		assertThatThrownBy(() -> o.requestComplex("handler", "again", T0.plusSeconds(900)))
			.hasMessageContaining("already");
		assertThatThrownBy(() -> in(OrderStatus.REHANDLING).requestComplex("handler", "重办", T0.plusSeconds(900)))
			.as("first round only")
			.isInstanceOf(HotlineProblem.class);
	}

}
