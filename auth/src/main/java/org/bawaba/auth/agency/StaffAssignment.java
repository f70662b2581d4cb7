package org.bawaba.auth.agency;

/** The outcome of making someone staff: their subject, and whether the account was created (invited). */
record StaffAssignment(String agency, String username, String subject, boolean admin, boolean invited) {
}
