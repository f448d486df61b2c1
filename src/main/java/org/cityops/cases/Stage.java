package org.cityops.cases;

/**
 * The stages that have deadlines, and the status a case is in while each runs.
 */
public enum Stage {

	REGISTER, DISPATCH, HANDLE, VERIFY, CLOSE;

	static Stage of(Status status) {
		return switch (status) {
			case REPORTED -> REGISTER;
			case REGISTERED, RETURNED -> DISPATCH;
			case DISPATCHED, ACCEPTED, REWORK -> HANDLE;
			case HANDLED -> VERIFY;
			case VERIFIED -> CLOSE;
			default -> null;
		};
	}

}
