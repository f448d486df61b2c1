package org.cityops.grid;

import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a grid version: a place of the territory with its geometry in WGS84 and
 * free-form properties (for example {@code kind} of a committee, {@code address} of a
 * compound, {@code demo}).
 */
public record GridFeature(String code, GridLevel level, String name, String parentCode, Geometry geometry,
		Map<String, String> properties) {

	public GridFeature {
		properties = Map.copyOf(properties);
	}

	public GridPlace place() {
		return new GridPlace(this.code, this.name, this.level);
	}

	/** A unit's committee is named by the first twelve characters of its code. */
	public String committeeCode() {
		return (this.level == GridLevel.UNIT && this.code.length() == 15) ? this.code.substring(0, 12) : null;
	}

}
