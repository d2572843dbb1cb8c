package org.candor.publiclog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transparency-log trust policy (c2sp.org/tlog-policy): the logs accepted, the witnesses known, and the quorum of
 * witness cosignatures a checkpoint needs. Lines {@code log <vkey> [url]}, {@code witness <name> <vkey> [url]},
 * {@code group <name> <k|any|all> <member>...} and {@code quorum <name|none>}; comments and blank lines ignored. JDK
 * only.
 */
public record TlogPolicy(List<SignedNote.VerifierKey> logs, Map<String, Cosignatures.CosignerKey> witnesses,
        Map<String, Group> groups, String quorum) {

    /** A group: how many of its members ({@code k}) must have cosigned. */
    public record Group(int k, List<String> members) {
    }

    public static TlogPolicy parse(String text) throws SignedNote.Malformed {
        List<SignedNote.VerifierKey> logs = new ArrayList<>();
        Map<String, Cosignatures.CosignerKey> witnesses = new LinkedHashMap<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        String quorum = null;
        int n = 0;
        for (String raw : text.split("\n", -1)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.split("[ \t]+");
            switch (w[0]) {
                case "log" -> {
                    require(w.length == 2 || w.length == 3, n, "log <vkey> [url]");
                    logs.add(SignedNote.verifierKey(w[1]));
                }
                case "witness" -> {
                    require(w.length == 3 || w.length == 4, n, "witness <name> <vkey> [url]");
                    require(!known(w[1], witnesses, groups) && !w[1].equals("none"), n, "a new name");
                    witnesses.put(w[1], Cosignatures.cosignerKey(w[2]));
                }
                case "group" -> {
                    require(w.length >= 4, n, "group <name> <k|any|all> <member>...");
                    require(!known(w[1], witnesses, groups) && !w[1].equals("none"), n, "a new name");
                    List<String> members = List.of(w).subList(3, w.length);
                    for (String m : members) {
                        require(known(m, witnesses, groups), n, "members defined on earlier lines");
                    }
                    int k = switch (w[2]) {
                        case "any" -> 1;
                        case "all" -> members.size();
                        default -> {
                            require(w[2].matches("[1-9][0-9]{0,3}"), n, "a threshold, any or all");
                            yield Integer.parseInt(w[2]);
                        }
                    };
                    require(k <= members.size(), n, "a threshold no larger than the group");
                    groups.put(w[1], new Group(k, members));
                }
                case "quorum" -> {
                    require(w.length == 2 && quorum == null, n, "one quorum <name|none> line");
                    require(w[1].equals("none") || known(w[1], witnesses, groups), n, "a quorum defined earlier");
                    quorum = w[1];
                }
                default -> require(false, n, "log, witness, group or quorum");
            }
        }
        require(quorum != null, n, "a quorum line");
        return new TlogPolicy(List.copyOf(logs), witnesses, groups, quorum);
    }

    /** Whether the witnesses whose cosignatures verified satisfy the quorum. */
    public boolean satisfied(java.util.Set<String> cosigned) {
        return quorum.equals("none") || satisfied(quorum, cosigned);
    }

    private boolean satisfied(String name, java.util.Set<String> cosigned) {
        if (witnesses.containsKey(name)) {
            return cosigned.contains(name);
        }
        Group group = groups.get(name);
        return group.members().stream().filter(m -> satisfied(m, cosigned)).count() >= group.k();
    }

    private static boolean known(String name, Map<String, ?> witnesses, Map<String, ?> groups) {
        return witnesses.containsKey(name) || groups.containsKey(name);
    }

    private static void require(boolean ok, int line, String expected) throws SignedNote.Malformed {
        if (!ok) {
            throw new SignedNote.Malformed("policy line " + line + ": expected " + expected);
        }
    }
}
