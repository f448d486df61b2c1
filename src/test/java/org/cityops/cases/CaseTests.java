package org.cityops.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.cityops.organization.StaffScope;
import org.cityops.shared.DepartmentKind;
import org.cityops.shared.Problem;
import org.cityops.shared.Reach;
import org.cityops.shared.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * The case aggregate on its own, without the application: every status reached through
 * the real transitions, every action tried in every status (allowed ones change the case
 * as the workflow says, refused ones change nothing), and who may act. Deadlines come
 * from a stand-in that adds calendar hours; the working-time arithmetic has its own
 * tests.
 */
class CaseTests {

	static final Instant T0 = Instant.parse("2026-03-11T02:00:00Z");

	static final String TEAM = "TP-CG01";

	final Deadlines deadlines = new Deadlines(null, null, 2, 1, 4, 2) {
		@Override
		Instant stage(Stage stage, Instant from) {
			return from.plus(Duration.ofHours(2));
		}

		@Override
		Instant handling(String categoryCode, Instant from) {
			return from.plus(Duration.ofDays(3));
		}

		@Override
		Instant extend(Instant deadline, int workingDays) {
			return deadline.plus(Duration.ofDays(workingDays));
		}

		@Override
		Instant resumed(Instant deadline, Instant suspendedAt, Instant now) {
			return (deadline == null || !deadline.isAfter(suspendedAt)) ? deadline
					: now.plus(Duration.between(suspendedAt, deadline));
		}
	};

	static final Actor operator = staff("operator", Role.OPERATOR, "TP-CYZX", StaffScope.TOWN);

	static final Actor handler = staff("handler", Role.HANDLER, TEAM, StaffScope.TOWN);

	static final Actor otherTeam = staff("police", Role.HANDLER, "TP-PCS01", StaffScope.TOWN);

	static final Actor inspector = staff("inspector", Role.INSPECTOR, "TP-ZX01", StaffScope.TOWN);

	static final Actor leader = staff("leader", Role.LEADER, "TP-CYZX", StaffScope.TOWN);

	static final Actor elsewhere = new Actor("far", Role.OPERATOR,
			new StaffScope("far", "TP-ZX02", StaffScope.AREA, List.of("AREA-2")), Reach.all());

	Instant now = T0;

	static Actor staff(String name, Role role, String department, String kind) {
		return new Actor(name, role, new StaffScope(name, department, kind, List.of()), Reach.all());
	}

	Case reported() {
		Case c = Case.report(report(DepartmentKind.CITY_MANAGEMENT), inspector, this.now, this.deadlines);
		c.id = 1L;
		return c;
	}

	static Report report(DepartmentKind routedKind) {
		return new Report(Channel.INSPECTOR, "06010", "暴露垃圾", 121.37, 31.28, null, 1, "UNIT-1", "BLOCK-1", "AREA-1",
				"TOWN", "C-1", null, TEAM, routedKind);
	}

	/** How each action is done, by someone who may do it, with what it needs. */
	final Map<Action, Consumer<Case>> doing = new EnumMap<>(
			Map.ofEntries(Map.entry(Action.REGISTER, (c) -> c.register(operator, "属实", tick(), this.deadlines)),
					Map.entry(Action.REJECT, (c) -> c.reject(operator, "不属实", tick())),
					Map.entry(Action.DISPATCH, (c) -> c.dispatch(operator, TEAM, null, tick(), this.deadlines)),
					Map.entry(Action.ACCEPT, (c) -> c.accept(handler, tick())),
					Map.entry(Action.RETURN, (c) -> c.returnToCentre(handler, "非本部门职责", tick(), this.deadlines)),
					Map.entry(Action.HANDLE, (c) -> c.handle(handler, "已清运", tick(), this.deadlines)),
					Map.entry(Action.VERIFY, (c) -> c.verify(inspector, true, null, tick(), this.deadlines)),
					Map.entry(Action.CLOSE, (c) -> c.close(operator, "结案", tick())),
					Map.entry(Action.POSTPONE, (c) -> c.requestPostponement(handler, 2, "需协调", tick())),
					Map.entry(Action.SUSPEND, (c) -> c.suspend(operator, "待拆迁", tick())),
					Map.entry(Action.RESUME, (c) -> c.resume(operator, tick(), this.deadlines)),
					Map.entry(Action.CANCEL, (c) -> c.cancel(operator, "重复", tick())),
					Map.entry(Action.SUPERVISE, (c) -> c.supervise(leader, "督办", tick())),
					Map.entry(Action.ESCALATE, (c) -> c.escalate(operator, "难事", tick())),
					Map.entry(Action.MERGE, (c) -> c.mergeInto(operator, 99L, tick()))));

	/** A case in each status, reached through the real transitions. */
	Case in(Status status) {
		Case c = reported();
		List<Action> path = switch (status) {
			case REPORTED -> List.of();
			case REGISTERED -> List.of(Action.REGISTER);
			case REJECTED -> List.of(Action.REJECT);
			case DISPATCHED -> List.of(Action.REGISTER, Action.DISPATCH);
			case RETURNED -> List.of(Action.REGISTER, Action.DISPATCH, Action.RETURN);
			case ACCEPTED -> List.of(Action.REGISTER, Action.DISPATCH, Action.ACCEPT);
			case HANDLED -> List.of(Action.REGISTER, Action.DISPATCH, Action.ACCEPT, Action.HANDLE);
			case VERIFIED -> List.of(Action.REGISTER, Action.DISPATCH, Action.ACCEPT, Action.HANDLE, Action.VERIFY);
			case CLOSED ->
				List.of(Action.REGISTER, Action.DISPATCH, Action.ACCEPT, Action.HANDLE, Action.VERIFY, Action.CLOSE);
			case SUSPENDED -> List.of(Action.REGISTER, Action.DISPATCH, Action.SUSPEND);
			case CANCELLED -> List.of(Action.CANCEL);
			case MERGED -> List.of(Action.MERGE);
			case REWORK -> List.of(Action.REGISTER, Action.DISPATCH, Action.ACCEPT, Action.HANDLE);
		};
		path.forEach((a) -> this.doing.get(a).accept(c));
		if (status == REWORK) {
			c.verify(inspector, false, "仍有垃圾", tick(), this.deadlines);
		}
		assertThat(c.status()).isEqualTo(status);
		return c;
	}

	private Instant tick() {
		this.now = this.now.plus(Duration.ofMinutes(10));
		return this.now;
	}

	@Test
	void everyActionIsAllowedExactlyInTheStatusesOfTheWorkflowAndRefusedWithoutAChangeElsewhere() {
		// written out here, not read from Action: docs/cases.md's workflow
		Map<Action, Set<Status>> allowedIn = new EnumMap<>(Action.class);
		allowedIn.put(Action.REGISTER, EnumSet.of(REPORTED));
		allowedIn.put(Action.REJECT, EnumSet.of(REPORTED));
		allowedIn.put(Action.DISPATCH, EnumSet.of(REGISTERED, RETURNED, DISPATCHED));
		allowedIn.put(Action.ACCEPT, EnumSet.of(DISPATCHED));
		allowedIn.put(Action.RETURN, EnumSet.of(DISPATCHED));
		allowedIn.put(Action.HANDLE, EnumSet.of(ACCEPTED, REWORK));
		allowedIn.put(Action.VERIFY, EnumSet.of(HANDLED));
		allowedIn.put(Action.CLOSE, EnumSet.of(VERIFIED));
		allowedIn.put(Action.POSTPONE, EnumSet.of(DISPATCHED, ACCEPTED, REWORK));
		allowedIn.put(Action.SUSPEND, EnumSet.of(REGISTERED, DISPATCHED, RETURNED, ACCEPTED, REWORK, HANDLED));
		allowedIn.put(Action.RESUME, EnumSet.of(SUSPENDED));
		allowedIn.put(Action.CANCEL, EnumSet.of(REPORTED, REGISTERED, DISPATCHED, RETURNED, ACCEPTED, REWORK));
		allowedIn.put(Action.SUPERVISE, EnumSet.copyOf(Status.OPEN));
		allowedIn.put(Action.ESCALATE, EnumSet.copyOf(Status.OPEN));
		allowedIn.put(Action.MERGE, EnumSet.of(REPORTED));
		Map<Action, Status> leadsTo = Map.of(Action.REGISTER, REGISTERED, Action.REJECT, REJECTED, Action.ACCEPT,
				ACCEPTED, Action.RETURN, RETURNED, Action.HANDLE, HANDLED, Action.VERIFY, VERIFIED, Action.CLOSE,
				CLOSED, Action.SUSPEND, SUSPENDED, Action.CANCEL, CANCELLED, Action.MERGE, MERGED);
		int tried = 0;
		for (Action action : this.doing.keySet()) {
			for (Status status : Status.values()) {
				Case c = in(status);
				int lines = c.newHistory.size();
				int events = c.newEvents.size();
				String as = action + " in " + status;
				if (allowedIn.get(action).contains(status)) {
					this.doing.get(action).accept(c);
					Status expected = switch (action) {
						case DISPATCH -> DISPATCHED;
						case RESUME -> DISPATCHED; // where in(SUSPENDED) suspended it
													// from
						case POSTPONE, SUPERVISE, ESCALATE -> status;
						default -> leadsTo.get(action);
					};
					assertThat(c.status()).as(as).isEqualTo(expected);
					assertThat(c.newHistory).as(as + ": one history line").hasSize(lines + 1);
					assertThat(c.newHistory.get(lines).action()).as(as).isEqualTo(action.key());
					assertThat(c.newEvents).as(as + ": an event, except for a postponement request")
						.hasSize(events + ((action == Action.POSTPONE) ? 0 : 1));
				}
				else {
					assertThatThrownBy(() -> this.doing.get(action).accept(c)).as(as)
						.isInstanceOfSatisfying(CaseProblem.class,
								(p) -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT));
					assertThat(c.status()).as(as + " changes nothing").isEqualTo(status);
					assertThat(c.newHistory).as(as + " writes no history").hasSize(lines);
					assertThat(c.newEvents).as(as + " publishes nothing").hasSize(events);
				}
				tried++;
			}
		}
		assertThat(tried).isEqualTo(15 * Status.values().length);
	}

	@Test
	void eachActionIsRefusedToTheRolesThatMayNotDoIt() {
		Map<Action, Status> where = Map.of(Action.REGISTER, REPORTED, Action.DISPATCH, REGISTERED, Action.HANDLE,
				ACCEPTED, Action.VERIFY, HANDLED, Action.CLOSE, VERIFIED, Action.SUSPEND, REGISTERED, Action.MERGE,
				REPORTED);
		Map<Action, BiConsumer<Case, Actor>> as = Map.of(Action.REGISTER,
				(c, a) -> c.register(a, "属实", tick(), this.deadlines), Action.DISPATCH,
				(c, a) -> c.dispatch(a, TEAM, null, tick(), this.deadlines), Action.HANDLE,
				(c, a) -> c.handle(a, "已清运", tick(), this.deadlines), Action.VERIFY,
				(c, a) -> c.verify(a, true, null, tick(), this.deadlines), Action.CLOSE,
				(c, a) -> c.close(a, "结案", tick()), Action.SUSPEND, (c, a) -> c.suspend(a, "待拆迁", tick()), Action.MERGE,
				(c, a) -> c.mergeInto(a, 99L, tick()));
		Map<Action, List<Actor>> refused = Map.of(Action.REGISTER, List.of(inspector, handler, leader), Action.DISPATCH,
				List.of(handler, inspector), Action.HANDLE, List.of(operator, inspector, Actor.system("sweeper")),
				Action.VERIFY, List.of(handler, operator), Action.CLOSE,
				List.of(inspector, handler, Actor.system("sweeper")), Action.SUSPEND, List.of(handler, leader),
				Action.MERGE, List.of(inspector));
		for (Action action : refused.keySet()) {
			for (Actor actor : refused.get(action)) {
				Case c = in(where.get(action));
				assertThatThrownBy(() -> as.get(action).accept(c, actor)).as(action + " by " + actor)
					.isInstanceOfSatisfying(CaseProblem.class,
							(p) -> assertThat(p.kind()).isEqualTo(Problem.Kind.FORBIDDEN));
				assertThat(c.status()).isEqualTo(where.get(action));
			}
		}
		Case dispatched = in(DISPATCHED);
		assertThatThrownBy(() -> dispatched.accept(otherTeam, tick())).as("another department's case")
			.isInstanceOfSatisfying(CaseProblem.class, (p) -> assertThat(p.kind()).isEqualTo(Problem.Kind.FORBIDDEN));
		assertThatThrownBy(() -> in(REPORTED).register(elsewhere, "属实", tick(), this.deadlines))
			.as("a unit outside the actor's scope")
			.isInstanceOfSatisfying(CaseProblem.class, (p) -> assertThat(p.kind()).isEqualTo(Problem.Kind.FORBIDDEN));
		Case system = in(REPORTED);
		system.register(Actor.system("12345"), "自动立案", tick(), this.deadlines);
		system.dispatch(Actor.system("12345"), TEAM, null, tick(), this.deadlines);
		assertThat(system.status()).as("the platform's own work registers and dispatches").isEqualTo(DISPATCHED);
		assertThat(system.newHistory.get(2).role()).isEqualTo("SYSTEM");
		assertThat(system.newHistory.get(2).automatic()).isTrue();
	}

	@Test
	void theLevelStartsWhereTheRoutedDepartmentWorksAndClimbsTheLadderToTheDistrictOnly() {
		assertThat(Case.report(report(DepartmentKind.COMMITTEE), inspector, T0, this.deadlines).level())
			.isEqualTo(Level.COMMITTEE);
		assertThat(Case.report(report(DepartmentKind.OPERATIONS_CENTRE), inspector, T0, this.deadlines).level())
			.isEqualTo(Level.TOWN);
		Case c = in(DISPATCHED);
		assertThat(c.level()).isEqualTo(Level.GRID);
		c.escalate(handler, "跨部门", tick());
		c.escalate(handler, "跨部门", tick());
		assertThat(c.level()).isEqualTo(Level.DISTRICT);
		assertThat(c.newEvents.get(c.newEvents.size() - 1)).isInstanceOfSatisfying(CaseEvent.Escalated.class,
				(e) -> assertThat(e.to()).isEqualTo(Level.DISTRICT));
		assertThatThrownBy(() -> c.escalate(handler, "再升级", tick())).as("难事不出普陀")
			.isInstanceOfSatisfying(CaseProblem.class, (p) -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT));
		c.accept(handler, tick());
		c.handle(handler, "已处置", tick(), this.deadlines);
		c.verify(inspector, true, null, tick(), this.deadlines);
		c.close(operator, "结案", tick());
		assertThat(c.newEvents.get(c.newEvents.size() - 1)).isInstanceOfSatisfying(CaseEvent.Closed.class, (e) -> {
			assertThat(e.resolvedAt()).isEqualTo(Level.DISTRICT);
			assertThat(e.onTime()).isTrue();
		});
	}

	@Test
	void theSimpleProcedureClosesOnTheSpotAtCommitteeLevel() {
		Case c = Case.closeOnTheSpot(report(DepartmentKind.CITY_MANAGEMENT), inspector, T0, this.deadlines);
		assertThat(c.status()).isEqualTo(CLOSED);
		assertThat(c.level()).isEqualTo(Level.COMMITTEE);
		assertThat(c.newHistory).extracting(HistoryEntry::action).containsExactly("report", "close");
		assertThat(c.stageDeadline).isNull();
	}

	@Test
	void aPostponementIsRequestedOnceAndDecidedByTheCentreMovingTheHandlingDeadlineOnlyWhenApproved() {
		Case c = in(ACCEPTED);
		Instant due = c.handlingDeadline;
		assertThatThrownBy(() -> c.requestPostponement(handler, 61, "太久", tick())).isInstanceOf(CaseProblem.class);
		c.requestPostponement(handler, 2, "需协调", tick());
		assertThatThrownBy(() -> c.requestPostponement(handler, 3, "再来", tick())).as("one request at a time")
			.isInstanceOfSatisfying(CaseProblem.class, (p) -> assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID));
		c.decidePostponement(operator, false, "不予延期", tick(), this.deadlines);
		assertThat(c.handlingDeadline).isEqualTo(due);
		assertThatThrownBy(() -> c.decidePostponement(operator, true, null, tick(), this.deadlines))
			.as("nothing left to decide")
			.isInstanceOf(CaseProblem.class);
		c.requestPostponement(handler, 2, "需协调", tick());
		c.decidePostponement(operator, true, null, tick(), this.deadlines);
		assertThat(c.handlingDeadline).isEqualTo(due.plus(Duration.ofDays(2)));
		assertThat(c.stageDeadline).isEqualTo(c.handlingDeadline);
		HistoryEntry decided = c.newHistory.get(c.newHistory.size() - 1);
		assertThat(decided.days()).isEqualTo(2);
		assertThat(decided.approved()).isTrue();
		assertThat(c.newEvents.get(c.newEvents.size() - 1)).isInstanceOf(CaseEvent.Postponed.class);
	}

	@Test
	void suspensionStopsTheClockAndResumingReturnsToWhereTheCaseWas() {
		Case c = in(ACCEPTED);
		Instant stage = c.stageDeadline;
		c.suspend(operator, "待拆迁", tick());
		Instant suspendedAt = this.now;
		this.now = this.now.plus(Duration.ofDays(10));
		c.resume(operator, tick(), this.deadlines);
		assertThat(c.status()).isEqualTo(ACCEPTED);
		assertThat(c.stageDeadline).isEqualTo(this.now.plus(Duration.between(suspendedAt, stage)));
		c.markOverdue(this.now.plus(Duration.ofHours(1)));
		assertThat(c.stageOverdue).as("the suspended days do not count").isFalse();
	}

	@Test
	void theSweeperMarksAStageOverdueOnceAndEscalatesOncePerDeadline() {
		Case c = in(DISPATCHED);
		c.markOverdue(c.stageDeadline);
		assertThat(c.stageOverdue).as("at the deadline, not yet").isFalse();
		Instant late = c.stageDeadline.plusSeconds(1);
		c.markOverdue(late);
		c.markOverdue(late.plusSeconds(60));
		assertThat(c.newHistory).filteredOn((h) -> h.action().equals("overdue")).hasSize(1);
		HistoryEntry overdue = c.newHistory.get(c.newHistory.size() - 1);
		assertThat(overdue.stage()).isEqualTo(Stage.HANDLE);
		assertThat(overdue.automatic()).isTrue();
		c.escalateForOverdue(late);
		c.escalateForOverdue(late.plusSeconds(3600));
		assertThat(c.level()).isEqualTo(Level.TOWN);
		assertThat(c.newEvents).filteredOn(CaseEvent.Escalated.class::isInstance).hasSize(1);
	}

	@Test
	void aCallersVerdictVerifiesAHotlineCaseOrSendsItBack() {
		Case hotline = Case.report(
				new Report(Channel.HOTLINE, "06010", "市民来电", 121.37, 31.28, null, 1, "UNIT-1", "BLOCK-1", "AREA-1",
						"TOWN", "C-1", null, TEAM, DepartmentKind.CITY_MANAGEMENT),
				Actor.system("12345"), T0, this.deadlines);
		hotline.id = 2L;
		for (Action a : List.of(Action.REGISTER, Action.DISPATCH, Action.ACCEPT, Action.HANDLE)) {
			this.doing.get(a).accept(hotline);
		}
		Instant due = this.now.plus(Duration.ofDays(3));
		assertThat(hotline.callerVerdict(Actor.system("12345"), false, "仍未解决", due, tick())).isTrue();
		assertThat(hotline.status()).isEqualTo(REWORK);
		assertThat(hotline.stageDeadline).isEqualTo(due);
		this.doing.get(Action.HANDLE).accept(hotline);
		assertThat(hotline.callerVerdict(Actor.system("12345"), true, null, null, tick())).isTrue();
		assertThat(hotline.status()).isEqualTo(CLOSED);
		assertThatThrownBy(() -> in(HANDLED).callerVerdict(Actor.system("12345"), true, null, null, tick()))
			.as("an inspector's case is verified on site")
			.isInstanceOf(CaseProblem.class);
		assertThatThrownBy(() -> hotline.callerVerdict(handler, true, null, null, tick()))
			.isInstanceOfSatisfying(CaseProblem.class, (p) -> assertThat(p.kind()).isEqualTo(Problem.Kind.FORBIDDEN));
	}

	@Test
	void thePolicySaysWhichCasesWaitForWhomAndWhoMayActNow() {
		assertThat(CasePolicy.waitingFor(Role.OPERATOR)).containsExactly(REPORTED, REGISTERED, RETURNED, VERIFIED);
		assertThat(CasePolicy.waitingFor(Role.HANDLER)).containsExactly(DISPATCHED, ACCEPTED, REWORK);
		assertThat(CasePolicy.waitingFor(Role.INSPECTOR)).containsExactly(HANDLED);
		assertThat(CasePolicy.waitingFor(Role.LEADER)).as("a leader supervises; nothing waits for one").isEmpty();
		Case c = in(ACCEPTED);
		CaseView view = CaseView.of(c, "暴露垃圾", List.of());
		assertThat(CasePolicy.actionsNow(view, handler)).contains("handle", "postpone").doesNotContain("dispatch");
		assertThat(CasePolicy.actionsNow(view, otherTeam)).as("another department's case")
			.doesNotContain("handle", "postpone");
		assertThat(CasePolicy.actionsNow(view, operator)).as("the centre decides on time, it does not ask")
			.doesNotContain("postpone", "handle")
			.contains("suspend", "cancel");
		c.requestPostponement(handler, 2, "需协调", tick());
		CaseView requested = CaseView.of(c, "暴露垃圾", List.of());
		assertThat(CasePolicy.actionsNow(requested, operator)).contains("postpone");
		assertThat(CasePolicy.actionsNow(requested, handler)).doesNotContain("postpone");
	}

}
