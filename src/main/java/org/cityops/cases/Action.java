package org.cityops.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cityops.shared.Role;

/**
 * Everything that can be done to a case, who may do it, and from which statuses.
 * Administrators may do everything.
 */
public enum Action {

	REGISTER(EnumSet.of(Role.OPERATOR)), REJECT(EnumSet.of(Role.OPERATOR)), DISPATCH(EnumSet.of(Role.OPERATOR)),
	ACCEPT(EnumSet.of(Role.HANDLER, Role.COMMITTEE)), RETURN(EnumSet.of(Role.HANDLER, Role.COMMITTEE)),
	HANDLE(EnumSet.of(Role.HANDLER, Role.COMMITTEE)), VERIFY(EnumSet.of(Role.INSPECTOR)),
	CLOSE(EnumSet.of(Role.OPERATOR)), POSTPONE(EnumSet.of(Role.HANDLER, Role.COMMITTEE, Role.OPERATOR)),
	SUSPEND(EnumSet.of(Role.OPERATOR)), RESUME(EnumSet.of(Role.OPERATOR)), CANCEL(EnumSet.of(Role.OPERATOR)),
	SUPERVISE(EnumSet.of(Role.LEADER, Role.OPERATOR)),
	ESCALATE(EnumSet.of(Role.OPERATOR, Role.HANDLER, Role.COMMITTEE, Role.INSPECTOR)), MERGE(EnumSet.of(Role.OPERATOR));

	private final Set<Role> roles;

	Action(Set<Role> roles) {
		this.roles = roles;
	}

	/**
	 * Whether the role may do this action at all (scope and department are checked on the
	 * case).
	 */
	public boolean permitsRole(Role role) {
		return permits(role);
	}

	boolean permits(Role role) {
		return role == Role.ADMIN || this.roles.contains(role);
	}

	/**
	 * Whether the actor may do this action at all: a staff member by role, the platform's
	 * own work only what intake needs (register and dispatch).
	 */
	boolean permits(Actor actor) {
		return actor.isSystem() ? (this == REGISTER || this == DISPATCH) : permits(actor.role());
	}

	/** Whether the action is done by the department the case is dispatched to. */
	boolean byDepartment() {
		return this == ACCEPT || this == RETURN || this == HANDLE;
	}

	/**
	 * Whether the case's current state allows the action (who may do it is checked
	 * separately).
	 */
	boolean allowedIn(Case c) {
		Status s = c.status();
		return switch (this) {
			case REGISTER, REJECT, MERGE -> s == Status.REPORTED;
			case DISPATCH -> s == Status.REGISTERED || s == Status.RETURNED || s == Status.DISPATCHED;
			case ACCEPT, RETURN -> s == Status.DISPATCHED;
			case HANDLE -> s == Status.ACCEPTED || s == Status.REWORK;
			case VERIFY -> s == Status.HANDLED;
			case CLOSE -> s == Status.VERIFIED;
			case POSTPONE -> s == Status.ACCEPTED || s == Status.REWORK || s == Status.DISPATCHED;
			case SUSPEND -> s.canBecome(Status.SUSPENDED);
			case RESUME -> s == Status.SUSPENDED;
			case CANCEL -> s.canBecome(Status.CANCELLED);
			case SUPERVISE -> s.isOpen();
			case ESCALATE -> s.isOpen() && c.level() != Level.DISTRICT;
		};
	}

	/** The actions the case's state allows now, by their URL names. */
	static List<String> allowedNow(Case c) {
		return Arrays.stream(values()).filter((a) -> a.allowedIn(c)).map(Action::key).toList();
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Action parse(String text) {
		return Arrays.stream(values())
			.filter((a) -> a.key().equals(text))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown action '" + text + "'; one of " + Arrays.stream(values()).map(Action::key).toList()));
	}

}
