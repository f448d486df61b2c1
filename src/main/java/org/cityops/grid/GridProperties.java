package org.cityops.grid;

import org.locationtech.jts.geom.Envelope;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the grid module.
 *
 * @param envelope the jurisdiction's bounding box as "minLon,minLat,maxLon,maxLat"
 * (WGS84); every coordinate imported must lie inside it. The default is Putuo district
 * with a margin of about 2 km.
 * @param toleranceM2 how many square metres a feature may stick out of its parent or
 * overlap a sibling (digitising slivers)
 * @param maxFileBytes the largest GeoJSON file accepted for import
 * @param maxFeatures the most features one file may hold
 */
@ConfigurationProperties("cityops.grid")
record GridProperties(@DefaultValue("121.30,31.20,121.48,31.33") String envelope,
		@DefaultValue("10") double toleranceM2, @DefaultValue("52428800") long maxFileBytes,
		@DefaultValue("200000") int maxFeatures) {

	public Envelope jurisdiction() {
		String[] parts = this.envelope.split(",");
		if (parts.length != 4) {
			throw new IllegalStateException("cityops.grid.envelope must be minLon,minLat,maxLon,maxLat");
		}
		return new Envelope(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[2].trim()),
				Double.parseDouble(parts[1].trim()), Double.parseDouble(parts[3].trim()));
	}

}
