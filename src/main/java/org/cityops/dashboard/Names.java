package org.cityops.dashboard;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.cityops.grid.Grid;
import org.cityops.organization.Organization;

import org.springframework.stereotype.Component;

/**
 * The names people read for the codes the read models keep: departments, and the areas of
 * the current grid; a code without a name stays as it is.
 */
@Component
class Names {

	private final Grid grid;

	private final Organization organization;

	Names(Grid grid, Organization organization) {
		this.grid = grid;
		this.organization = organization;
	}

	/** The grid's areas, code to name, in code order. */
	public Map<String, String> areas() {
		Map<String, String> names = new TreeMap<>();
		this.grid.units().forEach((u) -> names.put(u.area().code(), u.area().name()));
		return names;
	}

	/** Department codes to names. */
	public Map<String, String> departments() {
		Map<String, String> names = new HashMap<>();
		this.organization.departments().forEach((d) -> names.put(d.code(), d.name()));
		return names;
	}

}
