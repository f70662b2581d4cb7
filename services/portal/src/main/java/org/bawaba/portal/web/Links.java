package org.bawaba.portal.web;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Links that name a portal page without its language (notices' links, {@code /applications/…}), as a
 * page in one language shows them: {@code /ar/applications/…}. Templates use it as
 * {@code ${@links.in(link, lang)}}.
 */
@Component("links")
public class Links {

	public @Nullable String in(@Nullable String link, Lang lang) {
		if (link == null || !link.startsWith("/") || link.startsWith("//") || Lang.ofPath(link.split("[?#]")[0]) != null) {
			return link;
		}
		return "/" + lang.code() + link;
	}

}
