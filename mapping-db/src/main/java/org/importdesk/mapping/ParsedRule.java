package org.importdesk.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A vote rule in MOMO's grammar, parsed.
 * <ul>
 * <li>{@code a+b=c}, {@code a-b=c} (and chains such as {@code a+b-d=c}): when all plus-codes have votes and no
 * minus-code has, the votes of the plus-codes move to {@code c}.</li>
 * <li>{@code a>b}: when both have votes, b's votes move to a.</li>
 * <li>{@code a!}, {@code a!+b}, {@code a!-b} (chains too): when a has votes, all plus-codes have and no minus-code
 * has, a wins outright and no later rule applies.</li>
 * </ul>
 */
public record ParsedRule(String text, Kind kind, List<String> present, List<String> absent, String target) {

    public enum Kind { COMBINE, PREFER, ABSOLUTE }

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.]+");

    public ParsedRule {
        present = List.copyOf(present);
        absent = List.copyOf(absent);
    }

    /** Every class code the rule names. */
    public List<String> codes() {
        List<String> all = new ArrayList<>(present);
        all.addAll(absent);
        if (!all.contains(target)) {
            all.add(target);
        }
        return all;
    }

    public static ParsedRule parse(String rule) {
        String r = rule == null ? "" : rule.replace(" ", "").trim();
        if (r.isEmpty()) {
            throw new IllegalArgumentException("empty vote rule");
        }
        if (r.contains("=")) {
            String[] sides = r.split("=", -1);
            if (sides.length != 2 || !code(sides[1])) {
                throw bad(rule, "exactly one '=' followed by one class code");
            }
            Terms t = terms(rule, sides[0]);
            return new ParsedRule(rule, Kind.COMBINE, t.plus, t.minus, sides[1]);
        }
        if (r.contains(">")) {
            String[] sides = r.split(">", -1);
            if (sides.length != 2 || !code(sides[0]) || !code(sides[1])) {
                throw bad(rule, "'a>b' with one class code on each side");
            }
            return new ParsedRule(rule, Kind.PREFER, List.of(sides[0], sides[1]), List.of(), sides[0]);
        }
        int bang = r.indexOf('!');
        if (bang > 0) {
            String a = r.substring(0, bang);
            if (!code(a)) {
                throw bad(rule, "a class code before '!'");
            }
            String rest = r.substring(bang + 1);
            Terms t = rest.isEmpty() ? new Terms(new ArrayList<>(), new ArrayList<>()) : terms(rule, "X" + rest);
            List<String> plus = new ArrayList<>(t.plus);
            if (!rest.isEmpty()) {
                plus.remove(0); // the placeholder X
            }
            plus.add(0, a);
            return new ParsedRule(rule, Kind.ABSOLUTE, plus, t.minus, a);
        }
        throw bad(rule, "one of '=', '>' or '!'");
    }

    private record Terms(List<String> plus, List<String> minus) {
    }

    private static Terms terms(String rule, String lhs) {
        List<String> plus = new ArrayList<>();
        List<String> minus = new ArrayList<>();
        if (lhs.startsWith("-") || lhs.startsWith("+")) {
            throw bad(rule, "no sign before the first class code");
        }
        int i = 0;
        char sign = '+';
        while (i < lhs.length()) {
            int j = i;
            while (j < lhs.length() && lhs.charAt(j) != '+' && lhs.charAt(j) != '-') {
                j++;
            }
            String c = lhs.substring(i, j);
            if (!code(c)) {
                throw bad(rule, "a class code between signs");
            }
            (sign == '+' ? plus : minus).add(c);
            if (j < lhs.length()) {
                sign = lhs.charAt(j);
            }
            i = j + 1;
            if (j == lhs.length() - 1) {
                throw bad(rule, "a class code after the last sign");
            }
        }
        return new Terms(plus, minus);
    }

    private static boolean code(String s) {
        return CODE.matcher(s).matches();
    }

    private static IllegalArgumentException bad(String rule, String expected) {
        return new IllegalArgumentException("vote rule '" + rule + "' malformed: expected " + expected);
    }
}
