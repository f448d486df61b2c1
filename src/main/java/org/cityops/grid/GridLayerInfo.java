package org.cityops.grid;

import java.time.Instant;

/**
 * An overlay grid kept beside the comprehensive one: police beats, party-building grids,
 * city-management cells.
 */
record GridLayerInfo(String code, String name, String kind, String importedBy, Instant importedAt, int cells,
		boolean demo) {

}
