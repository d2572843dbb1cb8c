package org.candor.moderation;

/** The tabs of the queue. */
public enum QueueTab {
    // each open item's tab is a column (migration V21), so a tab is one index in the order it is listed
    HELD("i.status = 'OPEN' and i.tab = 'HELD'"),
    REPLY("i.status = 'OPEN' and i.tab = 'REPLY'"),
    REPORTED("i.status = 'OPEN' and i.tab = 'REPORTED'"),
    NOTICES("i.status = 'OPEN' and i.tab = 'NOTICES'"),
    APPEALS("i.status = 'OPEN' and i.tab = 'APPEALS'"),
    ESCALATED("i.status = 'OPEN' and i.escalated"),
    MINE("i.status = 'OPEN' and i.claimed_by = :me and " + Claims.LIVE),
    DONE("i.status = 'DONE'");

    final String where;

    QueueTab(String where) {
        this.where = where;
    }

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String messageKey() {
        return "queue_tab_" + name();
    }

    /** The tab a query parameter names; the first tab when it names none. */
    public static QueueTab parse(String slug) {
        for (QueueTab tab : values()) {
            if (tab.slug().equals(slug)) {
                return tab;
            }
        }
        return HELD;
    }
}
