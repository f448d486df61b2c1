package org.cityops.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The case aggregate. Every change is a method named for what happens (register,
 * dispatch, verify …): it checks the actor against {@link Action} and the case's state,
 * changes the state, appends a history line and registers an event. Nothing else changes
 * a case.
 */
class Case {

	Long id;

	String number;

	Status status;

	Channel channel;

	String categoryCode;

	String description;

	double lon;

	double lat;

	String address;

	long gridVersion;

	String unitCode;

	String blockCode;

	String areaCode;

	String townCode;

	String committeeCode;

	String compoundCode;

	String departmentCode;

	Level level;

	String reporter;

	boolean simpleProcedure;

	boolean supervised;

	Long likelyDuplicateOf;

	Long mergedInto;

	Status suspendedFrom;

	/** When it was suspended (null unless SUSPENDED). */
	Instant suspendedAt;

	Instant reportedAt;

	Instant registeredAt;

	Instant dispatchedAt;

	Instant handledAt;

	Instant closedAt;

	Instant stageDeadline;

	Instant handlingDeadline;

	boolean stageOverdue;

	boolean everOverdue;

	Instant escalatedForDeadline;

	Integer postponeRequestedDays;

	String postponeReason;

	Level resolvedLevel;

	int version;

	final transient List<HistoryEntry> newHistory = new ArrayList<>();

	final transient List<CaseEvent> newEvents = new ArrayList<>();

	/**
	 * For each new event, the index in {@link #newHistory} of the line that records it.
	 */
	final transient List<Integer> newEventLines = new ArrayList<>();

	/**
	 * The history lines written by this instance, so a new case's answer needs no read
	 * back.
	 */
	final transient List<HistoryEntry> savedHistory = new ArrayList<>();

	/** The ids the lines written by the last save got, in order. */
	final transient List<Long> savedHistoryIds = new ArrayList<>();

	Case() {
	}

	/** A new report, located and categorised; nothing is decided yet. */
	static Case report(Report report, Actor by, Instant now, Deadlines deadlines) {
		Case c = new Case();
		c.status = Status.REPORTED;
		c.channel = report.channel();
		c.categoryCode = report.categoryCode();
		c.description = report.description();
		c.lon = report.lon();
		c.lat = report.lat();
		c.address = report.address();
		c.gridVersion = report.gridVersion();
		c.unitCode = report.unitCode();
		c.blockCode = report.blockCode();
		c.areaCode = report.areaCode();
		c.townCode = report.townCode();
		c.committeeCode = report.committeeCode();
		c.compoundCode = report.compoundCode();
		c.departmentCode = report.routedDepartment();
		c.level = startingLevel(report.routedKind());
		c.reporter = by.username();
		c.reportedAt = now;
		c.stageDeadline = deadlines.stage(Stage.REGISTER, now);
		c.record(by, "report", null, Status.REPORTED, report.description(), now);
		return c;
	}

	/**
	 * The simple procedure: an inspector found it, put it right on the spot and closes it
	 * at once.
	 */
	static Case closeOnTheSpot(Report report, Actor by, Instant now, Deadlines deadlines) {
		Case c = report(report, by, now, deadlines);
		c.simpleProcedure = true;
		c.level = Level.COMMITTEE;
		c.resolvedLevel = Level.COMMITTEE;
		c.registeredAt = now;
		c.handledAt = now;
		c.closedAt = now;
		c.stageDeadline = null;
		c.move(Status.CLOSED, by, "close", "简易程序：现场处置并结案", now);
		return c;
	}

	/**
	 * Where on the ladder a case starts: trifles handled by a committee or a property
	 * company stay in the community, the area's teams work at grid level, the operations
	 * centre at town level.
	 */
	static Level startingLevel(org.cityops.shared.DepartmentKind kind) {
		return switch (kind) {
			case COMMITTEE, PROPERTY_COMPANY -> Level.COMMITTEE;
			case OPERATIONS_CENTRE -> Level.TOWN;
			default -> Level.GRID;
		};
	}

	/**
	 * The events of a new case once it is saved with its id, number and history line ids:
	 * reported (by its first line) and, by the simple procedure, closed (by its second).
	 * {@code sourceRef}: what the report came from (another system's reference or the
	 * reporter's idempotency key), or null.
	 */
	List<CaseEvent> openingEvents(String sourceRef) {
		if (this.id == null || this.savedHistoryIds.size() < (this.simpleProcedure ? 2 : 1)) {
			throw new IllegalStateException("A new case's events come after it is saved");
		}
		List<CaseEvent> events = new ArrayList<>();
		events.add(new CaseEvent.Reported(this.id, this.number, this.channel, this.categoryCode, this.unitCode,
				sourceRef, this.reporter, this.reportedAt, this.savedHistoryIds.get(0)));
		if (this.simpleProcedure) {
			events.add(new CaseEvent.Closed(this.id, this.resolvedLevel, true, true, this.closedAt,
					this.savedHistoryIds.get(1)));
		}
		return events;
	}

	void register(Actor by, String note, Instant now, Deadlines deadlines) {
		check(Action.REGISTER, by);
		move(Status.REGISTERED, by, "register", note, now);
		this.registeredAt = now;
		this.stageDeadline = deadlines.stage(Stage.DISPATCH, now);
		event(new CaseEvent.Registered(this.id, by.username(), now, 0));
	}

	void reject(Actor by, String reason, Instant now) {
		check(Action.REJECT, by);
		requireText(reason, "a reason for not registering the case");
		move(Status.REJECTED, by, "reject", reason, now);
		this.stageDeadline = null;
		event(new CaseEvent.Rejected(this.id, by.username(), reason, now, 0));
	}

	void dispatch(Actor by, String department, String note, Instant now, Deadlines deadlines) {
		check(Action.DISPATCH, by);
		requireText(department, "the department to dispatch to");
		this.departmentCode = department;
		move(Status.DISPATCHED, by, "dispatch", (note != null) ? department + "：" + note : department, now);
		this.dispatchedAt = now;
		this.handlingDeadline = deadlines.handling(this.categoryCode, now);
		this.stageDeadline = this.handlingDeadline;
		event(new CaseEvent.Dispatched(this.id, department, by.username(), now, 0));
	}

	void accept(Actor by, Instant now) {
		check(Action.ACCEPT, by);
		move(Status.ACCEPTED, by, "accept", null, now);
		event(new CaseEvent.Accepted(this.id, this.departmentCode, by.username(), now, 0));
	}

	void returnToCentre(Actor by, String reason, Instant now, Deadlines deadlines) {
		check(Action.RETURN, by);
		requireText(reason, "why the case is returned (e.g. not our responsibility)");
		move(Status.RETURNED, by, "return", reason, now);
		this.stageDeadline = deadlines.stage(Stage.DISPATCH, now);
		event(new CaseEvent.Returned(this.id, this.departmentCode, reason, now, 0));
	}

	void handle(Actor by, String feedback, Instant now, Deadlines deadlines) {
		check(Action.HANDLE, by);
		requireText(feedback, "what was done (feedback)");
		move(Status.HANDLED, by, "handle", feedback, now);
		this.handledAt = now;
		this.stageDeadline = deadlines.stage(Stage.VERIFY, now);
		event(new CaseEvent.Handled(this.id, this.departmentCode, by.username(), now, 0));
	}

	void verify(Actor by, boolean passed, String note, Instant now, Deadlines deadlines) {
		check(Action.VERIFY, by);
		if (passed) {
			move(Status.VERIFIED, by, "verify", (note != null) ? "核查通过：" + note : "核查通过", now);
			this.stageDeadline = deadlines.stage(Stage.CLOSE, now);
		}
		else {
			requireText(note, "what is still wrong (verification failed)");
			move(Status.REWORK, by, "verify", "核查未通过，返工：" + note, now);
			this.stageDeadline = this.handlingDeadline;
		}
		event(new CaseEvent.Verified(this.id, passed, by.username(), now, 0));
	}

	void close(Actor by, String note, Instant now) {
		check(Action.CLOSE, by);
		closed(by, note, now);
	}

	private void closed(Actor by, String note, Instant now) {
		move(Status.CLOSED, by, "close", note, now);
		this.closedAt = now;
		this.resolvedLevel = this.level;
		this.stageDeadline = null;
		boolean onTime = this.handlingDeadline == null || !this.handledAt.isAfter(this.handlingDeadline);
		event(new CaseEvent.Closed(this.id, this.level, onTime, false, now, 0));
	}

	/**
	 * The 12345 caller's verdict, given at the callback, on a hotline case. Satisfied is
	 * the verification — the caller, not an inspector, says the problem is fixed — and a
	 * handled (or already verified) case is closed; dissatisfied sends a handled case
	 * back to its department, due again by the re-handling deadline. Answers whether the
	 * case followed the verdict (false when it had moved on: suspended, closed, cancelled
	 * …).
	 */
	boolean callerVerdict(Actor by, boolean satisfied, String note, Instant reworkDue, Instant now) {
		if (!by.isSystem() && !Action.CLOSE.permits(by.role())) {
			throw CaseProblem.forbidden("The operations centre records the caller's verdict, not a " + by.role());
		}
		if (this.channel != Channel.HOTLINE) {
			throw CaseProblem.invalid("Only a 12345 case is verified by its caller");
		}
		String said = (note != null && !note.isBlank()) ? "：" + note : "";
		if (this.status == Status.HANDLED && satisfied) {
			move(Status.VERIFIED, by, "verify", "12345回访满意，视为核查通过" + said, now);
			event(new CaseEvent.Verified(this.id, true, by.username(), now, 0));
		}
		else if (this.status == Status.HANDLED) {
			move(Status.REWORK, by, "verify", "12345回访不满意，返工" + said, now);
			this.stageDeadline = (reworkDue != null) ? reworkDue : this.handlingDeadline;
			event(new CaseEvent.Verified(this.id, false, by.username(), now, 0));
			return true;
		}
		if (this.status == Status.VERIFIED && satisfied) {
			closed(by, "12345回访满意，结案", now);
			return true;
		}
		return false;
	}

	void requestPostponement(Actor by, int workingDays, String reason, Instant now) {
		check(Action.POSTPONE, by);
		if (workingDays < 1 || workingDays > 60) {
			throw CaseProblem.invalid("A postponement is 1 to 60 working days");
		}
		requireText(reason, "why more time is needed");
		if (this.postponeRequestedDays != null) {
			throw CaseProblem.invalid("A postponement request is already waiting for a decision");
		}
		this.postponeRequestedDays = workingDays;
		this.postponeReason = reason;
		record(by, "postpone", this.status, this.status, "申请延期 " + workingDays + " 个工作日：" + reason, now, null,
				workingDays, null);
	}

	void decidePostponement(Actor by, boolean approve, String note, Instant now, Deadlines deadlines) {
		check(Action.POSTPONE, by);
		if (this.postponeRequestedDays == null) {
			throw CaseProblem.invalid("No postponement has been requested for this case");
		}
		if (approve) {
			this.handlingDeadline = deadlines.extend(this.handlingDeadline, this.postponeRequestedDays);
			if (Stage.of(this.status) == Stage.HANDLE) {
				this.stageDeadline = this.handlingDeadline;
				this.stageOverdue = false;
			}
		}
		record(by, "postpone", this.status, this.status,
				(approve ? "批准延期" : "不予延期") + ((note != null) ? "：" + note : ""), now, null, this.postponeRequestedDays,
				approve);
		if (approve) {
			event(new CaseEvent.Postponed(this.id, this.handlingDeadline, now, 0));
		}
		this.postponeRequestedDays = null;
		this.postponeReason = null;
	}

	void suspend(Actor by, String reason, Instant now) {
		check(Action.SUSPEND, by);
		requireText(reason, "why the case is suspended (挂账)");
		this.suspendedFrom = this.status;
		this.suspendedAt = now;
		move(Status.SUSPENDED, by, "suspend", reason, now);
		event(new CaseEvent.Suspended(this.id, reason, now, 0));
	}

	/**
	 * Back to where it was suspended from. Suspension stops the clock: the stage and
	 * handling deadlines keep the working time they had left when the case was suspended,
	 * counted again from now (a deadline already past then stays past).
	 */
	void resume(Actor by, Instant now, Deadlines deadlines) {
		check(Action.RESUME, by);
		Status back = this.suspendedFrom;
		if (!Action.RESUME.moves(Status.SUSPENDED, back)) {
			throw new IllegalStateException("The workflow table does not resume a case to " + back);
		}
		this.status = back;
		this.suspendedFrom = null;
		if (this.suspendedAt != null) {
			this.stageDeadline = deadlines.resumed(this.stageDeadline, this.suspendedAt, now);
			this.handlingDeadline = deadlines.resumed(this.handlingDeadline, this.suspendedAt, now);
		}
		this.suspendedAt = null;
		record(by, "resume", Status.SUSPENDED, back, null, now);
		event(new CaseEvent.Resumed(this.id, now, 0));
	}

	void cancel(Actor by, String reason, Instant now) {
		check(Action.CANCEL, by);
		requireText(reason, "why the case is cancelled (作废)");
		move(Status.CANCELLED, by, "cancel", reason, now);
		this.stageDeadline = null;
		event(new CaseEvent.Cancelled(this.id, reason, now, 0));
	}

	void supervise(Actor by, String note, Instant now) {
		check(Action.SUPERVISE, by);
		this.supervised = true;
		record(by, "supervise", this.status, this.status, note, now);
		event(new CaseEvent.Supervised(this.id, by.username(), note, now, 0));
	}

	void escalate(Actor by, String reason, Instant now) {
		check(Action.ESCALATE, by);
		requireText(reason, "why the case needs a higher level");
		this.level = this.level.up();
		record(by, "escalate", this.status, this.status, "升级至" + this.level + "：" + reason, now);
		event(new CaseEvent.Escalated(this.id, this.level, false, now, 0));
	}

	void mergeInto(Actor by, long target, Instant now) {
		check(Action.MERGE, by);
		if (this.id != null && this.id == target) {
			throw CaseProblem.invalid("A case cannot be merged into itself");
		}
		this.mergedInto = target;
		move(Status.MERGED, by, "merge", "并入案件 " + target, now);
		this.stageDeadline = null;
		event(new CaseEvent.Merged(this.id, target, now, 0));
	}

	/** The deadline sweeper found the current stage overdue. */
	void markOverdue(Instant now) {
		Stage stage = Stage.of(this.status);
		if (stage == null || this.stageDeadline == null || !now.isAfter(this.stageDeadline) || this.stageOverdue) {
			return;
		}
		this.stageOverdue = true;
		this.everOverdue = true;
		record(null, "overdue", this.status, this.status, stage + " 阶段超期（期限 " + this.stageDeadline + "）", now, stage,
				null, null);
		event(new CaseEvent.StageOverdue(this.id, stage, this.stageDeadline, now, 0));
	}

	/** Overdue past the threshold: one step up the ladder, once per deadline. */
	void escalateForOverdue(Instant now) {
		if (!this.stageOverdue || this.level == Level.DISTRICT || this.stageDeadline == null
				|| this.stageDeadline.equals(this.escalatedForDeadline)) {
			return;
		}
		this.level = this.level.up();
		this.escalatedForDeadline = this.stageDeadline;
		record(null, "escalate", this.status, this.status, "超期自动升级至" + this.level, now);
		event(new CaseEvent.Escalated(this.id, this.level, true, now, 0));
	}

	private void check(Action action, Actor by) {
		if (!action.permits(by)) {
			throw CaseProblem.forbidden("A " + by.roleName() + " may not " + action.key() + " a case");
		}
		if (!by.covers(this.unitCode, this.areaCode)) {
			throw CaseProblem.forbidden("Unit " + this.unitCode + " is outside your scope");
		}
		if (action.byDepartment() && !CasePolicy.ofTheDepartment(by, this.departmentCode)) {
			throw CaseProblem.forbidden("This case is dispatched to " + this.departmentCode + ", not your department");
		}
		if (!action.allowedIn(this)) {
			throw CaseProblem.illegal(this, action);
		}
	}

	/**
	 * A new event, recorded by the history line written last (so: write the line first).
	 */
	private void event(CaseEvent event) {
		if (this.newHistory.isEmpty()) {
			throw new IllegalStateException("An event without its history line: " + event);
		}
		this.newEvents.add(event);
		this.newEventLines.add(this.newHistory.size() - 1);
	}

	private void move(Status to, Actor by, String action, String note, Instant now) {
		Status from = this.status;
		if (!from.canBecome(to)) {
			throw new IllegalStateException("The workflow table forbids " + from + " -> " + to);
		}
		this.status = to;
		this.stageOverdue = false;
		record(by, action, from, to, note, now);
	}

	private void record(Actor by, String action, Status from, Status to, String note, Instant now) {
		record(by, action, from, to, note, now, null, null, null);
	}

	/**
	 * Appends a history line with its facts: the case's department and level as they are
	 * now, and the stage, days and approval given.
	 */
	private void record(Actor by, String action, Status from, Status to, String note, Instant now, Stage stage,
			Integer days, Boolean approved) {
		this.newHistory.add(new HistoryEntry(now, (by != null) ? by.username() : "system",
				(by != null) ? by.roleName() : "SYSTEM", action, from, to, note, this.departmentCode, this.level, stage,
				by == null || by.isSystem(), days, approved));
	}

	private static void requireText(String value, String what) {
		if (value == null || value.isBlank()) {
			throw CaseProblem.invalid("Give " + what);
		}
		if (value.length() > 2000) {
			throw CaseProblem.invalid("At most 2000 characters for " + what);
		}
	}

	public Long id() {
		return this.id;
	}

	public String number() {
		return this.number;
	}

	public Status status() {
		return this.status;
	}

	public Level level() {
		return this.level;
	}

}
