package org.cityops.cases;

import java.util.List;

import org.cityops.organization.Department;
import org.cityops.organization.Organization;
import org.cityops.organization.StaffScope;
import org.cityops.shared.DepartmentKind;
import org.cityops.shared.Role;
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

	private final Organization organization;

	CaseRequests(CaseManagement cases, Organization organization) {
		this.cases = cases;
		this.organization = organization;
	}

	@ApplicationModuleListener
	void on(CaseRequest request) {
		if (request.categoryCode() == null) {
			log.warn("{} asks for a case without a category; it stays with the operations centre", request.sourceRef());
			return;
		}
		Actor centre = centre();
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

	private Actor centre() {
		String code = this.organization.departments()
			.stream()
			.filter((d) -> d.kind() == DepartmentKind.OPERATIONS_CENTRE && d.active())
			.map(Department::code)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No operations centre department to report requested cases"));
		return new Actor(SYSTEM, Role.OPERATOR, new StaffScope(SYSTEM, code, StaffScope.TOWN, List.of()));
	}

}
