package org.cityops.grid;

import java.util.Comparator;
import java.util.List;

import org.cityops.grid.geometry.LocalMetric;
import org.cityops.shared.GeoPoint;

import org.springframework.stereotype.Service;

/**
 * What other modules ask of the territory: where a point lies, where an address is, and
 * the units.
 */
@Service
public class Grid {

	private final GridSnapshots snapshots;

	private final Gazetteer gazetteer;

	Grid(GridSnapshots snapshots, Gazetteer gazetteer) {
		this.snapshots = snapshots;
		this.gazetteer = gazetteer;
	}

	/**
	 * Locates a WGS84 point on the grid in force.
	 * @throws GridNotFound when the point lies outside the jurisdiction
	 */
	public Location locate(GeoPoint point) {
		return locateOn(this.snapshots.require(), point);
	}

	/** Locates a point on an earlier (or the current) grid version. */
	public Location locate(GeoPoint point, long version) {
		return locateOn(this.snapshots.version(version), point);
	}

	private static Location locateOn(GridSnapshot grid, GeoPoint point) {
		Location location = grid.locate(point);
		if (location == null) {
			GridFeature district = grid.district();
			throw GridNotFound.outside("The point [" + point.lon() + ", " + point.lat() + "] lies outside the "
					+ "jurisdiction"
					+ ((district != null) ? " of " + district.name() + " (" + district.code() + ")" : "")
					+ ". Check that it is WGS84 [longitude, latitude], or pass crs=gcj02 for AMap/Tencent coordinates.");
		}
		return location;
	}

	/**
	 * Resolves an address or compound name.
	 * @throws GridNotFound when it is not known, with the reason
	 */
	public Geocoded geocode(String query) {
		return this.gazetteer.geocode(query, this.snapshots.require());
	}

	/** The gazetteer's roads as GeoJSON lines, with their house-number range. */
	public com.fasterxml.jackson.databind.node.ObjectNode roads() {
		return this.gazetteer.roadsAsGeoJson();
	}

	/**
	 * The codes of an area's units in the grid in force, from memory (scopes are turned
	 * into units on every request).
	 */
	public java.util.Set<String> unitsOfArea(String areaCode) {
		return this.snapshots.require().unitsOf(areaCode);
	}

	public List<UnitSummary> units() {
		GridSnapshot grid = this.snapshots.require();
		return grid.units()
			.stream()
			.map((u) -> summary(grid, u))
			.sorted(Comparator.comparing(UnitSummary::code))
			.toList();
	}

	public UnitSummary unit(String code) {
		GridSnapshot grid = this.snapshots.require();
		GridFeature unit = grid.feature(code);
		if (unit == null || unit.level() != GridLevel.UNIT) {
			throw GridNotFound.unit(code);
		}
		return summary(grid, unit);
	}

	/** A place of any level in the grid in force, with its direct children. */
	public PlaceDetails place(String code) {
		GridSnapshot grid = this.snapshots.require();
		GridFeature feature = grid.feature(code);
		if (feature == null) {
			throw GridNotFound.feature(code);
		}
		GridFeature parent = grid.parent(feature);
		return new PlaceDetails(feature.place(), (parent != null) ? parent.place() : null,
				grid.children(code)
					.stream()
					.map(GridFeature::place)
					.sorted(Comparator.comparing(GridPlace::code))
					.toList(),
				feature.properties(), grid.version());
	}

	private static UnitSummary summary(GridSnapshot grid, GridFeature unit) {
		GridFeature block = grid.parent(unit);
		GridFeature area = grid.parent(block);
		GridFeature town = grid.parent(area);
		GridFeature committee = grid.feature(unit.committeeCode());
		List<GridPlace> compounds = grid.compoundsIn(unit.code())
			.stream()
			.map(GridFeature::place)
			.sorted(Comparator.comparing(GridPlace::code))
			.toList();
		double area2 = Math.round(LocalMetric.around(unit.geometry()).areaM2(unit.geometry()));
		return new UnitSummary(unit.code(), unit.name(), block.place(), area.place(), town.place(),
				(committee != null) ? committee.place() : null, area2, compounds, grid.version(),
				Boolean.parseBoolean(unit.properties().getOrDefault("demo", "false")));
	}

}
