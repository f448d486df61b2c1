package org.cityops.catalog;

/**
 * No category with that code.
 */
class CategoryNotFound extends org.cityops.shared.Problem {

	private CategoryNotFound(String message) {
		super(Kind.NOT_FOUND, message);
	}

	public static CategoryNotFound forCode(String code) {
		return new CategoryNotFound("No case category with code '" + code + "'; see GET /api/v1/catalog/categories");
	}

}
