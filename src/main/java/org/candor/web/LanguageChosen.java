package org.candor.web;

import java.util.Locale;

/** Someone chose the language of the pages ({@link LanguageResource}); a signed-in person's account remembers it. */
public record LanguageChosen(Locale locale) {
}
