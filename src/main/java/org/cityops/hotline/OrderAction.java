package org.cityops.hotline;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static org.cityops.hotline.OrderStatus.CLOSED;
import static org.cityops.hotline.OrderStatus.CONCLUDED;
import static org.cityops.hotline.OrderStatus.DISPATCHED;
import static org.cityops.hotline.OrderStatus.RECEIVED;
import static org.cityops.hotline.OrderStatus.REHANDLING;
import static org.cityops.hotline.OrderStatus.RETURNED;
import static org.cityops.hotline.OrderStatus.RETURN_REQUESTED;

/**
 * Everything that can be done to a hotline order, from which statuses, to which: the
 * order's one workflow table ({@link OrderStatus#next} is read from it, and every change
 * of status is checked against it). Who may do each is the desk's access rule.
 */
enum OrderAction {

	// action(from which statuses, to which statuses: none when it stays)
	/** The centre sent a returned order again: it opens again. */
	RESEND(of(RETURNED), of(RECEIVED)), CONFIRM(of(RECEIVED), of(DISPATCHED)),
	CONTACT(of(DISPATCHED, RETURN_REQUESTED, REHANDLING, CONCLUDED), of()),
	CONCLUDE(of(DISPATCHED, REHANDLING), of(CONCLUDED)),
	/** First round only. */
	REQUEST_RETURN(of(DISPATCHED), of(RETURN_REQUESTED)), APPROVE_RETURN(of(RETURN_REQUESTED), of(RETURNED)),
	/** The return is refused: back to the department the operator names. */
	REFUSE_RETURN(of(RETURN_REQUESTED), of(DISPATCHED)),
	/** Satisfied: closed; dissatisfied: handled again. */
	CALLBACK(of(CONCLUDED), of(CLOSED, REHANDLING)),
	/** First round only, while a department has it. */
	REQUEST_COMPLEX(of(DISPATCHED, RETURN_REQUESTED), of()), DECIDE_COMPLEX(EnumSet.allOf(OrderStatus.class), of());

	private final Set<OrderStatus> from;

	private final Set<OrderStatus> to;

	OrderAction(Set<OrderStatus> from, Set<OrderStatus> to) {
		this.from = from;
		this.to = to;
	}

	private static Set<OrderStatus> of(OrderStatus... statuses) {
		return (statuses.length == 0) ? EnumSet.noneOf(OrderStatus.class) : EnumSet.copyOf(Arrays.asList(statuses));
	}

	/** The statuses an order may be in next, by any action: the one status table. */
	static Set<OrderStatus> targets(OrderStatus from) {
		Set<OrderStatus> out = EnumSet.noneOf(OrderStatus.class);
		for (OrderAction a : values()) {
			if (a.from.contains(from)) {
				out.addAll(a.to);
			}
		}
		return out;
	}

	boolean allowedIn(OrderStatus status) {
		return this.from.contains(status);
	}

	boolean moves(OrderStatus from, OrderStatus to) {
		return this.from.contains(from) && this.to.contains(to);
	}

}
