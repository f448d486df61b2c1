package org.cityops.hotline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cityops.catalog.Catalog;
import org.cityops.grid.Geocoded;
import org.cityops.grid.Grid;
import org.cityops.grid.GridNotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes orders from the hotline centre (its system's API or a spreadsheet). An order
 * number is the order: sending it again updates the order and never makes a second one.
 * On arrival the address goes through the gazetteer and the text through the catalog's
 * keywords, so the operator starts from a place and the likeliest categories.
 */
@Service
public class OrderIntake {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HotlineOrders orders;

	private final HotlineDeadlines deadlines;

	private final Grid grid;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderIntake(HotlineOrders orders, HotlineDeadlines deadlines, Grid grid, Catalog catalog,
			ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.deadlines = deadlines;
		this.grid = grid;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/** What became of an order sent in. */
	public enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

	/** The order's id and what became of it. */
	public record Received(long id, String number, Outcome outcome) {
	}

	/**
	 * Checks and stores one order.
	 * @throws HotlineProblem listing every problem when the order is not valid
	 */
	@Transactional
	public Received receive(NewOrder input, String source, String by) {
		OrderParser.Result parsed = OrderParser.parse(input, this.clock.instant());
		if (!parsed.ok()) {
			throw HotlineProblem.invalid("The order is not valid: " + String.join("; ", parsed.problems()),
					parsed.problems());
		}
		return receive(parsed.order(), source, by);
	}

	@Transactional
	Received receive(ParsedOrder in, String source, String by) {
		Instant now = this.clock.instant();
		var existing = this.orders.lockByNumber(in.number());
		if (existing.isPresent()) {
			return resend(existing.get(), in, by, now);
		}
		HotlineOrder o = HotlineOrder.receive(in, source, by, now, this.deadlines);
		resolve(o);
		if (this.orders.insert(o).isEmpty()) {
			// the same number was inserted by a concurrent call: it is a resend now
			return resend(this.orders.lockByNumber(in.number()).orElseThrow(), in, by, now);
		}
		publish(o);
		return new Received(o.id, o.number, Outcome.CREATED);
	}

	private Received resend(HotlineOrder o, ParsedOrder in, String by, Instant now) {
		boolean reopened = o.status == OrderStatus.RETURNED;
		if (!o.resend(in, by, now, this.deadlines)) {
			return new Received(o.id, o.number, Outcome.UNCHANGED);
		}
		if (reopened || o.status == OrderStatus.RECEIVED) {
			resolve(o);
		}
		if (!this.orders.update(o)) {
			throw HotlineProblem.conflict("Order " + o.number + " changed at the same moment; send it again");
		}
		publish(o);
		return new Received(o.id, o.number, Outcome.UPDATED);
	}

	/** Places the order by its address and suggests categories from its text. */
	private void resolve(HotlineOrder o) {
		o.place(null, null, null, null);
		if (o.address != null) {
			try {
				Geocoded geocoded = this.grid.geocode(o.address);
				if (geocoded.location().hasUnit()) {
					o.place(geocoded.point().lon(), geocoded.point().lat(), geocoded.match(),
							geocoded.location().unit().code());
				}
			}
			catch (GridNotFound | IllegalArgumentException ex) {
				// unresolved: the operator places it on the map
			}
		}
		String text = o.content + " " + ((o.centreCategory != null) ? o.centreCategory : "");
		List<Map<String, Object>> suggestions = this.catalog.suggest(text, 3)
			.stream()
			.map((s) -> Map.<String, Object>of("code", s.category().code(), "name", s.category().name(), "score",
					s.score()))
			.toList();
		try {
			o.suggestions = JSON.writeValueAsString(suggestions);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void publish(HotlineOrder o) {
		o.newEvents.forEach(this.events::publishEvent);
		o.newEvents.clear();
	}

}
