package org.candor.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person could have typed: no NUL or other control characters (tab and line breaks excepted), which
 * PostgreSQL cannot store or which only serve to hide what a text says. A single-line field also refuses line breaks
 * and the invisible bidirectional controls that can make a name read backwards.
 */
@Documented
@Constraint(validatedBy = CleanText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface CleanText {

    String message() default "{candor.text.control}";

    boolean singleLine() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CleanText, String> {

        private boolean singleLine;

        /** Whether a text is clean in this sense (null is). */
        public static boolean clean(String value, boolean singleLine) {
            if (value == null) {
                return true;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean lineBreak = c == '\n' || c == '\r';
                if ((c < 0x20 && c != '\t' && !lineBreak) || c == 0x7F || (singleLine && lineBreak)
                        || (singleLine && ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void initialize(CleanText annotation) {
            singleLine = annotation.singleLine();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return clean(value, singleLine);
        }
    }
}
