package org.cityops.grid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cityops.grid.geometry.GeoJsonGeometry;
import org.cityops.grid.geometry.PolygonLocator;
import org.cityops.shared.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * One grid version held in memory for fast answers: features by code, children by parent,
 * and point locators for units, compounds and towns. Immutable, so any number of threads
 * may read it.
 */
final class GridSnapshot {

	private final long version;

	private final Map<String, GridFeature> byCode = new HashMap<>();

	private final Map<String, List<GridFeature>> children = new HashMap<>();

	private final List<GridFeature> units;

	private final List<GridFeature> compounds;

	private final List<GridFeature> towns;

	private final PolygonLocator unitLocator;

	private final PolygonLocator compoundLocator;

	private final PolygonLocator townLocator;

	private final GridFeature district;

	GridSnapshot(long version, List<GridFeature> features) {
		this.version = version;
		List<GridFeature> units = new ArrayList<>();
		List<GridFeature> compounds = new ArrayList<>();
		List<GridFeature> towns = new ArrayList<>();
		GridFeature district = null;
		for (GridFeature f : features) {
			this.byCode.put(f.code(), f);
			switch (f.level()) {
				case UNIT -> units.add(f);
				case COMPOUND -> compounds.add(f);
				case TOWN -> towns.add(f);
				case DISTRICT -> district = f;
				default -> {
				}
			}
		}
		for (GridFeature f : features) {
			if (f.parentCode() != null) {
				this.children.computeIfAbsent(f.parentCode(), (k) -> new ArrayList<>()).add(f);
			}
			if (f.level() == GridLevel.UNIT) {
				this.children.computeIfAbsent(f.committeeCode(), (k) -> new ArrayList<>()).add(f);
			}
		}
		this.units = List.copyOf(units);
		this.compounds = List.copyOf(compounds);
		this.towns = List.copyOf(towns);
		this.district = district;
		this.unitLocator = PolygonLocator.of(geometries(units));
		this.compoundLocator = PolygonLocator.of(geometries(compounds));
		this.townLocator = PolygonLocator.of(geometries(towns));
	}

	long version() {
		return this.version;
	}

	/** Where the point lies, or null when it is outside the district. */
	Location locate(GeoPoint point) {
		int u = this.unitLocator.locate(point.lon(), point.lat());
		if (u >= 0) {
			GridFeature unit = this.units.get(u);
			GridFeature block = parent(unit);
			GridFeature area = parent(block);
			GridFeature town = parent(area);
			int c = this.compoundLocator.locate(point.lon(), point.lat());
			return new Location(point, this.version, place(parent(town)), place(town), place(area), place(block),
					unit.place(), place(this.byCode.get(unit.committeeCode())),
					(c >= 0) ? this.compounds.get(c).place() : null);
		}
		int t = this.townLocator.locate(point.lon(), point.lat());
		if (t >= 0) {
			GridFeature town = this.towns.get(t);
			return new Location(point, this.version, place(parent(town)), town.place(), null, null, null, null, null);
		}
		if (this.district != null && this.district.geometry()
			.covers(GeoJsonGeometry.FACTORY.createPoint(new Coordinate(point.lon(), point.lat())))) {
			return new Location(point, this.version, this.district.place(), null, null, null, null, null, null);
		}
		return null;
	}

	GridFeature feature(String code) {
		return this.byCode.get(code);
	}

	List<GridFeature> children(String code) {
		return this.children.getOrDefault(code, Collections.emptyList());
	}

	List<GridFeature> units() {
		return this.units;
	}

	List<GridFeature> compounds() {
		return this.compounds;
	}

	private volatile Map<String, java.util.Set<String>> unitsByArea;

	/**
	 * The codes of the units of an area (empty for an unknown one); computed once per
	 * version.
	 */
	java.util.Set<String> unitsOf(String areaCode) {
		Map<String, java.util.Set<String>> byArea = this.unitsByArea;
		if (byArea == null) {
			Map<String, java.util.Set<String>> map = new HashMap<>();
			for (GridFeature unit : this.units) {
				GridFeature area = parent(parent(unit));
				if (area != null) {
					map.computeIfAbsent(area.code(), (k) -> new java.util.HashSet<>()).add(unit.code());
				}
			}
			map.replaceAll((k, v) -> java.util.Set.copyOf(v));
			this.unitsByArea = byArea = map;
		}
		return byArea.getOrDefault(areaCode, java.util.Set.of());
	}

	private volatile Map<String, List<GridFeature>> compoundsByUnit;

	/**
	 * The compounds whose interior point lies in the unit; computed once per version with
	 * the unit locator.
	 */
	List<GridFeature> compoundsIn(String unitCode) {
		Map<String, List<GridFeature>> byUnit = this.compoundsByUnit;
		if (byUnit == null) {
			Map<String, List<GridFeature>> map = new HashMap<>();
			for (GridFeature compound : this.compounds) {
				Coordinate p = compound.geometry().getInteriorPoint().getCoordinate();
				int u = this.unitLocator.locate(p.x, p.y);
				if (u >= 0) {
					map.computeIfAbsent(this.units.get(u).code(), (k) -> new ArrayList<>()).add(compound);
				}
			}
			this.compoundsByUnit = byUnit = map;
		}
		return byUnit.getOrDefault(unitCode, List.of());
	}

	GridFeature district() {
		return this.district;
	}

	java.util.Collection<GridFeature> features() {
		return Collections.unmodifiableCollection(this.byCode.values());
	}

	GridFeature parent(GridFeature f) {
		return (f != null && f.parentCode() != null) ? this.byCode.get(f.parentCode()) : null;
	}

	private static GridPlace place(GridFeature f) {
		return (f != null) ? f.place() : null;
	}

	private static List<Geometry> geometries(List<GridFeature> features) {
		return features.stream().map(GridFeature::geometry).toList();
	}

}
