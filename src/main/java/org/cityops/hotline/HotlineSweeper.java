package org.cityops.hotline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warns before a hotline deadline (first contact, conclusion, re-handling) and marks it
 * overdue once it has passed, each once per order and round: the warning is written to
 * the order's log and published. Safe with several instances: rows are locked with SKIP
 * LOCKED and each alert is remembered on the order.
 */
@Component
class HotlineSweeper {

	/** Far enough ahead to cover a warning period across the longest holiday. */
	private static final Duration HORIZON = Duration.ofDays(12);

	private final HotlineOrders orders;

	private final HotlineDeadlines deadlines;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int batch;

	HotlineSweeper(HotlineOrders orders, HotlineDeadlines deadlines, ApplicationEventPublisher events, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${cityops.hotline.sweep-batch:500}") int batch) {
		this.batch = batch;
		this.orders = orders;
		this.deadlines = deadlines;
		this.events = events;
		this.clock = clock;
	}

	/** One pass; answers how many alerts it gave. */
	@Scheduled(fixedDelayString = "${cityops.hotline.sweep-interval:60s}",
			initialDelayString = "${cityops.hotline.sweep-interval:60s}")
	@Transactional
	public int sweep() {
		Instant now = this.clock.instant();
		int alerts = 0;
		for (HotlineOrder o : this.orders.lockDueBefore(now, now.plus(HORIZON), this.batch)) {
			int before = o.alerts.size();
			if (o.firstContactAt == null) {
				check(o, "CONTACT", "先行联系", o.firstContactDue, now);
			}
			if (o.status != OrderStatus.RETURN_REQUESTED) {
				check(o, "CONCLUDE:" + o.round, (o.round > 1) ? "重办办结" : "办结", o.dueNow(), now);
			}
			if (o.alerts.size() > before) {
				alerts += o.alerts.size() - before;
				if (!this.orders.update(o)) {
					throw new IllegalStateException("Order " + o.number + " changed while locked");
				}
				o.newEvents.forEach(this.events::publishEvent);
			}
		}
		return alerts;
	}

	private void check(HotlineOrder o, String key, String what, Instant due, Instant now) {
		if (!due.isAfter(now)) {
			if (o.alert(key + ":OVERDUE", what + "已超时（时限 " + OrderParser.local(due) + "）", now)) {
				o.newEvents.add(new HotlineEvent.Overdue(o.number, key, due, now));
			}
		}
		else if (this.deadlines.near(now, due)) {
			if (o.alert(key + ":NEAR", what + "即将到期（时限 " + OrderParser.local(due) + "）", now)) {
				o.newEvents.add(new HotlineEvent.DeadlineNear(o.number, key, due, now));
			}
		}
	}

}
