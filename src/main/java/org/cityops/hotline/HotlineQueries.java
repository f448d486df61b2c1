package org.cityops.hotline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cityops.cases.Actor;
import org.cityops.shared.Reach;
import org.cityops.shared.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads orders for the queue, the order page and the API: always with the caller masked,
 * the deadlines counted down in working time, and the actions the viewer may take.
 */
@Service
@Transactional(readOnly = true)
public class HotlineQueries {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HotlineOrders orders;

	private final HotlineDeadlines deadlines;

	private final Clock clock;

	HotlineQueries(HotlineOrders orders, HotlineDeadlines deadlines, Clock clock) {
		this.orders = orders;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	/** One page of the queue. */
	public record Page(List<HotlineView> items, long total, int page, int size) {
	}

	public Page list(HotlineFilter filter, Actor by, int page, int size) {
		if (page < 0 || size < 1 || size > 500 || page > 1_000_000) {
			throw HotlineProblem.invalid("page starts at 0 (at most 1000000) and size is 1 to 500");
		}
		Instant now = this.clock.instant();
		List<HotlineView> items = this.orders.list(filter, reach(by), now, page * size, size)
			.stream()
			.map((o) -> view(o, by, now, List.of(), List.of()))
			.toList();
		return new Page(items, this.orders.count(filter, reach(by), now), page, size);
	}

	/** One order within the reader's reach (null: the hotline centre's system). */
	public HotlineView view(long id, Actor by) {
		HotlineOrder o = this.orders.find(id, reach(by)).orElseThrow(() -> HotlineProblem.notFound("with id " + id));
		List<HotlineView.LogLine> log = this.orders.log(id)
			.stream()
			.map((e) -> new HotlineView.LogLine(e.at(), e.kind(), e.by(), e.method(), e.text(), e.caseId()))
			.toList();
		return view(o, by, this.clock.instant(), log, this.orders.callbacks(id));
	}

	/**
	 * Staff read what their reach covers; the hotline centre's system (no staff account)
	 * reads the orders it sent, which are all of them.
	 */
	static Reach reach(Actor by) {
		return (by != null) ? by.reach() : Reach.all();
	}

	/** Whether any order has been received at all (the demo seeds only an empty desk). */
	public boolean anyOrder() {
		return this.orders.any();
	}

	public long idOf(String number) {
		return this.orders.idOf(number).orElseThrow(() -> HotlineProblem.notFound("numbered " + number));
	}

	private HotlineView view(HotlineOrder o, Actor by, Instant now, List<HotlineView.LogLine> log,
			List<Map<String, Object>> callbacks) {
		return new HotlineView(o.id, o.number, o.status, o.type, o.type.label(), o.urgent, o.confidential, o.receivedAt,
				CallerData.masked(o), o.address, o.content, o.centreCategory, o.source, o.round,
				new HotlineView.Place(o.lon, o.lat, o.placeMatch, o.unitCode), suggestions(o), o.categoryCode, o.caseId,
				o.caseNumber, o.departmentCode, deadlines(o, now), (o.complex != null) ? o.complex.name() : null,
				(o.returnReason != null) ? o.returnReason.name() : null, o.returnNote, o.reply,
				(by != null) ? actions(o, by) : List.of(), log, callbacks);
	}

	private HotlineView.Deadlines deadlines(HotlineOrder o, Instant now) {
		String next = null;
		Instant due = null;
		if (o.status.isWithDepartment() && o.firstContactAt == null) {
			next = "FIRST_CONTACT";
			due = o.firstContactDue;
		}
		else if (o.status.isWithDepartment()) {
			next = "CONCLUDE";
			due = o.dueNow();
		}
		else if (o.status == OrderStatus.RECEIVED) {
			next = "FIRST_CONTACT";
			due = o.firstContactDue;
		}
		Long left = null;
		String state = "DONE";
		if (due != null) {
			Duration remaining = this.deadlines.left(now, due);
			left = remaining.toMinutes();
			state = remaining.isNegative() ? "OVERDUE" : this.deadlines.near(now, due) ? "NEAR" : "OK";
		}
		return new HotlineView.Deadlines(o.firstContactDue, o.firstContactAt, o.firstContactEnteredAt, o.concludeDue,
				o.concludedAt, o.rehandleDue, o.concludedOnTime, next, due, left, state);
	}

	/** The actions the viewer may take now, by their API names. */
	static List<String> actions(HotlineOrder o, Actor by) {
		boolean operator = by.role() == Role.OPERATOR || by.role() == Role.ADMIN;
		boolean department = by.role() == Role.ADMIN || HotlineDesk.isHandlingDepartment(o, by);
		List<String> actions = new ArrayList<>();
		if (operator && o.status == OrderStatus.RECEIVED) {
			actions.add("confirm");
		}
		if ((operator || department) && (o.status.isWithDepartment() || o.status == OrderStatus.CONCLUDED)) {
			actions.add("contact");
		}
		if (department && (o.status == OrderStatus.DISPATCHED || o.status == OrderStatus.REHANDLING)) {
			actions.add("conclude");
		}
		if (department && o.status == OrderStatus.DISPATCHED && o.round == 1) {
			actions.add("request-return");
			if (o.complex == null) {
				actions.add("request-complex");
			}
		}
		if (operator && o.status == OrderStatus.RETURN_REQUESTED) {
			actions.add("decide-return");
		}
		if (operator && o.complex == ComplexLimit.REQUESTED) {
			actions.add("decide-complex");
		}
		if (operator && o.status == OrderStatus.CONCLUDED) {
			actions.add("callback");
		}
		if (CallerData.maySee(o, by)) {
			actions.add("reveal-caller");
		}
		return actions;
	}

	private static List<Map<String, Object>> suggestions(HotlineOrder o) {
		try {
			return JSON.readValue(o.suggestions, new TypeReference<>() {
			});
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			return List.of();
		}
	}

}
