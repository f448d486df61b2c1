package org.cityops.grid;

/**
 * An address of the gazetteer: a number (with its suffix, 弄 or 号) on a road, the point of
 * its entrance and the compound it leads to (or null).
 */
public record GazetteerAddress(String road, int number, String suffix, double lon, double lat, String compoundCode) {

}
