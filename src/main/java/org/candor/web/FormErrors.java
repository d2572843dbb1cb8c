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
    private final jakarta.validation.MessageInterpolator interpolator;

    FormErrors(Validator validator, jakarta.validation.ValidatorFactory factory) {
        this.validator = validator;
        this.interpolator = factory.getMessageInterpolator();
    }

    /** Field name → first message, in declaration order; empty when the form is valid. */
    public <T> Map<String, String> of(T form, Class<?>... groups) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<T> v : validator.validate(form, groups)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        return errors;
    }

    /** A validation message by its key, e.g. {@code {candor.slug.taken}}, in the visitor's language. */
    public String message(String template) {
        return interpolator.interpolate(template, new MessageContext());
    }

    private static final class MessageContext implements jakarta.validation.MessageInterpolator.Context {
        @Override
        public jakarta.validation.metadata.ConstraintDescriptor<?> getConstraintDescriptor() {
            return null;
        }

        @Override
        public Object getValidatedValue() {
            return null;
        }

        @Override
        public <U> U unwrap(Class<U> type) {
            throw new jakarta.validation.ValidationException("not supported");
        }
    }
}
