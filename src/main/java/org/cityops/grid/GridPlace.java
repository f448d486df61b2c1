package org.cityops.grid;

/**
 * A reference to one feature of the territory: its code, name and level.
 */
public record GridPlace(String code, String name, GridLevel level) {

}
