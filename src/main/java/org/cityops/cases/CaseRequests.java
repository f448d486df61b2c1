package org.cityops.cases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Cases other modules ask for (a smoke alarm, water at a flood point): reported,
 * registered and dispatched by the routing rules in the name of the operations centre,
 * once per request even if the request is delivered again.
 */
@Component
class CaseRequests {

	static final String SYSTEM = "system";

	private static final Logger log = LoggerFactory.getLogger(CaseRequests.class);

	private final CaseManagement cases;

	CaseRequests(CaseManagement cases) {
		this.cases = cases;
	}

	@ApplicationModuleListener
	void on(CaseRequest request) {
		if (request.categoryCode() == null) {
			log.warn("{} asks for a case without a category; it stays with the operations centre", request.sourceRef());
			return;
		}
		Actor centre = Actor.system(SYSTEM);
		NewCase input = new NewCase(request.channel(), request.categoryCode(), request.description(), request.lon(),
				request.lat(), null, null, false);
		CaseManagement.Reported reported = this.cases.report(input, centre, request.sourceRef());
		if (reported.created()) {
			long id = reported.view().id();
			this.cases.act(id, Action.REGISTER, new CaseCommand(request.sourceRef(), null, null, null, null, null),
					centre);
			this.cases.act(id, Action.DISPATCH, CaseCommand.none(), centre);
		}
	}

}
