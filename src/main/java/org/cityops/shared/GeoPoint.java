package org.cityops.shared;

/**
 * A WGS84 position, longitude first as in GeoJSON (RFC 7946).
 */
public record GeoPoint(double lon, double lat) {

	public GeoPoint {
		if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
			throw new IllegalArgumentException("Longitude must be a number between -180 and 180, got " + lon);
		}
		if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
			throw new IllegalArgumentException("Latitude must be a number between -90 and 90, got " + lat);
		}
	}

	public static GeoPoint of(double lon, double lat) {
		return new GeoPoint(lon, lat);
	}

}
