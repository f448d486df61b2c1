package org.cityops.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reader may see: the grid units it covers (null: every unit, and rows without a
 * unit too) and, for department staff, the one department whose work it sees (null: any).
 * Every module turns it into a condition of its own queries with {@link #where}, so that
 * a scope is applied in the database, never after the rows are read.
 */
public record Reach(Set<String> units, String department) {

	private static final Reach ALL = new Reach(null, null);

	private static final Reach NONE = new Reach(Set.of(), null);

	public Reach {
		units = (units != null) ? Set.copyOf(units) : null;
	}

	/** Everything: the town-wide desks and the platform's own work. */
	public static Reach all() {
		return ALL;
	}

	/** Nothing: an account without a scope, a client that reads nothing. */
	public static Reach none() {
		return NONE;
	}

	/** Whether a row of this unit and department is within reach. */
	public boolean covers(String unitCode, String departmentCode) {
		boolean place = this.units == null || (unitCode != null && this.units.contains(unitCode));
		boolean work = this.department == null || this.department.equals(departmentCode);
		return place && work;
	}

	/**
	 * The condition, as SQL to add with {@code and}, over a table's unit and department
	 * columns (the department column may be null when the table has none: such rows are
	 * then out of reach of department staff).
	 */
	public Sql where(String unitColumn, String departmentColumn) {
		Named named = named(unitColumn, departmentColumn);
		return new Sql(named.condition().replaceAll(":reach_\\w+", "?"), List.copyOf(named.params().values()));
	}

	/**
	 * The same condition with named parameters ({@code :reach_units},
	 * {@code :reach_department}), for queries written with names.
	 */
	public Named named(String unitColumn, String departmentColumn) {
		List<String> terms = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		if (this.units != null) {
			terms.add(unitColumn + " = any(:reach_units)");
			params.put("reach_units", this.units.toArray(String[]::new));
		}
		if (this.department != null) {
			if (departmentColumn == null) {
				terms.add("false");
			}
			else {
				terms.add(departmentColumn + " = :reach_department");
				params.put("reach_department", this.department);
			}
		}
		return new Named(terms.isEmpty() ? "true" : String.join(" and ", terms), params);
	}

	/** A condition and its parameters, in order. */
	public record Sql(String condition, List<Object> params) {
	}

	/** A condition and its named parameters. */
	public record Named(String condition, Map<String, Object> params) {
	}

}
