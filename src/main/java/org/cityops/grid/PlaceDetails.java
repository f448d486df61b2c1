package org.cityops.grid;

import java.util.List;
import java.util.Map;

/**
 * One place of the territory with its parent, children and properties.
 */
record PlaceDetails(GridPlace place, GridPlace parent, List<GridPlace> children, Map<String, String> properties,
		long gridVersion) {

}
