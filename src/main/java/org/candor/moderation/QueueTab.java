package org.candor.moderation;

/** The tabs of the queue. */
public enum QueueTab {
    HELD("i.status = 'OPEN' and i.kind = 'HELD'"),
    REPLY("i.status = 'OPEN' and i.kind = 'REPLY'"),
    REPORTED("i.status = 'OPEN' and i.kind in ('REPORT', 'FLAG')"),
    NOTICES("i.status = 'OPEN' and i.kind = 'NOTICE'"),
    APPEALS("i.status = 'OPEN' and i.kind = 'APPEAL'"),
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
