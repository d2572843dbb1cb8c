package org.candor.moderation;

/** What a complaint answered by an official reply was about: the rows of the offer-consistency view. */
public enum Complaint {
    DEFECT,
    DELIVERY,
    SERVICE,
    PRICE,
    OTHER;

    public String messageKey() {
        return "complaint_" + name();
    }
}
