package org.cityops.organization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cityops.catalog.Catalog;
import org.cityops.catalog.Category;
import org.cityops.grid.Grid;
import org.cityops.shared.DepartmentKind;
import org.cityops.shared.Reach;
import org.cityops.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments, staff scopes and routing. A case of category c in unit u of area a goes
 * to, in this order: a rule for (c, u), a rule for (c, a), a rule for (c, anywhere), the
 * department of c's default kind serving area a, a rule for (any, a), the area centre of
 * a, and finally the town's operations centre.
 */
@Service
public class Organization {

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final Grid grid;

	Organization(JdbcClient jdbc, Catalog catalog, Grid grid) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.grid = grid;
	}

	/**
	 * Departments, rules and scopes as last read; routing runs on every report, so it
	 * reads from memory.
	 */
	private record Snapshot(List<Department> departments, List<RoutingRule> rules, Map<String, StaffScope> scopes) {
	}

	private volatile Snapshot snapshot;

	private Snapshot snapshot() {
		Snapshot s = this.snapshot;
		if (s == null) {
			List<Department> departments = this.jdbc
				.sql("select code, name, kind, place_code, active from department order by code")
				.query((rs, i) -> new Department(rs.getString(1), rs.getString(2),
						DepartmentKind.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5)))
				.list();
			List<RoutingRule> rules = this.jdbc
				.sql("select id, category_code, place_code, department_code from routing_rule order by id")
				.query((rs, i) -> new RoutingRule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list();
			Map<String, StaffScope> scopes = new LinkedHashMap<>();
			this.jdbc.sql("select username, department_code, scope_kind, scope_places from staff_scope")
				.query((rs, i) -> new StaffScope(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4).isBlank() ? List.of() : Arrays.asList(rs.getString(4).split(","))))
				.list()
				.forEach((scope) -> scopes.put(scope.username(), scope));
			this.snapshot = s = new Snapshot(departments, rules, scopes);
		}
		return s;
	}

	/**
	 * Changes made by other instances become visible within the refresh interval; this
	 * instance's at once.
	 */
	@org.springframework.scheduling.annotation.Scheduled(
			fixedDelayString = "${cityops.organization.refresh-interval:10s}")
	void refresh() {
		this.snapshot = null;
	}

	public List<Department> departments() {
		return snapshot().departments();
	}

	public Optional<Department> department(String code) {
		return departments().stream().filter((d) -> d.code().equals(code)).findFirst();
	}

	public Optional<StaffScope> scopeOf(String username) {
		return this.jdbc
			.sql("select username, department_code, scope_kind, scope_places from staff_scope where username = ?")
			.param(username)
			.query((rs, i) -> new StaffScope(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4).isBlank() ? List.of() : Arrays.asList(rs.getString(4).split(","))))
			.optional();
	}

	/**
	 * What a staff member with this scope (null: none assigned) may read: the
	 * administrator everything; anyone else the units of their scope (all of them for a
	 * town-wide scope), department staff only their department's work; an account without
	 * a scope nothing.
	 */
	public Reach reach(StaffScope scope, Role role) {
		if (role == Role.ADMIN) {
			return Reach.all();
		}
		if (scope == null) {
			return Reach.none();
		}
		String department = (role == Role.HANDLER) ? scope.departmentCode() : null;
		java.util.Set<String> units = switch (scope.kind()) {
			case StaffScope.TOWN -> null;
			case StaffScope.AREA -> unitsOfAreas(scope.places());
			case StaffScope.UNIT -> java.util.Set.copyOf(scope.places());
			default -> java.util.Set.of();
		};
		return new Reach(units, department);
	}

	private java.util.Set<String> unitsOfAreas(List<String> areas) {
		try {
			java.util.Set<String> units = new java.util.HashSet<>();
			areas.forEach((area) -> units.addAll(this.grid.unitsOfArea(area)));
			return units;
		}
		catch (org.cityops.grid.GridNotFound noGridYet) {
			return java.util.Set.of();
		}
	}

	@Transactional
	public void assign(String username, String departmentCode, String scopeKind, List<String> places) {
		if (!List.of(StaffScope.TOWN, StaffScope.AREA, StaffScope.UNIT).contains(scopeKind)) {
			throw new IllegalArgumentException("scope kind must be TOWN, AREA or UNIT");
		}
		department(departmentCode).orElseThrow(() -> new IllegalArgumentException("No department " + departmentCode));
		this.jdbc.sql("""
				insert into staff_scope (username, department_code, scope_kind, scope_places) values (?, ?, ?, ?)
				on conflict (username) do update set department_code = excluded.department_code,
				scope_kind = excluded.scope_kind, scope_places = excluded.scope_places""")
			.params(username, departmentCode, scopeKind, String.join(",", places))
			.update();
		refresh();
	}

	@Transactional
	public void addDepartment(Department department) {
		this.jdbc.sql("insert into department (code, name, kind, place_code, active) values (?, ?, ?, ?, ?)")
			.params(department.code(), department.name(), department.kind().name(), department.placeCode(),
					department.active())
			.update();
		refresh();
	}

	public List<RoutingRule> rules() {
		return snapshot().rules();
	}

	/** Adds or replaces the rule for (category, place). */
	@Transactional
	public RoutingRule putRule(String categoryCode, String placeCode, String departmentCode) {
		if (categoryCode != null && this.catalog.category(categoryCode).isEmpty()) {
			throw new IllegalArgumentException("No case category " + categoryCode);
		}
		if (department(departmentCode).filter(Department::active).isEmpty()) {
			throw new IllegalArgumentException("No active department " + departmentCode);
		}
		if (placeCode != null) {
			try {
				this.grid.place(placeCode);
			}
			catch (org.cityops.grid.GridNotFound ex) {
				throw new IllegalArgumentException("No place " + placeCode + " in the grid in force");
			}
		}
		this.jdbc
			.sql("delete from routing_rule where coalesce(category_code, '') = coalesce(?, '') "
					+ "and coalesce(place_code, '') = coalesce(?, '')")
			.params(categoryCode, placeCode)
			.update();
		long id = this.jdbc.sql("""
				insert into routing_rule (category_code, place_code, department_code) values (?, ?, ?) returning id""")
			.params(categoryCode, placeCode, departmentCode)
			.query(Long.class)
			.single();
		refresh();
		return new RoutingRule(id, categoryCode, placeCode, departmentCode);
	}

	@Transactional
	public boolean deleteRule(long id) {
		boolean deleted = this.jdbc.sql("delete from routing_rule where id = ?").param(id).update() == 1;
		refresh();
		return deleted;
	}

	/**
	 * The department a case of the category in the unit (of the area) goes to, and why.
	 */
	public Routed route(String categoryCode, String unitCode, String areaCode) {
		List<RoutingRule> rules = rules();
		Map<String, Department> departments = new LinkedHashMap<>();
		departments().stream().filter(Department::active).forEach((d) -> departments.put(d.code(), d));
		for (String[] key : new String[][] { { categoryCode, unitCode }, { categoryCode, areaCode },
				{ categoryCode, null } }) {
			Optional<Department> hit = rule(rules, key[0], key[1]).map((r) -> departments.get(r.departmentCode()));
			if (hit.isPresent() && hit.get() != null) {
				return new Routed(hit.get(),
						"rule for category " + categoryCode + ((key[1] != null) ? " in " + key[1] : " anywhere"));
			}
		}
		Optional<Category> category = this.catalog.category(categoryCode);
		if (category.isPresent() && category.get().defaultDepartment() == DepartmentKind.COMMITTEE && unitCode != null
				&& unitCode.length() == 15) {
			String committee = unitCode.substring(0, 12);
			Optional<Department> own = departments.values()
				.stream()
				.filter((d) -> d.kind() == DepartmentKind.COMMITTEE && committee.equals(d.placeCode()))
				.findFirst();
			if (own.isPresent()) {
				return new Routed(own.get(),
						"default department of category " + categoryCode + ": the unit's committee");
			}
		}
		if (category.isPresent()) {
			Optional<Department> byKind = servingArea(departments, category.get().defaultDepartment(), areaCode);
			if (byKind.isPresent()) {
				return new Routed(byKind.get(), "default department of category " + categoryCode);
			}
		}
		Optional<Department> areaRule = rule(rules, null, areaCode).map((r) -> departments.get(r.departmentCode()));
		if (areaRule.isPresent() && areaRule.get() != null) {
			return new Routed(areaRule.get(), "rule for any category in " + areaCode);
		}
		return servingArea(departments, DepartmentKind.AREA_CENTRE, areaCode)
			.map((d) -> new Routed(d, "fallback: the area centre"))
			.or(() -> departments.values()
				.stream()
				.filter((d) -> d.kind() == DepartmentKind.OPERATIONS_CENTRE)
				.findFirst()
				.map((d) -> new Routed(d, "fallback: the operations centre")))
			.orElseThrow(() -> new IllegalStateException("No department at all can take cases; create one first"));
	}

	/** A routing decision and the reason for it. */
	public record Routed(Department department, String reason) {
	}

	/**
	 * What the routing leaves to fallbacks (gaps: a category's default kind has no
	 * department serving an area) and rules that contradict the organisation (conflicts:
	 * a rule for a place sends cases to a team serving another area, or to an inactive
	 * department).
	 */
	public Map<String, Object> report(List<String> areaCodes) {
		Map<String, Department> all = new LinkedHashMap<>();
		departments().forEach((d) -> all.put(d.code(), d));
		Map<String, Department> active = new LinkedHashMap<>();
		all.values().stream().filter(Department::active).forEach((d) -> active.put(d.code(), d));
		List<Map<String, String>> gaps = new ArrayList<>();
		for (Category category : this.catalog.categories(null, null)) {
			if (!category.active() || category.defaultDepartment() == DepartmentKind.COMMITTEE) {
				continue;
			}
			for (String area : areaCodes) {
				boolean ruled = rules().stream()
					.anyMatch((r) -> category.code().equals(r.categoryCode())
							&& (r.placeCode() == null || r.placeCode().equals(area)));
				if (!ruled && servingArea(active, category.defaultDepartment(), area).isEmpty()) {
					gaps.add(Map.of("category", category.code(), "area", area, "missing",
							category.defaultDepartment().name()));
				}
			}
		}
		List<Map<String, String>> conflicts = new ArrayList<>();
		for (RoutingRule rule : rules()) {
			Department target = all.get(rule.departmentCode());
			if (target == null || !target.active()) {
				conflicts.add(Map.of("rule", String.valueOf(rule.id()), "reason",
						"sends cases to " + rule.departmentCode() + ", which is not an active department"));
			}
			else if (rule.placeCode() != null && target.placeCode() != null && areaCodes.contains(target.placeCode())
					&& !rule.placeCode().startsWith(target.placeCode()) && areaCodes.contains(rule.placeCode())) {
				conflicts.add(Map.of("rule", String.valueOf(rule.id()), "reason", "sends cases in " + rule.placeCode()
						+ " to " + target.name() + ", which serves " + target.placeCode()));
			}
		}
		return Map.of("gaps", gaps, "conflicts", conflicts);
	}

	private static Optional<RoutingRule> rule(List<RoutingRule> rules, String category, String place) {
		return rules.stream()
			.filter((r) -> java.util.Objects.equals(r.categoryCode(), category)
					&& java.util.Objects.equals(r.placeCode(), place))
			.findFirst();
	}

	private static Optional<Department> servingArea(Map<String, Department> departments, DepartmentKind kind,
			String areaCode) {
		return departments.values()
			.stream()
			.filter((d) -> d.kind() == kind && (d.placeCode() == null || d.placeCode().equals(areaCode)))
			.sorted((a, b) -> (a.placeCode() == null ? 1 : 0) - (b.placeCode() == null ? 1 : 0))
			.findFirst();
	}

}
