/**
 * The territory: district, town, areas, blocks, units, committees and compounds,
 * versioned; overlay grids folded into one (多格合一); locating a point and geocoding an
 * address onto it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.cityops.grid;
