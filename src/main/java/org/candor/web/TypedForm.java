package org.candor.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * What a refused form carried, so the page that refuses it can give it back: the free text someone wrote is never lost
 * to an error page (an expired form, the database away for a moment).
 */
public final class TypedForm {

    /** Fields people write in, shown back as text; everything else travels hidden. */
    private static final Set<String> WRITTEN = Set.of("body", "title", "text", "details", "note", "span", "description",
            "name", "pattern", "comment");
    private static final int MAX_FIELDS = 30;

    /** One field as it was sent. */
    public record Field(String name, String value, boolean written) {
    }

    private TypedForm() {
    }

    /** The fields of the current request's form (the CSRF token left out), or none when it had no form. */
    public static List<Field> current(String csrfField) {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        FormData form = request == null ? null : request.getFormData();
        List<Field> fields = new ArrayList<>();
        if (form == null) {
            return fields;
        }
        for (String name : form) {
            if (name.equals(csrfField) || fields.size() >= MAX_FIELDS) {
                continue;
            }
            FormValue value = form.getFirst(name);
            if (value != null && !value.isFileItem() && value.getValue() != null) {
                fields.add(new Field(name, value.getValue(), WRITTEN.contains(name)));
            }
        }
        return fields;
    }

    /** Whether any field holds text someone wrote. */
    public static boolean anyWritten(List<Field> fields) {
        return fields.stream().anyMatch(f -> f.written() && !f.value().isBlank());
    }
}
