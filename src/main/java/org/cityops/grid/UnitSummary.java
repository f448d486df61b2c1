package org.cityops.grid;

import java.util.List;

/**
 * A responsibility unit with its place in the tree and what lies in it.
 */
public record UnitSummary(String code, String name, GridPlace block, GridPlace area, GridPlace town,
		GridPlace committee, double areaM2, List<GridPlace> compounds, long gridVersion, boolean demo) {

}
