package org.cityops.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cityops.shared.Role;

/**
 * Everything that can be done to a case — who may do it, from which statuses, to which —
 * the one workflow table: {@link Status#next} is read from it, and every change of status
 * is checked against it. Administrators may do everything.
 */
public enum Action {

	// action(who may do it, from which statuses, to which statuses: none when it stays)
	REGISTER(roles(Role.OPERATOR), of(Status.REPORTED), of(Status.REGISTERED)),
	REJECT(roles(Role.OPERATOR), of(Status.REPORTED), of(Status.REJECTED)),
	DISPATCH(roles(Role.OPERATOR), of(Status.REGISTERED, Status.RETURNED, Status.DISPATCHED), of(Status.DISPATCHED)),
	ACCEPT(roles(Role.HANDLER, Role.COMMITTEE), of(Status.DISPATCHED), of(Status.ACCEPTED)),
	RETURN(roles(Role.HANDLER, Role.COMMITTEE), of(Status.DISPATCHED), of(Status.RETURNED)),
	HANDLE(roles(Role.HANDLER, Role.COMMITTEE), of(Status.ACCEPTED, Status.REWORK), of(Status.HANDLED)),
	VERIFY(roles(Role.INSPECTOR), of(Status.HANDLED), of(Status.VERIFIED, Status.REWORK)),
	CLOSE(roles(Role.OPERATOR), of(Status.VERIFIED), of(Status.CLOSED)),
	POSTPONE(roles(Role.HANDLER, Role.COMMITTEE, Role.OPERATOR), of(Status.DISPATCHED, Status.ACCEPTED, Status.REWORK),
			of()),
	SUSPEND(roles(Role.OPERATOR),
			of(Status.REGISTERED, Status.DISPATCHED, Status.RETURNED, Status.ACCEPTED, Status.REWORK, Status.HANDLED),
			of(Status.SUSPENDED)),
	/** Back to the status the case was suspended from. */
	RESUME(roles(Role.OPERATOR), of(Status.SUSPENDED),
			of(Status.REGISTERED, Status.DISPATCHED, Status.RETURNED, Status.ACCEPTED, Status.REWORK, Status.HANDLED)),
	CANCEL(roles(Role.OPERATOR),
			of(Status.REPORTED, Status.REGISTERED, Status.DISPATCHED, Status.RETURNED, Status.ACCEPTED, Status.REWORK),
			of(Status.CANCELLED)),
	SUPERVISE(roles(Role.LEADER, Role.OPERATOR), Status.OPEN, of()),
	/** One level up the ladder; not beyond the district. */
	ESCALATE(roles(Role.OPERATOR, Role.HANDLER, Role.COMMITTEE, Role.INSPECTOR), Status.OPEN, of()),
	MERGE(roles(Role.OPERATOR), of(Status.REPORTED), of(Status.MERGED)),
	/**
	 * The simple procedure: an inspector closes a case on the spot as it is reported. Not
	 * an action on an existing case: it is how such a report is made.
	 */
	CLOSE_ON_THE_SPOT(roles(Role.INSPECTOR), of(Status.REPORTED), of(Status.CLOSED));

	private final Set<Role> roles;

	private final Set<Status> from;

	private final Set<Status> to;

	Action(Set<Role> roles, Set<Status> from, Set<Status> to) {
		this.roles = roles;
		this.from = from;
		this.to = to;
	}

	private static Set<Role> roles(Role... roles) {
		return EnumSet.copyOf(Arrays.asList(roles));
	}

	private static Set<Status> of(Status... statuses) {
		return (statuses.length == 0) ? EnumSet.noneOf(Status.class) : EnumSet.copyOf(Arrays.asList(statuses));
	}

	/** The statuses a case may be in next, by any action: the one status table. */
	static Set<Status> targets(Status from) {
		Set<Status> out = EnumSet.noneOf(Status.class);
		for (Action a : values()) {
			if (a.from.contains(from)) {
				out.addAll(a.to);
			}
		}
		return out;
	}

	/** Whether this action takes a case from one status to the other. */
	boolean moves(Status from, Status to) {
		return this.from.contains(from) && this.to.contains(to);
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
		return this.from.contains(c.status()) && (this != ESCALATE || c.level() != Level.DISTRICT)
				&& this != CLOSE_ON_THE_SPOT;
	}

	/** The actions the case's state allows now, by their URL names. */
	static List<String> allowedNow(Case c) {
		return Arrays.stream(values()).filter((a) -> a.allowedIn(c)).map(Action::key).toList();
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The action named in a URL; the simple procedure is a way to report, not one of
	 * them.
	 */
	public static Action parse(String text) {
		return Arrays.stream(values())
			.filter((a) -> a != CLOSE_ON_THE_SPOT && a.key().equals(text))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown action '" + text + "'; one of "
					+ Arrays.stream(values()).filter((a) -> a != CLOSE_ON_THE_SPOT).map(Action::key).toList()));
	}

}
