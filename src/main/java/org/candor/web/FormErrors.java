package org.candor.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Validates a submitted form record and gives the messages per field, so the page can show them next to the fields
 * and re-render what the person typed.
 */
@ApplicationScoped
public class FormErrors {

    private final Validator validator;

    FormErrors(Validator validator) {
        this.validator = validator;
    }

    /** Field name → first message, in declaration order; empty when the form is valid. */
    public <T> Map<String, String> of(T form) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<T> v : validator.validate(form)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        return errors;
    }
}
