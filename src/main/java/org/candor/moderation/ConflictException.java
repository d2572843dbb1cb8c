package org.candor.moderation;

/** Someone else changed the item first (or holds it): the action was not taken. Shown as a 409 page. */
public class ConflictException extends RuntimeException {

    private final long itemId;

    ConflictException(long itemId, String why) {
        super(why);
        this.itemId = itemId;
    }

    public long itemId() {
        return itemId;
    }
}
