package org.bawaba.e2e;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The callers the fuzz suite and the authorization matrix try every operation as: the demo users of the
 * local realm and the interior ministry's own system. Resources are created by {@link #CITIZEN},
 * {@link #STAFF} (agency {@code moi}) and {@link #SUPPLIER}, so the other roles are "someone else".
 * Tokens come from {@link Suite#token(String)} and {@link Suite#ministrySystemToken()}, kept until shortly
 * before they expire.
 */
enum Role {

    ANONYMOUS(null),
    CITIZEN("citizen1"),
    CITIZEN2("citizen2"),
    STAFF("moi-staff"),
    OTHER_STAFF("mme-staff"),
    SUPPLIER("supplier1"),
    SUPPLIER2("supplier2"),
    ADMIN("platform-admin"),
    SYSTEM(null);

    private static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);

    private final String username;

    Role(String username) {
        this.username = username;
    }

    /** The name the matrix file uses: {@code anonymous}, {@code citizen2}, {@code otherStaff}… */
    String key() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return key.toString();
    }

    static Role of(String key) {
        for (Role role : values()) {
            if (role.key().equals(key)) {
                return role;
            }
        }
        throw new IllegalArgumentException("no role '" + key + "'; the roles are "
            + java.util.Arrays.stream(values()).map(Role::key).toList());
    }

    /** The caller's bearer token, or null for {@link #ANONYMOUS}. */
    synchronized String token() {
        if (this == ANONYMOUS) {
            return null;
        }
        String token = TOKENS.get(this);
        if (token == null || expiresSoon(token)) {
            token = this == SYSTEM ? Suite.ministrySystemToken() : Suite.token(username);
            TOKENS.put(this, token);
        }
        return token;
    }

    /** The subject of the caller's token, or null for {@link #ANONYMOUS}. */
    String subject() {
        return this == ANONYMOUS ? null : Suite.claims(token()).get("sub").asString();
    }

    private static boolean expiresSoon(String token) {
        long exp = Suite.claims(token).get("exp").asLong();
        return Instant.ofEpochSecond(exp).isBefore(Instant.now().plusSeconds(45));
    }
}
