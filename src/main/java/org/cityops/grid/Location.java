package org.cityops.grid;

import org.cityops.shared.GeoPoint;

/**
 * Where a point lies on one version of the grid. Levels the point is not inside are null
 * (a point in another town of the district has no unit; a point in a street has no
 * compound).
 */
public record Location(GeoPoint point, long gridVersion, GridPlace district, GridPlace town, GridPlace area,
		GridPlace block, GridPlace unit, GridPlace committee, GridPlace compound) {

	public boolean hasUnit() {
		return this.unit != null;
	}

}
