package org.cityops.grid;

import java.util.List;
import java.util.function.Function;

import org.cityops.grid.geometry.GeoJsonGeometry;
import org.cityops.shared.GeoPoint;

/**
 * For tests of other modules that build grid files (the demo): a file read and validated
 * as an import would, without the application, and a locator over its features.
 */
public final class GridFileCheck {

	private static final GridProperties PROPERTIES = new GridProperties("121.30,31.20,121.48,31.33", 10, 50_000_000,
			200_000);

	private GridFileCheck() {
	}

	/**
	 * The file's features, validated; throws {@link GridImportRejected} as an import
	 * would.
	 */
	public static List<GridFeature> validate(byte[] geoJson) {
		return new GridValidator(PROPERTIES.toleranceM2())
			.validate(new FeatureFileReader(new GeoJsonGeometry(PROPERTIES.jurisdiction()), PROPERTIES).read(geoJson));
	}

	/** Locates points on the features as the grid in force would. */
	public static Function<GeoPoint, Location> locator(List<GridFeature> features) {
		GridSnapshot grid = new GridSnapshot(1, features);
		return grid::locate;
	}

}
