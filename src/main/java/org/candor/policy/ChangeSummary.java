package org.candor.policy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What a policy change did, in words that can be said in any language: parts, each a message of {@link PolMsg} with
 * its arguments; an argument written {@code @key} is itself a message (a label such as {@code value_PRE}). Stored with
 * the change, said in English on the log (the signed record) and in the reader's language on the house rules page.
 */
public record ChangeSummary(List<Part> parts) {

    /** One message and its arguments. */
    public record Part(String key, List<String> args) {
    }

    public static ChangeSummary of(String key, Object... args) {
        return new ChangeSummary(List.of(part(key, args)));
    }

    public ChangeSummary and(String key, Object... args) {
        List<Part> more = new ArrayList<>(parts);
        more.add(part(key, args));
        return new ChangeSummary(List.copyOf(more));
    }

    /** A value's label ({@code value_PRE}, {@code value_true}) as an argument. */
    public static String label(Object value) {
        return "@value_" + value;
    }

    /** The summary in a language: the parts said one after another. */
    public String in(Locale locale) {
        PolMsg words = MessageBundles.get(PolMsg.class, Localized.Literal.of(locale.getLanguage()));
        return parts.stream().map(p -> say(words, p.key(), p.args().stream()
                .map(a -> a.startsWith("@") ? say(words, a.substring(1), List.of()) : a).toList()))
                .collect(Collectors.joining("; "));
    }

    private static Part part(String key, Object... args) {
        return new Part(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    private static String say(PolMsg words, String key, List<String> args) {
        Class<?>[] types = new Class<?>[args.size()];
        Arrays.fill(types, String.class);
        try {
            Method m = PolMsg.class.getMethod(key, types);
            return (String) m.invoke(words, args.toArray());
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("no message " + key + " with " + args.size() + " arguments", e);
        }
    }
}
