package org.cityops.hotline;

import org.cityops.cases.CaseEvent;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps an order's department in step with its case when the operations centre dispatches
 * the case elsewhere on the case pages.
 */
@Component
class CaseListener {

	private final HotlineOrders orders;

	CaseListener(HotlineOrders orders) {
		this.orders = orders;
	}

	@ApplicationModuleListener
	void on(CaseEvent.Dispatched event) {
		this.orders.departmentChanged(event.caseId(), event.department(), event.at());
	}

}
