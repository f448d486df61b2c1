package org.cityops.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.cityops.shared.Role;

/**
 * Who may act on a case now, beyond the workflow table's roles and statuses: the
 * department's own steps, the postponement rule, and which cases wait for whom. The one
 * place the service, the case page and the task lists ask.
 */
final class CasePolicy {

	/** The steps that move a case along its way (the others act on it wherever it is). */
	private static final Set<Action> FORWARD = EnumSet.of(Action.REGISTER, Action.REJECT, Action.DISPATCH,
			Action.ACCEPT, Action.RETURN, Action.HANDLE, Action.VERIFY, Action.CLOSE);

	private CasePolicy() {
	}

	/**
	 * Whether the actor belongs to the case's department (an administrator always does).
	 */
	static boolean ofTheDepartment(Actor by, String caseDepartment) {
		return by.role() == Role.ADMIN || Objects.equals(by.department(), caseDepartment);
	}

	/**
	 * The postponement rule, one half: while no request is pending, the department
	 * handling the case asks for more time (never the operations centre, which decides).
	 */
	static boolean asksForMoreTime(Actor by, String caseDepartment) {
		return Action.POSTPONE.permits(by) && by.role() != Role.OPERATOR && ofTheDepartment(by, caseDepartment);
	}

	/** The other half: a pending request is decided by the operations centre. */
	static boolean decidesOnMoreTime(Actor by) {
		return by.role() == Role.OPERATOR || by.role() == Role.ADMIN;
	}

	/**
	 * Whether the actor may do the action now, the case's status allowing it (its
	 * {@code allowedActions}): the role, the department for the department's own steps,
	 * and the postponement rule.
	 */
	static boolean mayNow(Actor by, Action action, CaseView c) {
		if (!action.permits(by) || (action.byDepartment() && !ofTheDepartment(by, c.departmentCode()))) {
			return false;
		}
		if (action == Action.POSTPONE) {
			return (c.postponeRequestedDays() != null) ? decidesOnMoreTime(by)
					: asksForMoreTime(by, c.departmentCode());
		}
		return true;
	}

	/** The actions the actor may do on the case now, by their URL names. */
	static List<String> actionsNow(CaseView c, Actor by) {
		return c.allowedActions().stream().filter((key) -> mayNow(by, Action.parse(key), c)).toList();
	}

	/**
	 * The statuses in which a case waits for the role: those from which one of the role's
	 * steps moves it on (an operator: to register, dispatch or close; a department: to
	 * accept and handle; an inspector: to verify).
	 */
	static List<Status> waitingFor(Role role) {
		return Arrays.stream(Status.values())
			.filter((s) -> FORWARD.stream()
				.anyMatch(
						(a) -> a.permits(role) && Action.targets(s).stream().anyMatch((t) -> t != s && a.moves(s, t))))
			.toList();
	}

	/** Whether the role's waiting cases are its department's own. */
	static boolean waitsInItsDepartment(Role role) {
		return role == Role.HANDLER || role == Role.COMMITTEE;
	}

}
