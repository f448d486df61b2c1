package org.cityops.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cityops.catalog.Catalog;
import org.cityops.catalog.Category;
import org.cityops.grid.Geocoded;
import org.cityops.grid.Grid;
import org.cityops.grid.GridNotFound;
import org.cityops.grid.GridPlace;
import org.cityops.grid.Location;
import org.cityops.organization.Organization;
import org.cityops.shared.Crs;
import org.cityops.shared.GeoPoint;
import org.cityops.shared.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting cases and walking them through the workflow. Each call is one transaction:
 * the case row is locked, the aggregate decides, the change and its history are written
 * and its events published together, so a 201 means the case is on disk (synchronous
 * commit) and a refused action changes nothing.
 */
@Service
public class CaseManagement {

	private final Cases cases;

	private final Grid grid;

	private final Catalog catalog;

	private final Organization organization;

	private final Deadlines deadlines;

	private final CasePhotos photos;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final double duplicateMetres;

	private final Duration duplicateWindow;

	private final org.cityops.shared.StaffRoles staff;

	private final boolean demo;

	CaseManagement(Cases cases, Grid grid, Catalog catalog, Organization organization, Deadlines deadlines,
			CasePhotos photos, ApplicationEventPublisher events, Clock clock, org.cityops.shared.StaffRoles staff,
			@Value("${cityops.demo:true}") boolean demo,
			@Value("${cityops.cases.duplicate-distance-m:50}") double duplicateMetres,
			@Value("${cityops.cases.duplicate-window:72h}") Duration duplicateWindow) {
		this.cases = cases;
		this.grid = grid;
		this.catalog = catalog;
		this.organization = organization;
		this.deadlines = deadlines;
		this.photos = photos;
		this.events = events;
		this.clock = clock;
		this.duplicateMetres = duplicateMetres;
		this.duplicateWindow = duplicateWindow;
		this.staff = staff;
		this.demo = demo;
	}

	/**
	 * The signed-in staff member of the current request, with the role of its sign-in and
	 * the scope and reach of its account; null when the caller is anonymous or a machine
	 * (an API key). The one way a request becomes an actor.
	 */
	public Actor signedIn() {
		org.springframework.security.core.Authentication authentication = org.springframework.security.core.context.SecurityContextHolder
			.getContext()
			.getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return null;
		}
		return authentication.getAuthorities()
			.stream()
			.map(org.springframework.security.core.GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith("ROLE_"))
			.map((a) -> actor(authentication.getName(), Role.valueOf(a.substring(5))))
			.findFirst()
			.orElse(null);
	}

	/**
	 * A demo account as it is stored — its own role, scope and reach — for the demo
	 * loaders, which act in the demo accounts' names without a request. Only in demo mode
	 * ({@code cityops.demo=true}): with real accounts, no module acts in a person's name.
	 */
	public Actor demoAccount(String username) {
		if (!this.demo) {
			throw new IllegalStateException("Acting in an account's name is for the demo only (cityops.demo=true)");
		}
		Role role = this.staff.roleOf(username)
			.orElseThrow(() -> CaseProblem.invalid("No enabled staff account '" + username + "'"));
		return actor(username, role);
	}

	Actor actor(String username, Role role) {
		org.cityops.organization.StaffScope scope = this.organization.scopeOf(username).orElse(null);
		return new Actor(username, role, scope, this.organization.reach(scope, role));
	}

	/**
	 * Opens a case with its photos, all or nothing: every photo is checked before
	 * anything is written, and the case and its photos are committed together. The simple
	 * procedure needs at least one photo before and one after.
	 */
	@Transactional
	public Reported report(NewCase input, Actor by, String idempotencyKey, List<byte[]> before, List<byte[]> after) {
		if (Boolean.TRUE.equals(input.simpleProcedure()) && (before.isEmpty() || after.isEmpty())) {
			throw CaseProblem.invalid("The simple procedure needs a photo before and a photo after the fix");
		}
		before.forEach(this.photos::check);
		after.forEach(this.photos::check);
		List<byte[]> photos = new java.util.ArrayList<>(before);
		photos.add(new byte[0]);
		photos.addAll(after);
		Reported reported = report(input, by, idempotency(idempotencyKey, by, input, photos));
		if (reported.created()) {
			long id = reported.view().id();
			before.forEach((photo) -> this.photos.attach(id, "BEFORE", photo, by));
			after.forEach((photo) -> this.photos.attach(id, "AFTER", photo, by));
		}
		return reported;
	}

	/**
	 * Opens a case without photos (or, with {@code simpleProcedure}, opens and closes it;
	 * the API asks for photos then, through the other {@code report}). With an
	 * idempotency key, a retry answers the first case.
	 */
	@Transactional
	public Reported report(NewCase input, Actor by, String idempotencyKey) {
		return report(input, by, idempotency(idempotencyKey, by, input, List.of()));
	}

	/**
	 * The caller's key for this report, with a digest of everything sent; null without a
	 * key.
	 */
	private static Cases.Idempotency idempotency(String key, Actor by, NewCase input, List<byte[]> photos) {
		if (key == null) {
			return null;
		}
		if (key.isBlank() || key.length() > 200 || key.chars().anyMatch(Character::isISOControl)) {
			throw CaseProblem.invalid("An Idempotency-Key has 1 to 200 characters and no control characters");
		}
		try {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			digest.update(input.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			for (byte[] photo : photos) {
				digest.update(java.security.MessageDigest.getInstance("SHA-256").digest(photo));
			}
			return new Cases.Idempotency(by.username(), key, java.util.HexFormat.of().formatHex(digest.digest()));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Reported report(NewCase input, Actor by, Cases.Idempotency idempotency) {
		if (idempotency != null) {
			if (!this.cases.claim(idempotency)) {
				throw CaseProblem.inProgress("A report with this Idempotency-Key is being made right now; "
						+ "retry in a moment to get its case");
			}
			Optional<java.util.Map.Entry<Long, String>> earlier = this.cases.byIdempotencyKey(idempotency);
			if (earlier.isPresent()) {
				if (!earlier.get().getValue().equals(idempotency.digest())) {
					throw CaseProblem.invalid("This Idempotency-Key was used for a different report; "
							+ "use a new key for a new report");
				}
				return new Reported(view(earlier.get().getKey()), false);
			}
		}
		if (by.role() == Role.LEADER) {
			throw CaseProblem.forbidden("A LEADER may not report cases");
		}
		Channel channel = parseChannel(input.channel());
		Category category = category(input.categoryCode());
		String description = text(input.description(), "a description of the problem", 2000);
		Location location = locate(input);
		GridPlace unit = location.unit();
		if (!by.covers(unit.code(), location.area().code())) {
			throw CaseProblem.forbidden("Unit " + unit.code() + " (" + unit.name() + ") is outside your scope");
		}
		org.cityops.organization.Department routed = this.organization
			.route(category.code(), unit.code(), location.area().code())
			.department();
		String department = routed.code();
		Report report = new Report(channel, category.code(), description, location.point().lon(),
				location.point().lat(), input.address(), location.gridVersion(), unit.code(), location.block().code(),
				location.area().code(), location.town().code(),
				(location.committee() != null) ? location.committee().code() : null,
				(location.compound() != null) ? location.compound().code() : null, department, routed.kind());
		Instant now = this.clock.instant();
		Case c;
		if (Boolean.TRUE.equals(input.simpleProcedure())) {
			if (!Action.CLOSE_ON_THE_SPOT.permits(by)) {
				throw CaseProblem.forbidden("Only an inspector closes a case on the spot (simple procedure)");
			}
			if (!category.simpleProcedure()) {
				throw CaseProblem.invalid("Category " + category.code() + " (" + category.name()
						+ ") does not allow the simple procedure; report it for the standard procedure");
			}
			c = Case.closeOnTheSpot(report, by, now, this.deadlines);
		}
		else {
			c = Case.report(report, by, now, this.deadlines);
		}
		try {
			this.cases.insert(c, idempotency,
					c.simpleProcedure ? null : new Cases.Near(this.duplicateMetres, now.minus(this.duplicateWindow)));
		}
		catch (DuplicateKeyException ex) {
			// the same key arrived concurrently; the other call's case stands
			throw CaseProblem.invalid("A case with this Idempotency-Key is being created; retry to get it");
		}
		c.openingEvents((idempotency != null) ? idempotency.key() : null).forEach(this.events::publishEvent);
		return new Reported(CaseView.of(c, category.name(), List.copyOf(c.savedHistory)), true);
	}

	/** The case made (or found again by its idempotency key). */
	public record Reported(CaseView view, boolean created) {
	}

	/** Does an action to a case. */
	@Transactional
	public CaseView act(long id, Action action, CaseCommand command, Actor by) {
		if (!action.permits(by)) {
			throw CaseProblem.forbidden("A " + by.roleName() + " may not " + action.key() + " a case");
		}
		Case c = this.cases.lock(id)
			.filter((found) -> by.reach().covers(found.unitCode, found.departmentCode))
			.orElseThrow(() -> CaseProblem.notFound(id));
		Instant now = this.clock.instant();
		CaseCommand cmd = (command != null) ? command : CaseCommand.none();
		switch (action) {
			case REGISTER -> c.register(by, cmd.note(), now, this.deadlines);
			case REJECT -> c.reject(by, cmd.note(), now);
			case DISPATCH -> c.dispatch(by, department(cmd.department(), c), cmd.note(), now, this.deadlines);
			case ACCEPT -> c.accept(by, now);
			case RETURN -> c.returnToCentre(by, cmd.note(), now, this.deadlines);
			case HANDLE -> c.handle(by, cmd.note(), now, this.deadlines);
			case VERIFY -> {
				if (cmd.passed() == null) {
					throw CaseProblem.invalid("Say whether the verification passed (\"passed\": true or false)");
				}
				c.verify(by, cmd.passed(), cmd.note(), now, this.deadlines);
			}
			case CLOSE -> c.close(by, cmd.note(), now);
			case POSTPONE -> postpone(c, cmd, by, now);
			case SUSPEND -> c.suspend(by, cmd.note(), now);
			case RESUME -> c.resume(by, now, this.deadlines);
			case CANCEL -> c.cancel(by, cmd.note(), now);
			case SUPERVISE -> c.supervise(by, cmd.note(), now);
			case ESCALATE -> c.escalate(by, cmd.note(), now);
			case MERGE -> merge(c, cmd, by, now);
			case CLOSE_ON_THE_SPOT -> throw CaseProblem.invalid("A case is closed on the spot as it is reported");
		}
		save(c);
		return CaseView.of(c, this.catalog.name(c.categoryCode), this.cases.history(id));
	}

	/**
	 * The 12345 caller's verdict at the callback on the case of a concluded order:
	 * satisfied verifies and closes a handled case (closes a verified one); dissatisfied
	 * sends a handled case back to its department (rework), due by {@code reworkDue}.
	 * Answers whether the case followed the verdict: false when it had already moved on
	 * (closed, cancelled, suspended …), and then a dissatisfied caller's problem needs a
	 * new case.
	 */
	@Transactional
	public boolean callerVerdict(long id, boolean satisfied, String note, Instant reworkDue, Actor by) {
		if (!by.isSystem() && !Action.CLOSE.permitsRole(by.role())) {
			throw CaseProblem.forbidden("The operations centre records the caller's verdict, not a " + by.role());
		}
		Case c = this.cases.lock(id)
			.filter((found) -> by.reach().covers(found.unitCode, found.departmentCode))
			.orElseThrow(() -> CaseProblem.notFound(id));
		if (!c.callerVerdict(by, satisfied, note, reworkDue, this.clock.instant())) {
			return false;
		}
		save(c);
		return true;
	}

	private void postpone(Case c, CaseCommand cmd, Actor by, Instant now) {
		if (cmd.decision() == null) {
			if (by.role() == Role.OPERATOR) {
				throw CaseProblem
					.invalid("An operator decides on a postponement: \"decision\": \"APPROVE\" or \"DENY\"");
			}
			if (!CasePolicy.asksForMoreTime(by, c.departmentCode)) {
				throw CaseProblem.forbidden("Only the department handling the case asks for more time");
			}
			c.requestPostponement(by, (cmd.workingDays() != null) ? cmd.workingDays() : 0, cmd.note(), now);
			return;
		}
		if (!CasePolicy.decidesOnMoreTime(by)) {
			throw CaseProblem.forbidden("Only the operations centre approves or denies a postponement");
		}
		String decision = cmd.decision().toUpperCase(Locale.ROOT);
		if (!decision.equals("APPROVE") && !decision.equals("DENY")) {
			throw CaseProblem.invalid("decision must be APPROVE or DENY");
		}
		c.decidePostponement(by, decision.equals("APPROVE"), cmd.note(), now, this.deadlines);
	}

	private void merge(Case c, CaseCommand cmd, Actor by, Instant now) {
		if (cmd.into() == null) {
			throw CaseProblem.invalid("Say which case to merge into (\"into\": id)");
		}
		Case target = this.cases.find(cmd.into()).orElseThrow(() -> CaseProblem.notFound(cmd.into()));
		if (!target.status.isOpen()) {
			throw CaseProblem.invalid("Case " + target.number + " is finished; merge into an open case");
		}
		c.mergeInto(by, target.id, now);
	}

	private String department(String requested, Case c) {
		if (requested == null || requested.isBlank()) {
			return this.organization.route(c.categoryCode, c.unitCode, c.areaCode).department().code();
		}
		return this.organization.department(requested)
			.filter(org.cityops.organization.Department::active)
			.orElseThrow(() -> CaseProblem.invalid("No active department '" + requested + "'"))
			.code();
	}

	/**
	 * Marks the case's current stage overdue if its deadline has passed, as the deadline
	 * sweeper does (once per stage); for a caller that walks cases through time itself
	 * (the history generator). Answers whether it marked.
	 */
	@Transactional
	public boolean markOverdue(long id) {
		Case c = this.cases.lock(id).orElseThrow(() -> CaseProblem.notFound(id));
		c.markOverdue(this.clock.instant());
		if (c.newEvents.isEmpty()) {
			return false;
		}
		save(c);
		return true;
	}

	/**
	 * Saves the case with its new history lines and publishes its new events, each with
	 * the id of the line that records it.
	 */
	void save(Case c) {
		List<CaseEvent> pending = List.copyOf(c.newEvents);
		List<Integer> lines = List.copyOf(c.newEventLines);
		if (!this.cases.update(c)) {
			throw CaseProblem.invalid("The case was changed by someone else at the same moment; reload and retry");
		}
		c.newEvents.clear();
		c.newEventLines.clear();
		for (int i = 0; i < pending.size(); i++) {
			this.events.publishEvent(pending.get(i).withHistoryId(c.savedHistoryIds.get(lines.get(i))));
		}
	}

	/**
	 * Whether any case exists at all (the demo's history fills only an empty platform).
	 */
	public boolean anyCase() {
		return this.cases.any();
	}

	/** A case for the platform's own work (another module's), whatever its place. */
	public CaseView view(long id) {
		Case c = this.cases.find(id).orElseThrow(() -> CaseProblem.notFound(id));
		return CaseView.of(c, this.catalog.name(c.categoryCode), this.cases.history(id));
	}

	/**
	 * A case as the reader may see it: one outside the reader's reach is not found, so
	 * that its existence is not told either.
	 */
	public CaseView view(long id, Actor reader) {
		Case c = visible(id, reader);
		return CaseView.of(c, this.catalog.name(c.categoryCode), this.cases.history(id));
	}

	private Case visible(long id, Actor reader) {
		return this.cases.find(id, reader.reach()).orElseThrow(() -> CaseProblem.notFound(id));
	}

	/** A page of the cases within the reader's reach, newest first, without history. */
	public CasePage list(CaseFilter filter, int page, int size, Actor reader) {
		if (page < 0 || size < 1 || size > 500 || page > 1_000_000) {
			throw CaseProblem.invalid("page starts at 0 (at most 1000000) and size is 1 to 500");
		}
		Cases.Page found = this.cases.list(filter, page, size, reader.reach());
		return new CasePage(found.items()
			.stream()
			.map((c) -> CaseView.of(c, this.catalog.name(c.categoryCode), List.of()))
			.toList(), found.total(), page, size);
	}

	/** One page of a case list. */
	public record CasePage(List<CaseView> items, long total, int page, int size) {
	}

	private Category category(String code) {
		if (code == null || code.isBlank()) {
			throw CaseProblem.invalid("Give the case category (categoryCode), e.g. 06010 暴露垃圾");
		}
		Category category = this.catalog.category(code.trim())
			.orElseThrow(
					() -> CaseProblem.invalid("Unknown category '" + code + "'; see GET /api/v1/catalog/categories"));
		if (!category.active()) {
			throw CaseProblem.invalid("Category " + code + " is no longer in use");
		}
		return category;
	}

	private Location locate(NewCase input) {
		try {
			if (input.lon() != null && input.lat() != null) {
				GeoPoint point = Crs.parse(input.crs()).toWgs84(input.lon(), input.lat());
				return requireUnit(this.grid.locate(point));
			}
			if (input.address() != null && !input.address().isBlank()) {
				Geocoded geocoded = this.grid.geocode(input.address());
				return requireUnit(geocoded.location());
			}
		}
		catch (GridNotFound ex) {
			throw CaseProblem.invalid(ex.getMessage());
		}
		throw CaseProblem.invalid("Say where: lon and lat (WGS84, or crs=gcj02), or an address such as 武威路1082弄");
	}

	private static Location requireUnit(Location location) {
		if (!location.hasUnit()) {
			throw CaseProblem
				.invalid("The place lies in " + ((location.town() != null) ? location.town().name() : "the district")
						+ ", outside every responsibility unit of the grid");
		}
		return location;
	}

	private static Channel parseChannel(String value) {
		if (value == null || value.isBlank()) {
			throw CaseProblem.invalid("Give the channel: " + java.util.Arrays.toString(Channel.values()));
		}
		try {
			return Channel.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw CaseProblem
				.invalid("Unknown channel '" + value + "'; one of " + java.util.Arrays.toString(Channel.values()));
		}
	}

	private static String text(String value, String what, int max) {
		if (value == null || value.isBlank()) {
			throw CaseProblem.invalid("Give " + what);
		}
		if (value.length() > max) {
			throw CaseProblem.invalid("At most " + max + " characters for " + what);
		}
		return value.trim();
	}

}
