package org.cityops.grid.geometry;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the pairs of polygons in a set that overlap by more than a tolerance, in square
 * metres: the check behind "no two siblings overlap" for grids and overlay layers.
 */
public final class Overlaps {

	private Overlaps() {
	}

	/**
	 * One overlapping pair, {@code first < second} by index; a negative area means the
	 * two could not be compared (a topology error).
	 */
	public record Pair(int first, int second, double areaM2) {
	}

	public static List<Pair> find(List<? extends Geometry> polygons, LocalMetric metric, double toleranceM2) {
		STRtree tree = new STRtree();
		for (int i = 0; i < polygons.size(); i++) {
			tree.insert(polygons.get(i).getEnvelopeInternal(), i);
		}
		List<Pair> pairs = new ArrayList<>();
		for (int i = 0; i < polygons.size(); i++) {
			for (Object item : tree.query(polygons.get(i).getEnvelopeInternal())) {
				int j = (Integer) item;
				if (j <= i) {
					continue;
				}
				try {
					double shared = metric.areaM2(polygons.get(i).intersection(polygons.get(j)));
					if (shared > toleranceM2) {
						pairs.add(new Pair(i, j, shared));
					}
				}
				catch (TopologyException ex) {
					pairs.add(new Pair(i, j, -1));
				}
			}
		}
		return pairs;
	}

}
