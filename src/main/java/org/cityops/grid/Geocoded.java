package org.cityops.grid;

import org.cityops.shared.GeoPoint;

/**
 * An address or compound name resolved to a point and located on the grid.
 *
 * @param match {@code EXACT} (a known entrance), {@code INTERPOLATED} (a house number
 * placed along its road) or {@code COMPOUND} (a compound's name)
 * @param address the standard form of the address that was matched
 */
public record Geocoded(String query, String normalized, String match, String address, GeoPoint point,
		GridPlace compound, Location location) {

}
