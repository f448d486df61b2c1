package org.cityops.cases;

/**
 * What a reporter sends: the channel, the category, a description, and where: a point
 * ({@code lon}, {@code lat}, optionally {@code crs=gcj02}) or an address the gazetteer
 * resolves. {@code simpleProcedure} asks to close it on the spot (inspectors, for
 * categories that allow it).
 */
public record NewCase(String channel, String categoryCode, String description, Double lon, Double lat, String crs,
		String address, Boolean simpleProcedure) {

}
