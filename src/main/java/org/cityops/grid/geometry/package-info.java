/**
 * Plane geometry for the grid (GeoJSON geometry, a local metric projection, polygon
 * location and splitting), open to modules that build territories, such as the demo.
 */
@org.springframework.modulith.NamedInterface("geometry")
package org.cityops.grid.geometry;
