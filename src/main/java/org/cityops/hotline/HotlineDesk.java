package org.cityops.hotline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.cityops.cases.Action;
import org.cityops.cases.Actor;
import org.cityops.cases.CaseCommand;
import org.cityops.cases.CaseManagement;
import org.cityops.cases.CaseView;
import org.cityops.cases.NewCase;
import org.cityops.cases.Status;
import org.cityops.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works a hotline order through to the caller's satisfaction: the operator confirms place
 * and category and the order becomes a case with a department; the department contacts
 * the caller, concludes with a reply or asks to return the order; the callback closes it
 * or opens re-handling with a new case. An order and its case change in one transaction,
 * so neither is ever ahead of the other.
 */
@Service
public class HotlineDesk {

	/** The hotline centre itself, when its system reports a callback. */
	static final String CENTRE = "hotline-centre";

	private final HotlineOrders orders;

	private final HotlineDeadlines deadlines;

	private final CaseManagement cases;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HotlineDesk(HotlineOrders orders, HotlineDeadlines deadlines, CaseManagement cases,
			ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.deadlines = deadlines;
		this.cases = cases;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The operator's confirmation: the category and, if the address did not resolve, the
	 * place.
	 */
	public record Confirmation(String categoryCode, Double lon, Double lat, String department) {
	}

	@Transactional
	public void confirm(long id, Confirmation input, Actor by) {
		requireOperator(by, "confirms an order and makes it a case");
		HotlineOrder o = lock(id);
		if (o.status != OrderStatus.RECEIVED) {
			throw HotlineProblem
				.conflict("Order " + o.number + " is " + o.status + "; only a received order is confirmed");
		}
		if (input.categoryCode() == null || input.categoryCode().isBlank()) {
			throw HotlineProblem.invalid("Pick the case category (categoryCode); the suggestions are on the order");
		}
		Double lon = (input.lon() != null) ? input.lon() : o.lon;
		Double lat = (input.lat() != null) ? input.lat() : o.lat;
		if (lon == null || lat == null) {
			throw HotlineProblem.invalid("The address '" + Objects.toString(o.address, "")
					+ "' was not found in the gazetteer; place the order on the map (lon, lat)");
		}
		CaseView c = openCase(o, input.categoryCode().trim(), lon, lat, input.department(), by, "");
		o.place(lon, lat, (input.lon() != null) ? "OPERATOR" : o.placeMatch, c.location().unit());
		o.confirm(c.id(), c.categoryCode(), c.departmentCode(), by.username(), c.number(), this.clock.instant());
		save(o);
	}

	/** Opens, registers and dispatches the case for one round of the order. */
	private CaseView openCase(HotlineOrder o, String category, double lon, double lat, String department, Actor by,
			String prefix) {
		String description = prefix + "【12345工单 " + o.number + "｜" + o.type.label() + "】" + o.content;
		NewCase input = new NewCase("HOTLINE", category,
				(description.length() > 2000) ? description.substring(0, 2000) : description, lon, lat, null, o.address,
				false);
		long caseId = this.cases.report(input, by, "hotline:" + o.number + ":" + o.round + ":" + o.version).view().id();
		this.cases.act(caseId, Action.REGISTER, note("12345工单 " + o.number), by);
		return this.cases.act(caseId, Action.DISPATCH,
				new CaseCommand("12345工单 " + o.number, department, null, null, null, null), by);
	}

	/** Records a contact with the caller; the first one is the first contact (先行联系). */
	@Transactional
	public void contact(long id, String method, String said, Instant at, Actor by) {
		HotlineOrder o = lock(id);
		requireHandling(o, by, "contacts the caller");
		if (method == null || !List.of("PHONE", "SMS", "VISIT", "UNREACHABLE").contains(method)) {
			throw HotlineProblem.invalid("Say how the caller was contacted: PHONE, SMS, VISIT or UNREACHABLE");
		}
		Instant now = this.clock.instant();
		o.contact(by.username(), method, text(said, "what the caller said", 2000), (at != null) ? at : now, now);
		save(o);
	}

	/**
	 * Concludes the round with the reply to the caller. Its case is accepted and handled
	 * by the department on the way, if it was not yet.
	 */
	@Transactional
	public void conclude(long id, String reply, Actor by) {
		HotlineOrder o = lock(id);
		requireDepartment(o, by, "concludes the order");
		String answer = text(reply, "the reply to the caller", 2000);
		o.conclude(by.username(), answer, this.clock.instant());
		CaseView c = this.cases.view(o.caseId);
		if (c.status() == Status.DISPATCHED) {
			c = this.cases.act(o.caseId, Action.ACCEPT, CaseCommand.none(), by);
		}
		if (c.status() == Status.ACCEPTED || c.status() == Status.REWORK) {
			this.cases.act(o.caseId, Action.HANDLE, note(answer), by);
		}
		save(o);
	}

	/** The department asks to send the order back to the hotline centre (退单). */
	@Transactional
	public void requestReturn(long id, String reason, String note, Actor by) {
		HotlineOrder o = lock(id);
		requireDepartment(o, by, "asks to return the order");
		ReturnReason why = ReturnReason.parse(reason);
		String said = optional(note, 1000);
		if (this.cases.view(o.caseId).status() != Status.DISPATCHED) {
			throw HotlineProblem.conflict("Return an order before accepting its case; once accepted, conclude it");
		}
		o.requestReturn(by.username(), why, said, this.clock.instant());
		this.cases.act(o.caseId, Action.RETURN, note("申请退回12345：" + why.label() + ((said != null) ? "；" + said : "")),
				by);
		save(o);
	}

	/**
	 * The operator decides on a return: approved, the order goes back to the hotline
	 * centre and its case is cancelled; refused, the case is dispatched again (to
	 * {@code department} or by the routing rules).
	 */
	@Transactional
	public void decideReturn(long id, boolean approve, String note, String department, Actor by) {
		requireOperator(by, "decides on a return");
		HotlineOrder o = lock(id);
		String said = optional(note, 1000);
		Instant now = this.clock.instant();
		if (approve) {
			o.approveReturn(by.username(), said, now);
			this.cases.act(o.caseId, Action.CANCEL, note("退回12345：" + o.returnReason.label()), by);
		}
		else {
			if (o.status != OrderStatus.RETURN_REQUESTED) {
				throw HotlineProblem.conflict("No return is waiting for a decision on order " + o.number);
			}
			CaseView c = this.cases.act(o.caseId, Action.DISPATCH,
					new CaseCommand("不同意退单" + ((said != null) ? "：" + said : ""), department, null, null, null, null),
					by);
			o.refuseReturn(by.username(), said, c.departmentCode(), now);
		}
		save(o);
	}

	/** The callback's ratings. */
	public record Callback(String efficiency, String attitude, String result, Boolean solved, String note) {
	}

	/**
	 * Records the callback (by the operator, or by the hotline centre's system when
	 * {@code by} is null); the caller's verdict is the verification of the order's case.
	 * A satisfied one closes the order and its case. A dissatisfied one opens
	 * re-handling, due in the re-handling time: its case goes back to the same department
	 * (rework), or, if the case was closed or cancelled meanwhile, a new case is opened
	 * for it.
	 */
	@Transactional
	public boolean callback(long id, Callback input, Actor by) {
		Actor actor = (by != null) ? by : centre();
		if (!actor.isSystem()) {
			requireOperator(actor, "records a callback");
		}
		HotlineOrder o = lock(id);
		if (input.solved() == null) {
			throw HotlineProblem.invalid("Say whether the caller's problem was solved (\"solved\": true or false)");
		}
		Satisfaction efficiency = Satisfaction.parse(input.efficiency(), "efficiency (办理效率)");
		Satisfaction attitude = Satisfaction.parse(input.attitude(), "attitude (服务态度)");
		Satisfaction result = Satisfaction.parse(input.result(), "result (办理结果)");
		String note = optional(input.note(), 1000);
		Instant now = this.clock.instant();
		int round = o.round;
		boolean rehandle = o.callback(actor.username(), efficiency, attitude, result, input.solved(), note, now,
				this.deadlines);
		this.orders.saveCallback(o.id, round, now, actor.username(), efficiency, attitude, result, input.solved(),
				note);
		boolean followed = this.cases.callerVerdict(o.caseId, !rehandle, note, o.rehandleDue, actor);
		if (rehandle && !followed) {
			CaseView previous = this.cases.view(o.caseId);
			CaseView c = openCase(o, previous.categoryCode(), previous.location().lon(), previous.location().lat(),
					o.departmentCode, actor, "【重办·第" + o.round + "次】" + ((note != null) ? note + " " : ""));
			o.handledBy(c.id(), c.number(), actor.username(), now);
		}
		save(o);
		return rehandle;
	}

	/** The department asks for the complex-order time limit; the operator decides. */
	@Transactional
	public void requestComplex(long id, String note, Actor by) {
		HotlineOrder o = lock(id);
		requireDepartment(o, by, "asks for the complex-order time limit");
		o.requestComplex(by.username(), text(note, "why the order is complex", 1000), this.clock.instant());
		save(o);
	}

	@Transactional
	public void decideComplex(long id, boolean approve, String note, Actor by) {
		requireOperator(by, "approves a complex-order time limit");
		HotlineOrder o = lock(id);
		o.decideComplex(by.username(), approve, optional(note, 1000), this.clock.instant(), this.deadlines);
		save(o);
	}

	/** Whether the actor works for the department handling the order now. */
	static boolean isHandlingDepartment(HotlineOrder o, Actor by) {
		return (by.role() == Role.HANDLER || by.role() == Role.COMMITTEE) && by.scope() != null
				&& o.departmentCode != null && o.departmentCode.equals(by.scope().departmentCode());
	}

	private static void requireOperator(Actor by, String what) {
		if (by.role() != Role.OPERATOR && by.role() != Role.ADMIN) {
			throw HotlineProblem.forbidden("The operations centre " + what + "; your role is " + by.role());
		}
	}

	private static void requireDepartment(HotlineOrder o, Actor by, String what) {
		if (by.role() != Role.ADMIN && !isHandlingDepartment(o, by)) {
			throw HotlineProblem.forbidden("The department handling order " + o.number + " ("
					+ Objects.toString(o.departmentCode, "none yet") + ") " + what);
		}
	}

	private static void requireHandling(HotlineOrder o, Actor by, String what) {
		if (by.role() != Role.OPERATOR && by.role() != Role.ADMIN && !isHandlingDepartment(o, by)) {
			throw HotlineProblem
				.forbidden("The operations centre or the department handling order " + o.number + " " + what);
		}
	}

	private static Actor centre() {
		return Actor.system(CENTRE);
	}

	private HotlineOrder lock(long id) {
		return this.orders.lock(id).orElseThrow(() -> HotlineProblem.notFound("with id " + id));
	}

	private void save(HotlineOrder o) {
		if (!this.orders.update(o)) {
			throw HotlineProblem.conflict("Order " + o.number + " was changed at the same moment; reload and retry");
		}
		o.newEvents.forEach(this.events::publishEvent);
		o.newEvents.clear();
	}

	private static CaseCommand note(String text) {
		return new CaseCommand(text, null, null, null, null, null);
	}

	private static String text(String value, String what, int max) {
		if (value == null || value.isBlank()) {
			throw HotlineProblem.invalid("Give " + what);
		}
		if (value.length() > max) {
			throw HotlineProblem.invalid("At most " + max + " characters for " + what);
		}
		return value.strip();
	}

	private static String optional(String value, int max) {
		return (value == null || value.isBlank()) ? null : text(value, "the note", max);
	}

}
