package org.cityops.grid;

import org.locationtech.jts.geom.Geometry;

/**
 * One cell of an overlay layer.
 */
public record GridLayerCell(String code, String name, Geometry geometry) {

}
