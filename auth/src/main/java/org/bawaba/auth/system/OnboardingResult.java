package org.bawaba.auth.system;

import org.jspecify.annotations.Nullable;

/** The system as recorded, whether it was new, and its access when its client was created by this call. */
record OnboardingResult(ExternalSystem system, boolean created, @Nullable SystemAccess access) {
}
