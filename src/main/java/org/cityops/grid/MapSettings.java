package org.cityops.grid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The map works offline by default, drawing the grid on a plain background. A deployment
 * with network access may give a tile URL template (for example its own tile server) to
 * draw under it.
 */
@ConfigurationProperties("cityops.map")
record MapSettings(@DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution) {

}
