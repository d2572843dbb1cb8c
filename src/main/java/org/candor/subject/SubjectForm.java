package org.candor.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;
import org.candor.web.CleanText;

/** The admin's subject form. */
public record SubjectForm(
        @RestForm @NotBlank(message = "{candor.slug.required}") @Size(max = 80, message = "{candor.slug.format}") @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{candor.slug.format}") String slug,
        @RestForm @NotBlank(message = "{candor.subject.name.required}") @Size(max = 120, message = "{candor.subject.name.size}") @CleanText(singleLine = true) String name,
        @RestForm @Size(max = 2000, message = "{candor.subject.description.size}") @CleanText String description,
        @RestForm @NotBlank @Pattern(regexp = "PRODUCT|PLACE|TOPIC", message = "{candor.subject.kind}") String kind,
        @RestForm @Size(max = 500, message = "{candor.subject.image}") @Pattern(regexp = "(https://\\S+)?", message = "{candor.subject.image}") String imageUrl) {

    public static SubjectForm empty() {
        return new SubjectForm("", "", "", "PRODUCT", "");
    }

    static SubjectForm of(Subject s) {
        return new SubjectForm(s.slug, s.name, s.description, s.kind.name(), s.imageUrl == null ? "" : s.imageUrl);
    }
}
