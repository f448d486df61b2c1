package org.cityops.grid;

/**
 * How much one cell of an overlay layer overlaps one comprehensive unit (多格合一): the
 * shared area in square metres, and that area as a share of the unit and of the cell.
 */
record UnitOverlap(String unit, String layer, String cell, String cellName, double overlapM2, double shareOfUnit,
		double shareOfCell) {

}
