package org.cityops.grid;

/**
 * Something asked of the grid that is not there: a code, a version, a layer, an address,
 * or a point outside the jurisdiction. The message says which, in words a person can act
 * on.
 */
public class GridNotFound extends org.cityops.shared.Problem {

	private final String kind;

	private GridNotFound(String kind, String message) {
		super(Kind.NOT_FOUND, message);
		this.kind = kind;
	}

	public static GridNotFound unit(String code) {
		return new GridNotFound("unit", "No unit with code '" + code + "' in the grid in force");
	}

	public static GridNotFound feature(String code) {
		return new GridNotFound("feature", "No place with code '" + code + "' in the grid in force");
	}

	public static GridNotFound version(long version) {
		return new GridNotFound("version", "No grid version " + version);
	}

	public static GridNotFound noGrid() {
		return new GridNotFound("version", "No grid has been imported yet; an administrator imports one first");
	}

	public static GridNotFound layer(String code) {
		return new GridNotFound("layer", "No overlay layer '" + code + "'");
	}

	public static GridNotFound outside(String detail) {
		return new GridNotFound("outside-jurisdiction", detail);
	}

	public static GridNotFound address(String detail) {
		return new GridNotFound("address", detail);
	}

	public String what() {
		return this.kind;
	}

	@Override
	public String type() {
		return "/problems/" + this.kind;
	}

	@Override
	public String title() {
		return switch (this.kind) {
			case "outside-jurisdiction" -> "Outside the jurisdiction";
			case "address" -> "Address not known";
			default -> "Not found";
		};
	}

}
