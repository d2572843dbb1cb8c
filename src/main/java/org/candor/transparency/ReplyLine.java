package org.candor.transparency;

/**
 * A subject's reply record for its page and API: of its reviews of 1 or 2 stars in the last {@code months} months,
 * how many arrived, how many have an official reply, and the median time to the first reply (seconds, -1 for none).
 * Computed from the public log, like every figure of {@code /transparency}.
 */
public record ReplyLine(long negative, long answered, long medianSeconds, int months) {

    /** The share answered, in whole percent. */
    public long percent() {
        return negative == 0 ? 0 : answered * 100 / negative;
    }

    /** The typical time to a first reply as people read it ("4 h", "35 min", "2 d"). */
    public String typical() {
        if (medianSeconds < 0) {
            return "–";
        }
        long minutes = medianSeconds / 60;
        if (minutes < 60) {
            return Math.max(1, minutes) + " min";
        }
        long hours = minutes / 60;
        return hours < 48 ? hours + " h" : hours / 24 + " d";
    }
}
