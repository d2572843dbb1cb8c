package org.candor.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word and pattern rules, compiled once, applied to a text. Explainable by construction: a match names the rule and
 * the exact words it matched. Also counts links, for the per-post link limit.
 */
public final class WordRules {

    /** What a rule does to a post that matches it, strongest first. */
    public enum Action {
        REJECT,
        HOLD,
        FLAG;

        public String messageKey() {
            return name().toLowerCase(Locale.ROOT) + "_action";
        }
    }

    /** A rule as admins write it: a word or phrase (whole words, any case) or a regular expression. */
    public record Rule(long id, String pattern, boolean regex, Action action) {

        /** The message key of what the rule does, for the house rules page ({@code pol:rules_page_words_HOLD}). */
        public String actionKey() {
            return "rules_page_words_" + action.name();
        }

        /** How moderators and authors see the rule. */
        public String describe() {
            return (regex ? "pattern /" + pattern + "/" : "word \"" + pattern + "\"") + " (#" + id + ")";
        }
    }

    /** The rule that decides a text, and every word that matched it. */
    public record Match(Rule rule, List<String> words) {

        public String wordsText() {
            return String.join(", ", words);
        }
    }

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

    private final List<Rule> rules;
    private final List<com.google.re2j.Pattern> patterns;

    private WordRules(List<Rule> rules, List<com.google.re2j.Pattern> patterns) {
        this.rules = rules;
        this.patterns = patterns;
    }

    /** Compiles the rules; a rule whose regular expression does not compile is an {@link IllegalArgumentException}. */
    public static WordRules of(List<Rule> rules) {
        List<com.google.re2j.Pattern> patterns = new ArrayList<>();
        for (Rule rule : rules) {
            patterns.add(compile(rule.pattern(), rule.regex()));
        }
        return new WordRules(List.copyOf(rules), patterns);
    }

    /**
     * The compiled form of one rule's pattern, with RE2 (linear time in the length of the text, whatever the pattern:
     * no rule an admin writes can stall posting). A word matches as a whole word, the word itself being group 1.
     */
    public static com.google.re2j.Pattern compile(String pattern, boolean regex) {
        try {
            return regex ? com.google.re2j.Pattern.compile(pattern, com.google.re2j.Pattern.CASE_INSENSITIVE)
                    : com.google.re2j.Pattern.compile("(?:^|[^\\p{L}\\p{N}])(" + com.google.re2j.Pattern.quote(pattern.strip())
                            + ")(?:$|[^\\p{L}\\p{N}])", com.google.re2j.Pattern.CASE_INSENSITIVE);
        } catch (com.google.re2j.PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription(), e);
        }
    }

    /** The strongest matching rule (reject, then hold, then flag; the oldest rule first), or null. */
    public Match match(String text) {
        Match best = null;
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (best != null && best.rule().action().compareTo(rule.action()) <= 0) {
                continue;
            }
            com.google.re2j.Matcher m = patterns.get(i).matcher(text);
            Set<String> words = new LinkedHashSet<>();
            int from = 0;
            while (from <= text.length() && m.find(from) && words.size() < 10) {
                String found = rule.regex() ? m.group() : m.group(1);
                if (!found.isEmpty()) {
                    words.add(found.toLowerCase(Locale.ROOT));
                }
                // a word's match may end with the boundary character the next one starts with
                from = Math.max(rule.regex() ? m.end() : m.end(1), m.start() + 1);
            }
            if (!words.isEmpty()) {
                best = new Match(rule, List.copyOf(words));
            }
        }
        return best;
    }

    public static int links(String text) {
        int n = 0;
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
