package org.cityops.hotline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A 12345 work order. Each method is one thing that happens to it: it checks the status,
 * changes it, and writes what happened to the order's log (and, for the listeners, an
 * event). Nobody sets the status from outside.
 */
class HotlineOrder {

	Long id;

	String number;

	Instant receivedAt;

	String callerName;

	String callerPhone;

	OrderType type;

	boolean urgent;

	String address;

	String content;

	boolean confidential;

	int conclusionDays;

	String centreCategory;

	String source;

	OrderStatus status;

	int round = 1;

	Double lon;

	Double lat;

	String placeMatch;

	String unitCode;

	String suggestions = "[]";

	String categoryCode;

	Long caseId;

	String caseNumber;

	String departmentCode;

	Instant firstContactDue;

	Instant firstContactAt;

	/** When the first contact was entered (it may be entered after it happened). */
	Instant firstContactEnteredAt;

	/**
	 * When the order last reached a department (confirmed, or kept after a refused
	 * return).
	 */
	Instant dispatchedAt;

	Instant concludeDue;

	Instant concludedAt;

	Instant firstConcludedAt;

	Boolean concludedOnTime;

	String reply;

	Instant rehandleDue;

	ComplexLimit complex;

	ReturnReason returnReason;

	String returnNote;

	Instant returnedAt;

	List<String> alerts = new ArrayList<>();

	int version;

	final List<LogEntry> newLog = new ArrayList<>();

	final List<HotlineEvent> newEvents = new ArrayList<>();

	/** One line of the conversation log. */
	record LogEntry(String kind, String by, String method, String text, Long caseId, Instant at) {
	}

	static HotlineOrder receive(ParsedOrder in, String source, String by, Instant now, HotlineDeadlines deadlines) {
		HotlineOrder o = new HotlineOrder();
		o.number = in.number();
		o.source = source;
		o.status = OrderStatus.RECEIVED;
		o.take(in, deadlines);
		o.log("RECEIVED", by, null, in.type().label() + (in.urgent() ? " · 紧急" : ""), now);
		o.newEvents.add(new HotlineEvent.Received(o.number, in.type(), in.urgent(), now));
		return o;
	}

	private void take(ParsedOrder in, HotlineDeadlines deadlines) {
		this.receivedAt = in.receivedAt();
		this.callerName = in.callerName();
		this.callerPhone = in.callerPhone();
		this.type = in.type();
		this.urgent = in.urgent();
		this.address = in.address();
		this.content = in.content();
		this.confidential = in.confidential();
		this.centreCategory = in.centreCategory();
		this.conclusionDays = deadlines.conclusionDays(in.type(), in.deadlineDays());
		this.firstContactDue = deadlines.firstContact(in.receivedAt(), in.urgent());
		this.concludeDue = this.complex == ComplexLimit.APPROVED ? deadlines.complex(in.receivedAt())
				: deadlines.conclusion(in.receivedAt(), in.type(), in.deadlineDays());
	}

	/**
	 * The centre sent the same order number again. A returned order opens again (the
	 * centre disagreed with the return); otherwise the order's details are updated and
	 * what changed is logged. Answers whether anything changed.
	 */
	boolean resend(ParsedOrder in, String by, Instant now, HotlineDeadlines deadlines) {
		List<String> changed = changes(in, deadlines);
		if (OrderAction.RESEND.allowedIn(this.status)) {
			move(OrderAction.RESEND, OrderStatus.RECEIVED);
			this.caseId = null;
			this.caseNumber = null;
			this.firstContactAt = null;
			this.concludedAt = null;
			this.alerts = new ArrayList<>();
			take(in, deadlines);
			log("RESENT", by, null, "热线中心重新派发（退单未获同意）", now);
			return true;
		}
		if (changed.isEmpty()) {
			return false;
		}
		boolean started = this.firstContactAt != null || this.firstConcludedAt != null;
		Instant contactDue = this.firstContactDue;
		Instant concludeDueBefore = this.concludeDue;
		take(in, deadlines);
		if (started) {
			// deadlines already met or running for a department are not moved by a resend
			this.firstContactDue = contactDue;
			this.concludeDue = concludeDueBefore;
		}
		log("UPDATED", by, null, "热线中心更新了：" + String.join("、", changed), now);
		return true;
	}

	private List<String> changes(ParsedOrder in, HotlineDeadlines deadlines) {
		List<String> changed = new ArrayList<>();
		diff(changed, "受理时间", this.receivedAt, in.receivedAt());
		diff(changed, "来电人", this.callerName, in.callerName());
		diff(changed, "联系电话", this.callerPhone, in.callerPhone());
		diff(changed, "诉求类型", this.type, in.type());
		diff(changed, "紧急程度", this.urgent, in.urgent());
		diff(changed, "诉求地址", this.address, in.address());
		diff(changed, "诉求内容", this.content, in.content());
		diff(changed, "是否保密", this.confidential, in.confidential());
		diff(changed, "办理时限", this.conclusionDays, deadlines.conclusionDays(in.type(), in.deadlineDays()));
		diff(changed, "热线分类", this.centreCategory, in.centreCategory());
		return changed;
	}

	private static void diff(List<String> changed, String field, Object was, Object now) {
		if (!Objects.equals(was, now)) {
			changed.add(field);
		}
	}

	void place(Double lon, Double lat, String match, String unit) {
		this.lon = lon;
		this.lat = lat;
		this.placeMatch = match;
		this.unitCode = unit;
	}

	/** The operator confirmed place and category; the case is with a department. */
	void confirm(long caseId, String category, String department, String by, String caseNumber, Instant now) {
		require(OrderAction.CONFIRM, "confirm");
		move(OrderAction.CONFIRM, OrderStatus.DISPATCHED);
		this.dispatchedAt = now;
		this.caseId = caseId;
		this.caseNumber = caseNumber;
		this.categoryCode = category;
		this.departmentCode = department;
		log("CONFIRMED", by, null, "立案 " + caseNumber + "，派往 " + department, now);
		this.newEvents.add(new HotlineEvent.Dispatched(this.number, caseId, department, now));
	}

	void contact(String by, String method, String said, Instant at, Instant now) {
		if (!OrderAction.CONTACT.allowedIn(this.status)) {
			throw HotlineProblem.conflict(
					"An order in status " + this.status + " is not being handled; contact is recorded while it is");
		}
		if (at.isAfter(now.plusSeconds(60))) {
			throw HotlineProblem.invalid("The contact time lies in the future");
		}
		Instant reached = (this.dispatchedAt != null) ? this.dispatchedAt : this.receivedAt;
		if (at.isBefore(reached)) {
			throw HotlineProblem.invalid("The contact time (" + OrderParser.local(at)
					+ ") is before the order reached the department (" + OrderParser.local(reached) + ")");
		}
		boolean first = this.firstContactAt == null;
		if (first) {
			this.firstContactAt = at;
			this.firstContactEnteredAt = now;
		}
		log(first ? "FIRST_CONTACT" : "CONTACT", by, method, said, at);
	}

	void conclude(String by, String reply, Instant now) {
		require(OrderAction.CONCLUDE, "conclude");
		if (this.firstContactAt == null) {
			throw HotlineProblem.conflict("Record the first contact with the caller (先行联系) before concluding");
		}
		move(OrderAction.CONCLUDE, OrderStatus.CONCLUDED);
		this.reply = reply;
		this.concludedAt = now;
		if (this.firstConcludedAt == null) {
			this.firstConcludedAt = now;
			this.concludedOnTime = !now.isAfter(this.concludeDue);
		}
		log("CONCLUDED", by, null, reply, now);
		this.newEvents
			.add(new HotlineEvent.Concluded(this.number, this.round, this.departmentCode, !now.isAfter(dueNow()), now));
	}

	void requestReturn(String by, ReturnReason reason, String note, Instant now) {
		require(OrderAction.REQUEST_RETURN, "ask to return");
		if (this.round > 1) {
			throw HotlineProblem.conflict("A re-handled order cannot be returned; conclude it");
		}
		move(OrderAction.REQUEST_RETURN, OrderStatus.RETURN_REQUESTED);
		this.returnReason = reason;
		this.returnNote = note;
		log("RETURN_REQUESTED", by, null, reason.label() + ((note != null) ? "：" + note : ""), now);
	}

	void approveReturn(String by, String note, Instant now) {
		require(OrderAction.APPROVE_RETURN, "return");
		move(OrderAction.APPROVE_RETURN, OrderStatus.RETURNED);
		this.returnedAt = now;
		log("RETURNED", by, null, "退回12345：" + this.returnReason.label() + ((note != null) ? "；" + note : ""), now);
		this.newEvents.add(new HotlineEvent.Returned(this.number, this.returnReason, now));
	}

	void refuseReturn(String by, String note, String department, Instant now) {
		if (!OrderAction.REFUSE_RETURN.allowedIn(this.status)) {
			throw HotlineProblem.conflict("Only an order whose return was asked for can have it refused");
		}
		move(OrderAction.REFUSE_RETURN, OrderStatus.DISPATCHED);
		log("RETURN_REFUSED", by, null, "不同意退单" + ((note != null) ? "：" + note : "") + "，派往 " + department, now);
		this.departmentCode = department;
		this.returnReason = null;
		this.returnNote = null;
	}

	/**
	 * Records the callback. Any dissatisfied rating opens re-handling (重办) with its own
	 * deadline; answers whether it did.
	 */
	boolean callback(String by, Satisfaction efficiency, Satisfaction attitude, Satisfaction result, boolean solved,
			String note, Instant now, HotlineDeadlines deadlines) {
		if (!OrderAction.CALLBACK.allowedIn(this.status)) {
			throw HotlineProblem.conflict("A callback follows a conclusion; this order is " + this.status);
		}
		boolean dissatisfied = efficiency == Satisfaction.DISSATISFIED || attitude == Satisfaction.DISSATISFIED
				|| result == Satisfaction.DISSATISFIED;
		log("CALLBACK", by, null, "办理效率" + efficiency.label() + "，态度" + attitude.label() + "，结果" + result.label() + "，"
				+ (solved ? "已解决" : "未解决") + ((note != null) ? "；" + note : ""), now);
		this.newEvents
			.add(new HotlineEvent.CalledBack(this.number, this.round, this.departmentCode, !dissatisfied, solved, now));
		if (!dissatisfied) {
			move(OrderAction.CALLBACK, OrderStatus.CLOSED);
			return false;
		}
		move(OrderAction.CALLBACK, OrderStatus.REHANDLING);
		this.round++;
		this.rehandleDue = deadlines.rehandle(now);
		this.concludedAt = null;
		this.alerts = new ArrayList<>();
		log("REHANDLING", by, null, "回访不满意，第" + this.round + "次办理", now);
		return true;
	}

	/** The case that handles this round. */
	void handledBy(long caseId, String caseNumber, String by, Instant now) {
		this.caseId = caseId;
		this.caseNumber = caseNumber;
		log("CASE", by, null, "重办案件 " + caseNumber, now);
	}

	void requestComplex(String by, String note, Instant now) {
		if (!OrderAction.REQUEST_COMPLEX.allowedIn(this.status) || this.round > 1) {
			throw HotlineProblem.conflict("Extension as a complex order is asked for while the first round is handled");
		}
		if (this.complex != null) {
			throw HotlineProblem.conflict("An extension was already asked for (" + this.complex + ")");
		}
		this.complex = ComplexLimit.REQUESTED;
		log("COMPLEX_REQUESTED", by, null, note, now);
	}

	void decideComplex(String by, boolean approve, String note, Instant now, HotlineDeadlines deadlines) {
		if (this.complex == null) {
			throw HotlineProblem.conflict("No extension is waiting for a decision");
		}
		this.complex = this.complex.decide(approve);
		if (approve) {
			this.concludeDue = deadlines.complex(this.receivedAt);
			this.alerts.removeIf((a) -> a.startsWith("CONCLUDE"));
		}
		log(approve ? "COMPLEX_APPROVED" : "COMPLEX_DENIED", by, null, note, now);
	}

	/** The conclusion deadline of the round under way. */
	Instant dueNow() {
		return (this.round > 1 && this.rehandleDue != null) ? this.rehandleDue : this.concludeDue;
	}

	/** Marks a deadline alert as given; false when it was given before. */
	boolean alert(String key, String text, Instant now) {
		if (this.alerts.contains(key)) {
			return false;
		}
		this.alerts.add(key);
		log(key.endsWith("OVERDUE") ? "OVERDUE" : "WARNING", "system", null, text, now);
		return true;
	}

	private void require(OrderAction action, String what) {
		if (!action.allowedIn(this.status)) {
			throw HotlineProblem.conflict("An order in status " + this.status + " cannot " + what + "; it can become "
					+ (this.status.next().isEmpty() ? "nothing (it is finished)" : this.status.next()));
		}
	}

	/** The one place an order's status changes, checked against the action table. */
	private void move(OrderAction action, OrderStatus to) {
		if (!action.moves(this.status, to)) {
			throw new IllegalStateException(
					"The order's action table forbids " + action + ": " + this.status + " -> " + to);
		}
		this.status = to;
	}

	private void log(String kind, String by, String method, String text, Instant at) {
		this.newLog.add(new LogEntry(kind, by, method, text, this.caseId, at));
	}

}
