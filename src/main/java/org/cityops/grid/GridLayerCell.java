package org.cityops.grid;

import org.locationtech.jts.geom.Geometry;

/**
 * One cell of an overlay layer.
 */
record GridLayerCell(String code, String name, Geometry geometry) {

}
